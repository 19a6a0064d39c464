// What a refresh could not check, beside the engine's own coverage (which says which rules ran on what data): lists
// the last refresh could not fetch (and whether an older copy was checked instead), and the sales and purchases
// window (those outside it, those the per-refresh cap left for later, a list cut short). Built from the stored
// snapshot, so a re-audit (mapping saved, update) says the same as the refresh did.
import type { CoverageEntry } from '../audit/types';
import { CIN7_DOCUMENT_LIST_PAGE_CAP, CIN7_LISTS, CIN7_PAGE_SIZE } from '../cin7/api/client';
import { XERO_LISTS } from '../xero/api/client';
import type { Status } from '../protocol/shapes';
import { pendingDocuments, unreadableDocuments } from './document-refresh';
import { dayInWords } from './document-window';
import type { SnapshotList, StoredSnapshot } from './snapshot';

const LIST_LABELS: Record<SnapshotList, string> = {
  'cin7.me': 'Cin7 Core company settings',
  'cin7.accounts': CIN7_LISTS.accounts.label,
  'cin7.taxRules': CIN7_LISTS.taxRules.label,
  'cin7.products': CIN7_LISTS.products.label,
  'cin7.customers': CIN7_LISTS.customers.label,
  'cin7.suppliers': CIN7_LISTS.suppliers.label,
  'cin7.sales': 'Cin7 sales',
  'cin7.purchases': 'Cin7 purchases',
  'xero.organisation': 'Xero organisation',
  'xero.accounts': XERO_LISTS.Accounts.label,
  'xero.items': XERO_LISTS.Items.label,
  'xero.trackingCategories': XERO_LISTS.TrackingCategories.label,
  'xero.currencies': XERO_LISTS.Currencies.label,
  'xero.taxRates': XERO_LISTS.TaxRates.label,
};

/** "21 Nov 2026, 09:30 UTC". */
function timeInWords(iso: string): string {
  return `${dayInWords(iso.slice(0, 10))}, ${iso.slice(11, 16)} UTC`;
}

const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;

function failedLists(stored: StoredSnapshot): CoverageEntry[] {
  return Object.entries(stored.failed ?? {}).map(([list, failure]) => {
    const name = list as SnapshotList;
    const copy = stored.fetched[name];
    return {
      check: `fetch:${name}`,
      label: `${LIST_LABELS[name] ?? name} fetched`,
      ran: false,
      reason: copy
        ? `Not fetched at the last refresh (${failure?.message ?? 'failed'}): its checks used the copy fetched ${timeInWords(copy)}.`
        : `Not fetched (${failure?.message ?? 'failed'}): the checks that need it did not run.`,
    };
  });
}

function documentEntries(stored: StoredSnapshot): CoverageEntry[] {
  const index = stored.documents;
  if (!index) return [];
  const sales = stored.snapshot.cin7?.sales?.length ?? 0;
  const purchases = stored.snapshot.cin7?.purchases?.length ?? 0;
  const entries: CoverageEntry[] = [
    {
      check: 'documents-window',
      label: 'Sales and purchases that can still sync',
      ran: true,
      reason: `${index.window.description}: ${plural(sales, 'sale')} and ${plural(purchases, 'purchase')} checked.`,
    },
    {
      check: 'documents-outside-window',
      label: 'Older sales and purchases',
      ran: false,
      reason: `Not checked: sales and purchases dated and last changed before ${dayInWords(index.window.from)} posted to Xero (or were refused) when they were entered.`,
    },
  ];
  const pending = pendingDocuments(index);
  if (pending > 0) {
    entries.push({
      check: 'documents-pending',
      label: 'Sales and purchases not checked yet',
      ran: false,
      reason: `${pending} of ${index.sales.length + index.purchases.length} sales and purchases in the window are not checked yet: a refresh fetches at most ${index.cap} (Cin7 Core allows 60 calls a minute), fewer when its time runs short, and the next refresh continues.`,
    });
  }
  const unreadable = unreadableDocuments(index);
  if (unreadable > 0) {
    entries.push({
      check: 'documents-unreadable',
      label: 'Sales and purchases that could not be read',
      ran: false,
      reason: `${plural(unreadable, 'sale or purchase', 'sales and purchases')} in the window could not be read from Cin7 Core (deleted after being listed, or an answer Mapping Guard could not read): not checked; asked for again at a later refresh.`,
    });
  }
  if (index.truncated.length > 0) {
    const lists = index.truncated.map((list) => (list === 'sales' ? 'sale' : 'purchase')).join(' and ');
    entries.push({
      check: 'documents-truncated',
      label: 'Sales and purchases listed in full',
      ran: false,
      reason: `The Cin7 Core ${lists} list is longer than ${(CIN7_DOCUMENT_LIST_PAGE_CAP * CIN7_PAGE_SIZE).toLocaleString('en')} documents: only that many were listed, so documents in the window may be missing.`,
    });
  }
  return entries;
}

/** Coverage entries from the refresh itself (none for a snapshot never fetched). */
export function refreshCoverage(stored: StoredSnapshot | undefined): CoverageEntry[] {
  return stored ? [...failedLists(stored), ...documentEntries(stored)] : [];
}

/** The status's document window: which documents were audited, in words, and how many. */
export function documentWindowView(stored: StoredSnapshot | undefined): Status['documentWindow'] {
  const index = stored?.documents;
  if (!index) return undefined;
  return {
    from: index.window.from,
    description: index.window.description,
    sales: stored.snapshot.cin7?.sales?.length ?? 0,
    purchases: stored.snapshot.cin7?.purchases?.length ?? 0,
  };
}
