// The refresh's sales and purchases (issue #14): the documents that can still sync (document-window.ts), read
// incrementally and within Cin7's 60 calls a minute. The lists (saleList, purchaseList; spec: UpdatedSince) are read
// in full at most daily, else for changes since the last read; a document's detail (GET sale / GET purchase) is
// fetched only when the list shows it changed since the cached copy, at most DOCUMENT_DETAILS_PER_REFRESH per refresh
// (likely locked-period ones first, then the most recently changed) and as the refresh's time allows; the next refresh
// continues where it stopped. How the details are fetched, and what a failed one does: document-details.ts.
import { parseAnyDate, type Cin7Purchase, type Cin7Sale } from '../schemas';
import type { Cin7PurchaseListItem, Cin7SaleListItem } from '../schemas/cin7';
import type { CalendarDay } from '../schemas/dates';
import type { Cin7Client, PagedList } from '../cin7/api/client';
import { backingOff, fetchDetails } from './document-details';
import { LISTS_FULL_EVERY_MS } from './document-lists';
import { inWindow, mayBeLocked, type DocumentWindow, type ListedDocument } from './document-window';
import { INCREMENTAL_OVERLAP_MS, mergeChanged } from './incremental';

/** Details per refresh at most: 100 calls are under two minutes of Cin7's 60 a minute, beside the other lists. */
export const DOCUMENT_DETAILS_PER_REFRESH = 100;

export type DocumentListName = 'sales' | 'purchases';

export interface IndexedDocument extends ListedDocument {
  /** The change stamp the cached detail was fetched at; a detail is fetched again when the list shows another. */
  detail?: string;
  /** Its detail could not be read (deleted since listed, an unreadable answer): when last, and how often in a row. */
  failed?: { at: string; times: number };
}

/** What the stored snapshot keeps to read documents incrementally (beside the details in `cin7.sales`/`purchases`). */
export interface DocumentIndex {
  window: DocumentWindow;
  readAt: string;
  fullAt: string;
  sales: IndexedDocument[];
  purchases: IndexedDocument[];
  /** Lists longer than the page cap at their last full read: documents beyond it were not seen. */
  truncated: DocumentListName[];
  /** The cap on details per refresh that applied. */
  cap: number;
}

const listed = (id: string, updated: string | null | undefined, status: string | null | undefined, dates: (string | null | undefined)[]): ListedDocument => ({
  id,
  updated: updated ?? '',
  status: status ?? '',
  days: dates.map(parseAnyDate).filter((day): day is CalendarDay => day !== null),
});
const fromSale = (s: Cin7SaleListItem) => listed(s.SaleID, s.Updated, s.Status, [s.OrderDate, s.InvoiceDate]);
const fromPurchase = (p: Cin7PurchaseListItem) => listed(p.ID, p.LastUpdatedDate ?? p.Updated, p.Status, [p.OrderDate, p.InvoiceDate]);
const byId = (record: Record<string, unknown>) => (typeof record.id === 'string' ? record.id : undefined);

/** What a resumed refresh already read (issue #17), and where each list answer and detail is saved as it arrives. */
export interface DocumentJournal {
  lists: Partial<Record<DocumentListName, PagedList<unknown>>>;
  details: { list: DocumentListName; record: object }[];
  saveList(list: DocumentListName, answer: PagedList<unknown>): Promise<void>;
  saveDetail(list: DocumentListName, record: object): Promise<void>;
}

export interface DocumentRefreshInput {
  cin7: Cin7Client;
  window: DocumentWindow;
  /** Xero's lock day: documents listed on or before it are fetched first. */
  xeroLock: CalendarDay | null;
  previous: { index?: DocumentIndex; sales?: Cin7Sale[]; purchases?: Cin7Purchase[] };
  full: boolean;
  now: () => number;
  cap?: number;
  /** Time left before the refresh's deadline: details stop in time for the lists to be stored (none: no deadline). */
  timeLeft?: () => number;
  onProgress?: (message: string, done: number, of: number) => void;
  journal?: DocumentJournal;
}

export interface DocumentRefreshOutcome {
  index: DocumentIndex;
  sales: Cin7Sale[];
  purchases: Cin7Purchase[];
  /** The lists read and whose details were not stopped by Cin7 failing as a whole (their fetch time is this refresh's). */
  succeeded: DocumentListName[];
  failures: { list: DocumentListName; error: unknown }[];
}

export async function refreshDocuments(input: DocumentRefreshInput): Promise<DocumentRefreshOutcome> {
  const { cin7, window, previous, now } = input;
  const startedAt = now();
  const old = previous.index;
  const full =
    input.full || !old || startedAt - Date.parse(old.fullAt) >= LISTS_FULL_EVERY_MS || window.from < old.window.from;
  const updatedSince = full ? undefined : new Date(Date.parse(old.readAt) - INCREMENTAL_OVERLAP_MS).toISOString().replace(/\.\d{3}Z$/, '');
  const failures: DocumentRefreshOutcome['failures'] = [];
  const truncated: DocumentListName[] = [];

  const journal = input.journal;
  const readList = async <T>(list: DocumentListName, read: () => Promise<PagedList<T>>, toListed: (item: T) => ListedDocument) => {
    const kept = old?.[list] ?? [];
    try {
      const saved = journal?.lists[list] as PagedList<T> | undefined;
      const answer = saved ?? (await read());
      if (!saved) await journal?.saveList(list, answer);
      // An incremental read cannot fill what a truncated full read left out: it stays truncated until the next full one.
      if (answer.truncated || (!full && old?.truncated.includes(list))) truncated.push(list);
      const changed = answer.items.map(toListed);
      const keptEntries = new Map(kept.map((entry) => [entry.id, entry]));
      const merged = full ? changed : mergeChanged<ListedDocument>(kept, changed, byId);
      return merged
        .filter((entry) => inWindow(entry, window.from))
        .map((entry): IndexedDocument => {
          const { detail, failed, updated } = keptEntries.get(entry.id) ?? {};
          // A document changed since it could not be read is asked for again at once.
          return { ...entry, detail, ...(failed && updated === entry.updated ? { failed } : {}) };
        });
    } catch (error) {
      failures.push({ list, error });
      if (old?.truncated.includes(list)) truncated.push(list);
      return kept.filter((entry) => inWindow(entry, window.from));
    }
  };
  const options = { updatedSince };
  const [saleIndex, purchaseIndex] = await Promise.all([
    readList('sales', () => cin7.saleSummaries(options), fromSale),
    readList('purchases', () => cin7.purchaseSummaries(options), fromPurchase),
  ]);

  const details = { sales: keepListed(previous.sales ?? [], saleIndex), purchases: keepListed(previous.purchases ?? [], purchaseIndex) };
  // Details a stopped run of this refresh fetched are not fetched again, and count against this refresh's cap.
  const restored = journal?.details.length ?? 0;
  for (const { list, record } of journal?.details ?? []) {
    const entry = (list === 'sales' ? saleIndex : purchaseIndex).find((e) => e.id === (record as { ID?: string }).ID);
    if (!entry) continue;
    if (list === 'sales') details.sales = mergeChanged(details.sales, [record as Cin7Sale]);
    else details.purchases = mergeChanged(details.purchases, [record as Cin7Purchase]);
    entry.detail = entry.updated;
  }
  const askable = (entry: IndexedDocument) => isDue(entry) && !backingOff(entry, startedAt);
  const due = [
    ...saleIndex.filter(askable).map((entry) => ({ list: 'sales' as const, entry })),
    ...purchaseIndex.filter(askable).map((entry) => ({ list: 'purchases' as const, entry })),
  ].sort((a, b) => Number(mayBeLocked(b.entry, input.xeroLock)) - Number(mayBeLocked(a.entry, input.xeroLock)) || b.entry.updated.localeCompare(a.entry.updated));
  const batch = due.slice(0, Math.max(0, (input.cap ?? DOCUMENT_DETAILS_PER_REFRESH) - restored));
  const onProgress = input.onProgress && ((done: number, of: number) => input.onProgress?.('Cin7 sales and purchases', done, of));
  const saveDetail = journal && ((list: DocumentListName, record: Cin7Sale | Cin7Purchase) => journal.saveDetail(list, record));
  failures.push(...(await fetchDetails({ cin7, batch, details, now, timeLeft: input.timeLeft, onProgress, ...(saveDetail ? { saveDetail } : {}) })));

  const failed = new Set(failures.map((failure) => failure.list));
  const readAt = failed.size > 0 && old ? old.readAt : new Date(startedAt).toISOString();
  return {
    index: {
      window,
      readAt,
      fullAt: full && failed.size === 0 ? new Date(startedAt).toISOString() : (old?.fullAt ?? new Date(0).toISOString()),
      sales: saleIndex,
      purchases: purchaseIndex,
      truncated,
      cap: input.cap ?? DOCUMENT_DETAILS_PER_REFRESH,
    },
    sales: details.sales,
    purchases: details.purchases,
    succeeded: (['sales', 'purchases'] as const).filter((list) => !failed.has(list)),
    failures,
  };
}

const isDue = (entry: IndexedDocument) => entry.detail !== entry.updated;

/** Cached details of the documents still in the window (a voided or out-of-window one is dropped). */
function keepListed<T extends { ID: string }>(details: readonly T[], index: readonly IndexedDocument[]): T[] {
  const ids = new Set(index.map((entry) => entry.id));
  return details.filter((detail) => ids.has(detail.ID));
}

/** How many documents in the window have no current detail yet (the cap or the time left them for later). */
export function pendingDocuments(index: DocumentIndex | undefined): number {
  return index ? [...index.sales, ...index.purchases].filter((entry) => isDue(entry) && !entry.failed).length : 0;
}

/** How many documents in the window could not be read at their last try (asked for again after a back-off). */
export function unreadableDocuments(index: DocumentIndex | undefined): number {
  return index ? [...index.sales, ...index.purchases].filter((entry) => isDue(entry) && entry.failed).length : 0;
}
