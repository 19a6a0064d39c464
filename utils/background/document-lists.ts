// The pair's Cin7 sale and purchase summaries, for counting documents in a date range (countLockedDocuments).
// Kept per pair for the worker's life and refreshed incrementally with the lists' UpdatedSince filter (spec: saleList
// and purchaseList take it); one read per pair at a time, which concurrent callers join. A list longer than the page
// cap is kept as far as it was read and marked truncated, so the count says it is partial instead of hiding it.
import {
  CIN7_DOCUMENT_LIST_PAGE_CAP,
  type Cin7Client,
  type PagedList,
} from '../cin7/api/client';
import type { Cin7PurchaseListItem, Cin7SaleListItem } from '../schemas/cin7';
import { INCREMENTAL_OVERLAP_MS, mergeChanged } from './incremental';

/** Within this, a count is answered from the kept lists without a call. */
export const LISTS_FRESH_MS = 2 * 60_000;
/** A full read at least this often: UpdatedSince shows changed documents, never deleted ones. */
export const LISTS_FULL_EVERY_MS = 24 * 3_600_000;

type ListName = 'sales' | 'purchases';

interface KeptList<T> {
  items: T[];
  pagesRead: number;
  /** The last full read stopped at the page cap (an incremental read cannot fill the gap). */
  truncated: boolean;
}

interface KeptLists {
  sales: KeptList<Cin7SaleListItem>;
  purchases: KeptList<Cin7PurchaseListItem>;
  /** When the last read started (ms): the next incremental read asks for changes since shortly before it. */
  readAt: number;
  fullAt: number;
}

export interface DocumentLists {
  sales: readonly Cin7SaleListItem[];
  purchases: readonly Cin7PurchaseListItem[];
  /** Lists longer than the page cap: counted as far as they were read. */
  truncatedLists: ListName[];
  pagesRead: { sales: number; purchases: number };
  pageCap: number;
}

/** Only what counting needs: the worker keeps up to the cap's 50,000 summaries per list. */
const compactSale = (s: Cin7SaleListItem): Cin7SaleListItem => ({ SaleID: s.SaleID, Status: s.Status, OrderDate: s.OrderDate, InvoiceDate: s.InvoiceDate });
const compactPurchase = (p: Cin7PurchaseListItem): Cin7PurchaseListItem => ({ ID: p.ID, Status: p.Status, OrderDate: p.OrderDate, InvoiceDate: p.InvoiceDate });
const saleKey = (record: Record<string, unknown>) => (typeof record.SaleID === 'string' ? record.SaleID : undefined);
const purchaseKey = (record: Record<string, unknown>) => (typeof record.ID === 'string' ? record.ID : undefined);

export class DocumentListCache {
  private readonly kept = new Map<string, KeptLists>();
  private readonly reading = new Map<string, Promise<DocumentLists>>();

  constructor(
    private readonly now: () => number,
    private readonly pageCap = CIN7_DOCUMENT_LIST_PAGE_CAP,
  ) {}

  /** The pair's lists: kept ones while fresh, else one read (joined by every caller while it runs). */
  lists(pairId: string, cin7: () => Promise<Cin7Client>): Promise<DocumentLists> {
    const running = this.reading.get(pairId);
    if (running) return running;
    const kept = this.kept.get(pairId);
    if (kept && this.now() - kept.readAt < LISTS_FRESH_MS) return Promise.resolve(this.view(kept));
    const read = this.read(pairId, kept, cin7).finally(() => this.reading.delete(pairId));
    this.reading.set(pairId, read);
    return read;
  }

  /** Whether an answer needs the API now (a content caller's budget is charged only then). */
  needsRead(pairId: string): boolean {
    const kept = this.kept.get(pairId);
    return !this.reading.has(pairId) && !(kept && this.now() - kept.readAt < LISTS_FRESH_MS);
  }

  forget(pairId: string): void {
    this.kept.delete(pairId);
  }

  private async read(pairId: string, kept: KeptLists | undefined, cin7: () => Promise<Cin7Client>): Promise<DocumentLists> {
    const startedAt = this.now();
    const full = !kept || startedAt - kept.fullAt >= LISTS_FULL_EVERY_MS;
    // Cin7 takes UTC dates without a zone (as for the other lists' ModifiedSince).
    const updatedSince = full ? undefined : new Date(kept.readAt - INCREMENTAL_OVERLAP_MS).toISOString().replace(/\.\d{3}Z$/, '');
    const client = await cin7();
    const options = { maxPages: this.pageCap, updatedSince };
    const [sales, purchases] = await Promise.all([client.saleSummaries(options), client.purchaseSummaries(options)]);
    const next: KeptLists = {
      sales: merged(kept?.sales, sales, compactSale, saleKey, full),
      purchases: merged(kept?.purchases, purchases, compactPurchase, purchaseKey, full),
      readAt: startedAt,
      fullAt: full ? startedAt : (kept?.fullAt ?? startedAt),
    };
    // Changes beyond the cap since the last read: the kept copy has gaps, so the next read is a full one.
    if (!full && (sales.truncated || purchases.truncated)) next.fullAt = -Infinity;
    this.kept.set(pairId, next);
    return this.view(next);
  }

  private view(kept: KeptLists): DocumentLists {
    return {
      sales: kept.sales.items,
      purchases: kept.purchases.items,
      truncatedLists: (['sales', 'purchases'] as const).filter((name) => kept[name].truncated),
      pagesRead: { sales: kept.sales.pagesRead, purchases: kept.purchases.pagesRead },
      pageCap: this.pageCap,
    };
  }
}

function merged<T extends object>(
  kept: KeptList<T> | undefined,
  read: PagedList<T>,
  compact: (item: T) => T,
  keyOf: (record: Record<string, unknown>) => string | undefined,
  full: boolean,
): KeptList<T> {
  const items = read.items.map(compact);
  if (full || !kept) return { items, pagesRead: read.pagesRead, truncated: read.truncated };
  return { items: mergeChanged(kept.items, items, keyOf), pagesRead: kept.pagesRead, truncated: kept.truncated || read.truncated };
}
