// The refresh's sales and purchases (issue #14): the documents that can still sync (document-window.ts), read
// incrementally and within Cin7's 60 calls a minute. The lists (saleList, purchaseList; spec: UpdatedSince) are read
// in full at most daily, else for changes since the last read; a document's detail (GET sale / GET purchase) is
// fetched only when the list shows it changed since the cached copy, at most DOCUMENT_DETAILS_PER_REFRESH per refresh
// (likely locked-period ones first, then the most recently changed); the next refresh continues where it stopped.
import { z } from 'zod';
import { cin7PurchaseSchema, cin7SaleSchema, optionalText, parseAnyDate, type Cin7Purchase, type Cin7Sale } from '../schemas';
import type { Cin7PurchaseListItem, Cin7SaleListItem } from '../schemas/cin7';
import type { CalendarDay } from '../schemas/dates';
import type { Cin7Client, PagedList } from '../cin7/api/client';
import { LISTS_FULL_EVERY_MS } from './document-lists';
import { inWindow, mayBeLocked, type DocumentWindow, type ListedDocument } from './document-window';
import { INCREMENTAL_OVERLAP_MS, mergeChanged } from './incremental';
import { project } from './projection';

/** Details per refresh at most: 100 calls are under two minutes of Cin7's 60 a minute, beside the other lists. */
export const DOCUMENT_DETAILS_PER_REFRESH = 100;

export type DocumentListName = 'sales' | 'purchases';

export interface IndexedDocument extends ListedDocument {
  /** The change stamp the cached detail was fetched at; a detail is fetched again when the list shows another. */
  detail?: string;
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

/** Compact details: the engine's fields, plus the sale number `GET sale` carries as `Order.SaleOrderNumber` (labels). */
const saleProjection = cin7SaleSchema.extend({ Order: z.looseObject({ SaleOrderNumber: optionalText }).nullish() });

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
  onProgress?: (message: string, done: number, of: number) => void;
  journal?: DocumentJournal;
}

export interface DocumentRefreshOutcome {
  index: DocumentIndex;
  sales: Cin7Sale[];
  purchases: Cin7Purchase[];
  /** The lists read and whose due details were fetched without an error (their fetch time is this refresh's). */
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
      const keptDetails = new Map(kept.map((entry) => [entry.id, entry.detail]));
      const merged = full ? changed : mergeChanged<ListedDocument>(kept, changed, byId);
      return merged
        .filter((entry) => inWindow(entry, window.from))
        .map((entry): IndexedDocument => ({ ...entry, detail: keptDetails.get(entry.id) }));
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
  const due = [
    ...saleIndex.filter(isDue).map((entry) => ({ list: 'sales' as const, entry })),
    ...purchaseIndex.filter(isDue).map((entry) => ({ list: 'purchases' as const, entry })),
  ].sort((a, b) => Number(mayBeLocked(b.entry, input.xeroLock)) - Number(mayBeLocked(a.entry, input.xeroLock)) || b.entry.updated.localeCompare(a.entry.updated));
  const batch = due.slice(0, Math.max(0, (input.cap ?? DOCUMENT_DETAILS_PER_REFRESH) - restored));
  const total = batch.length;
  let done = 0;
  const failedDetails = new Set<DocumentListName>();
  const fetchOne = async ({ list, entry }: (typeof batch)[number]) => {
    if (failedDetails.has(list)) return;
    try {
      // Fetched first, merged after: the other worker may have merged in the meantime.
      if (list === 'sales') {
        const sale = project(saleProjection, await cin7.sale(entry.id)) as Cin7Sale;
        await journal?.saveDetail('sales', sale);
        details.sales = mergeChanged(details.sales, [sale]);
      } else {
        const purchase = project(cin7PurchaseSchema, await cin7.purchase(entry.id));
        await journal?.saveDetail('purchases', purchase);
        details.purchases = mergeChanged(details.purchases, [purchase]);
      }
      entry.detail = entry.updated;
    } catch (error) {
      // One list's failure stops its details (a refused key or an outage fails every call); what was fetched stays.
      failedDetails.add(list);
      failures.push({ list, error });
    }
    input.onProgress?.('Cin7 sales and purchases', ++done, total);
  };
  // Two at a time, as the Cin7 queue runs them; the queue keeps the minute's budget.
  const workers = [0, 1].map(async () => {
    for (let next = batch.shift(); next; next = batch.shift()) await fetchOne(next);
  });
  await Promise.all(workers);

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

/** How many documents in the window have no current detail yet (the cap, or a failure, left them for later). */
export function pendingDocuments(index: DocumentIndex | undefined): number {
  return index ? [...index.sales, ...index.purchases].filter(isDue).length : 0;
}
