// The refresh's document details (GET sale / GET purchase), two at a time as the Cin7 queue runs them. A failure that
// says Cin7 cannot be used now (a refused key, its rate limit, no answer, a server error after the retries) stops its
// list's details; one document that cannot be read (deleted since it was listed, an answer we cannot read) is marked
// and tried again after a back-off, and the others go on. Details stop starting when the refresh's deadline is near,
// and those in flight are given up just before it: the lists already fetched must be stored (refresher.ts).
import { z } from 'zod';
import { cin7PurchaseSchema, cin7SaleSchema, optionalText, type Cin7Purchase, type Cin7Sale } from '../schemas';
import type { Cin7Client } from '../cin7/api/client';
import { Cin7HttpError } from '../cin7/api/errors';
import { UserFacingError } from '../net/user-error';
import type { DocumentListName, IndexedDocument } from './document-refresh';
import { mergeChanged } from './incremental';
import { project } from './projection';

/** No detail starts with less time than this left: an answer may wait out Cin7's minute, then storing and auditing. */
export const DETAILS_START_MARGIN_MS = 3 * 60_000;
/** Details still in flight this close to the deadline are given up, so what was fetched is stored in time. */
export const DETAILS_STOP_MARGIN_MS = 60_000;
/** A document that could not be read is asked for again after this, doubling per failure in a row up to the cap. */
export const UNREADABLE_RETRY_MS = 60 * 60_000;
export const UNREADABLE_RETRY_CAP_MS = 7 * 24 * 60 * 60_000;

/** Compact details: the engine's fields, plus the sale number `GET sale` carries as `Order.SaleOrderNumber` (labels). */
const saleProjection = cin7SaleSchema.extend({ Order: z.looseObject({ SaleOrderNumber: optionalText }).nullish() });

export interface DetailJob {
  list: DocumentListName;
  entry: IndexedDocument;
}

export interface DetailsInput {
  cin7: Cin7Client;
  batch: DetailJob[];
  /** The cached details, replaced as details arrive. */
  details: { sales: Cin7Sale[]; purchases: Cin7Purchase[] };
  now: () => number;
  /** Time left before the refresh's deadline (none: no deadline). */
  timeLeft?: () => number;
  onProgress?: (done: number, of: number) => void;
  /** Keeps each detail as it arrives (the refresh journal), so a stopped worker does not fetch it again. */
  saveDetail?: (list: DocumentListName, record: Cin7Sale | Cin7Purchase) => Promise<void>;
}

/** Whether the failure concerns Cin7 as a whole (every other call would fail alike) rather than this one document. */
export function stopsTheList(error: unknown): boolean {
  if (error instanceof Cin7HttpError) return error.status >= 500;
  return error instanceof UserFacingError && ['cin7-credentials', 'cin7-rate-limit', 'network', 'site-access'].includes(error.code);
}

/** Whether a document that could not be read is still waiting out its back-off (it is not asked for meanwhile). */
export function backingOff(entry: IndexedDocument, now: number): boolean {
  if (!entry.failed) return false;
  const pause = Math.min(UNREADABLE_RETRY_MS * 2 ** (entry.failed.times - 1), UNREADABLE_RETRY_CAP_MS);
  return now - Date.parse(entry.failed.at) < pause;
}

/** Fetches the batch's details into `input.details`; returns the failures that stopped a list. */
export async function fetchDetails(input: DetailsInput): Promise<{ list: DocumentListName; error: unknown }[]> {
  const { cin7, batch, details, now, timeLeft } = input;
  const failures: { list: DocumentListName; error: unknown }[] = [];
  const stopped = new Set<DocumentListName>();
  const total = batch.length;
  let done = 0;
  let closed = false; // given up near the deadline: late answers change nothing
  const fetchOne = async ({ list, entry }: DetailJob) => {
    try {
      // Fetched first, merged after: the other worker may have merged in the meantime.
      const record = list === 'sales' ? (project(saleProjection, await cin7.sale(entry.id)) as Cin7Sale) : project(cin7PurchaseSchema, await cin7.purchase(entry.id));
      if (closed) return;
      await input.saveDetail?.(list, record);
      if (list === 'sales') details.sales = mergeChanged(details.sales, [record as Cin7Sale]);
      else details.purchases = mergeChanged(details.purchases, [record as Cin7Purchase]);
      entry.detail = entry.updated;
      delete entry.failed;
    } catch (error) {
      if (closed) return;
      // A server error may be this document's alone: it waits its turn too, so it cannot stall the list for ever.
      if (!stopsTheList(error) || error instanceof Cin7HttpError) entry.failed = { at: new Date(now()).toISOString(), times: (entry.failed?.times ?? 0) + 1 };
      if (stopsTheList(error)) {
        stopped.add(list);
        failures.push({ list, error });
      } else if (error instanceof UserFacingError && error.code === 'not-found') {
        // Deleted in Cin7 since it was listed: an older copy of it must not be audited.
        if (list === 'sales') details.sales = details.sales.filter((sale) => sale.ID !== entry.id);
        else details.purchases = details.purchases.filter((purchase) => purchase.ID !== entry.id);
      }
    }
    input.onProgress?.(++done, total);
  };
  const mayStart = () => !closed && (!timeLeft || timeLeft() >= DETAILS_START_MARGIN_MS);
  const workers = Promise.all(
    [0, 1].map(async () => {
      for (let next = batch.shift(); next && mayStart(); next = batch.shift()) if (!stopped.has(next.list)) await fetchOne(next);
    }),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const giveUp = timeLeft && new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, timeLeft() - DETAILS_STOP_MARGIN_MS))));
  await (giveUp ? Promise.race([workers, giveUp]) : workers);
  closed = true;
  clearTimeout(timer);
  return failures;
}
