// Builds a pair's snapshot from both APIs: every list keeps its own fetch time; an incremental refresh asks Cin7 for
// records modified since (ModifiedSince) and Xero with If-Modified-Since, and merges the answers into the cached copy.
// A list that fails keeps its previous copy; the first failure is reported, and every failure is kept (coverage).
// Stored lists are compact projections. The sales and purchases that can still sync follow (document-refresh.ts).
import { z } from 'zod';
import {
  cin7AccountSchema,
  cin7CustomerSchema,
  cin7MeSchema,
  cin7ProductSchema,
  cin7SupplierSchema,
  cin7TaxRuleSchema,
  xeroAccountSchema,
  xeroCurrencySchema,
  xeroItemSchema,
  xeroOrganisationSchema,
  xeroTaxRateSchema,
  xeroTrackingCategorySchema,
  type Snapshot,
} from '../schemas';
import type { Progress } from '../protocol/shapes';
import { CIN7_LISTS, type Cin7Client, type Cin7ListName } from '../cin7/api/client';
import { XERO_LISTS, type XeroClient, type XeroListName } from '../xero/api/client';
import { describeError } from '../net/user-error';
import { organisationLockDate } from '../audit/context';
import { refreshDocuments, type DocumentIndex } from './document-refresh';
import { documentJournal, onceDocuments } from './document-journal';
import { documentWindow } from './document-window';
import { project } from './projection';
import type { ListProgress, RefreshJournal } from './refresh-journal';
import type { ListPages, SnapshotWriter } from './snapshot-store';
import { INCREMENTAL_OVERLAP_MS, mergeChanged, pageMerge } from './incremental';
export { INCREMENTAL_OVERLAP_MS, mergeChanged };

/** Every list a snapshot holds, named `<app>.<list>` as in the snapshot format. */
export const SNAPSHOT_LISTS = [
  'cin7.me',
  'cin7.accounts',
  'cin7.taxRules',
  'cin7.products',
  'cin7.customers',
  'cin7.suppliers',
  'cin7.sales',
  'cin7.purchases',
  'xero.organisation',
  'xero.accounts',
  'xero.items',
  'xero.trackingCategories',
  'xero.currencies',
  'xero.taxRates',
] as const;
export type SnapshotList = (typeof SNAPSHOT_LISTS)[number];

/**
 * What the APIs gave, nothing else: the mapping and the declared features live in the pair's own stores and are
 * combined with it only when auditing (page-inputs.ts). Older stored snapshots may carry a mapping: it is ignored,
 * and dropped by their next refresh.
 */
export interface StoredSnapshot {
  version: 1;
  snapshot: Snapshot;
  /** When each list was last fetched successfully (ISO). */
  fetched: Partial<Record<SnapshotList, string>>;
  /** The lists the last refresh could not fetch, in words (what the coverage says was not checked, or from when). */
  failed?: Partial<Record<SnapshotList, { message: string }>>;
  /** When each list was last read in full (an incremental read cannot see a record deleted since: see LIST_SWEEP_EVERY_MS). */
  fullAt?: Partial<Record<SnapshotList, string>>;
  /** The sales and purchases that can still sync, as last listed (their details are `snapshot.cin7.sales`/`purchases`). */
  documents?: DocumentIndex;
  /** Lists a refresh wrote page by page (SnapshotWriter) instead of holding them here: where their pages are. */
  pages?: Partial<Record<SnapshotList, ListPages>>;
}

const XERO_LIST_FOR: Record<'accounts' | 'items' | 'trackingCategories' | 'currencies' | 'taxRates', XeroListName> = {
  accounts: 'Accounts',
  items: 'Items',
  trackingCategories: 'TrackingCategories',
  currencies: 'Currencies',
  taxRates: 'TaxRates',
};

/** The schema each stored list item is projected to (its fields are the ones the engine reads). */
export const ITEM_SCHEMAS = {
  'cin7.accounts': cin7AccountSchema,
  'cin7.taxRules': cin7TaxRuleSchema,
  'cin7.products': cin7ProductSchema,
  'cin7.customers': cin7CustomerSchema,
  'cin7.suppliers': cin7SupplierSchema,
  'xero.accounts': xeroAccountSchema,
  'xero.items': xeroItemSchema,
  'xero.trackingCategories': xeroTrackingCategorySchema,
  'xero.currencies': xeroCurrencySchema,
  'xero.taxRates': xeroTaxRateSchema,
} as const satisfies Partial<Record<SnapshotList, z.ZodType>>;

/**
 * Deletions: Cin7 says which records were deprecated when an incremental read asks with IncludeDeprecated (they are
 * dropped), and Xero marks archived records in its answers; a record deleted outright is in no incremental answer, so
 * each list is read in full again (its ids swept) once it was last read in full longer ago than this.
 */
export const LIST_SWEEP_EVERY_MS = 24 * 3_600_000;

const deprecated = (record: object) => String((record as { Status?: unknown }).Status ?? '').toLowerCase() === 'deprecated';

export interface RefreshInput {
  cin7: Cin7Client;
  xero: XeroClient;
  previous: StoredSnapshot | undefined;
  /** Full: read every list completely. Otherwise incremental where the API allows it. */
  full: boolean;
  now: () => number;
  /** The local calenday day (the window without lock dates counts back from it); the UTC day when unset. */
  today?: string;
  /** Time left before the refresh's deadline: the documents take only what the lists left of it. */
  timeLeft?: () => number;
  onProgress?: (progress: Progress) => void;
  /** Where progress is persisted as it goes, and what an earlier, stopped run of this refresh already read. */
  journal?: RefreshJournal;
  /**
   * Where the big Cin7 lists (STREAMED_LISTS) are written page by page as they arrive, and merged page by page against
   * the stored ones: `previous` then leaves them out (read with `omit`), and the outcome names their pages.
   */
  writer?: SnapshotWriter;
}

/** The lists a refresh with a SnapshotWriter never holds whole: Cin7's paged lists. */
export const STREAMED_LISTS = ['cin7.accounts', 'cin7.taxRules', 'cin7.products', 'cin7.customers', 'cin7.suppliers'] as const;

export interface RefreshOutcome {
  stored: StoredSnapshot;
  /** Failures by list (the list kept its previous copy). */
  failures: { list: SnapshotList; error: unknown }[];
}

export async function refreshSnapshot(input: RefreshInput): Promise<RefreshOutcome> {
  const { previous, full, now } = input;
  // An older snapshot's copy of the mapping is not carried forward (the mapping's home is the mappings store).
  const { mapping: _notFromAnApi, ...previousCin7 } = previous?.snapshot.cin7 ?? {};
  const previousXero = previous?.snapshot.xero ?? {};
  const cin7: NonNullable<Snapshot['cin7']> = { ...previousCin7 };
  const xero: NonNullable<Snapshot['xero']> = { ...previousXero };
  const fetched: StoredSnapshot['fetched'] = { ...previous?.fetched };
  const fullAt: NonNullable<StoredSnapshot['fullAt']> = { ...previous?.fullAt };
  const failures: RefreshOutcome['failures'] = [];
  const written: NonNullable<StoredSnapshot['pages']> = {};
  const { journal, writer } = input;
  const saved = (list: SnapshotList): ListProgress | undefined => journal?.state.lists[list];
  const since = (list: SnapshotList): string | undefined => {
    const resumed = saved(list);
    if (resumed) return resumed.since;
    const last = previous?.fetched[list];
    // A snapshot from before fullAt was kept counts its last read as its last full one.
    const lastFull = previous?.fullAt?.[list] ?? last;
    if (full || !last || !lastFull || now() - Date.parse(lastFull) >= LIST_SWEEP_EVERY_MS) return undefined;
    return new Date(Date.parse(last) - INCREMENTAL_OVERLAP_MS).toISOString();
  };
  const progress = (list: string, page: number, pages?: number) =>
    input.onProgress?.({ list, page, pages, message: pages ? `${list}: page ${page} of ${pages}` : `${list}: page ${page}` });

  // A list read by an earlier run of this refresh keeps that run's fetch time (its records are from then).
  const run = async (list: SnapshotList, task: (startedAt: string) => Promise<void>) => {
    const startedAt = saved(list)?.startedAt ?? new Date(now()).toISOString();
    const readInFull = since(list) === undefined;
    try {
      await task(startedAt);
      fetched[list] = startedAt;
      if (readInFull) fullAt[list] = startedAt;
    } catch (error) {
      failures.push({ list, error });
    }
  };
  /** A one-call list: its answer from the journal when an earlier run got it, else fetched and journalled. */
  const once = async <T>(list: SnapshotList, startedAt: string, fetch: () => Promise<T>, mark: Partial<ListProgress> = {}): Promise<T> => {
    if (saved(list)?.done && journal) return (await journal.pages(list))[0] as T;
    const value = await fetch();
    await journal?.savePage(list, 1, value, { startedAt, pagesDone: 1, pages: 1, done: true, ...mark });
    return value;
  };

  const cin7List = (name: Exclude<Cin7ListName, never>) => {
    const list = `cin7.${name}` as const;
    return run(list, async (startedAt) => {
      const modifiedSince = CIN7_LISTS[name].incremental ? since(list) : undefined;
      // Cin7 takes UTC dates without a zone.
      const cin7Since = modifiedSince?.replace(/\.\d{3}Z$/, '');
      const schema = ITEM_SCHEMAS[list] as z.ZodType;
      const before = saved(list);
      const cached = previousCin7[name] as object[] | undefined;
      // A full read goes straight to its pages; a read of changes is merged into the stored pages at its end.
      const sink = writer && !cin7Since ? writer.list(list) : undefined;
      const pages: object[][] = [];
      const keep = async (compact: object[]) => (sink ? sink.add(compact) : void pages.push(compact));
      for (let page = 1; journal && page <= (before?.pagesDone ?? 0); page++) await keep((await journal.page(list, page)) as object[]);
      if (!before?.done) {
        await input.cin7.listAll(name, {
          modifiedSince: cin7Since,
          fromPage: (before?.pagesDone ?? 0) + 1,
          includeDeprecated: cin7Since !== undefined,
          collect: false,
          onPage: async (page) => {
            const compact = page.items.map((item) => project(schema, item) as object);
            await keep(compact);
            const mark = { startedAt, since: modifiedSince, pagesDone: page.page, pages: page.pages, done: page.last };
            await journal?.savePage(list, page.page, compact, mark);
            progress(page.list, page.page, page.pages);
          },
        });
      }
      if (sink) written[list] = await sink.end();
      else if (!cin7Since) (cin7 as Record<string, unknown>)[name] = pages.flat();
      else if (writer && !cached) written[list] = await mergeStored(writer, list, pages.flat());
      else (cin7 as Record<string, unknown>)[name] = mergeChanged(cached ?? [], pages.flat()).filter((record) => !deprecated(record));
    });
  };
  /** A list that failed keeps its stored pages when `previous` left it out (a list held there keeps its copy by itself). */
  const keptIfFailed = (list: SnapshotList, held: unknown) => {
    const kept = writer?.kept(list);
    if (kept && !held && failures.some((failure) => failure.list === list)) written[list] = kept;
  };

  const xeroList = (name: keyof typeof XERO_LIST_FOR) => {
    const list = `xero.${name}` as const;
    const apiName = XERO_LIST_FOR[name];
    return run(list, async (startedAt) => {
      progress(XERO_LISTS[apiName].label, 1, 1);
      const cached = (previousXero[name] ?? []) as object[];
      const modifiedSince = previousXero[name] ? since(list) : undefined;
      const schema = ITEM_SCHEMAS[list] as z.ZodType;
      const answer = await once(list, startedAt, async () => {
        const got = await input.xero.list(apiName, { modifiedSince });
        if (got.notModified) return { notModified: true, changedOnly: false, items: [] as object[] };
        return { notModified: false, changedOnly: got.changedOnly, items: got.items.map((item) => project(schema, item) as object) };
      }, { since: modifiedSince });
      if (answer.notModified) return;
      (xero as Record<string, unknown>)[name] = answer.changedOnly ? mergeChanged(cached, answer.items) : answer.items;
    });
  };

  const cin7Work = (async () => {
    await run('cin7.me', async (startedAt) => {
      progress('Cin7 company settings', 1, 1);
      cin7.me = await once('cin7.me', startedAt, async () => project(cin7MeSchema, await input.cin7.me()));
    });
    for (const name of ['accounts', 'taxRules', 'products', 'customers', 'suppliers'] as const) await cin7List(name).then(() => keptIfFailed(`cin7.${name}`, previousCin7[name]));
  })();
  const xeroWork = Promise.all([
    run('xero.organisation', async (startedAt) => {
      progress('Xero organisation', 1, 1);
      xero.organisation = await once('xero.organisation', startedAt, async () => project(xeroOrganisationSchema, await input.xero.organisation()));
    }),
    xeroList('accounts'),
    xeroList('items').then(() => keptIfFailed('xero.items', previousXero.items)),
    xeroList('trackingCategories'),
    xeroList('currencies'),
    xeroList('taxRates'),
  ]);
  await Promise.all([cin7Work, xeroWork]);

  // The window needs both lock dates: the documents follow the lists (their copies when this refresh's failed).
  const window = documentWindow(cin7.me, xero.organisation, input.today ?? new Date(now()).toISOString().slice(0, 10));
  const documentsAt = saved('cin7.sales')?.startedAt ?? new Date(now()).toISOString();
  const documents = await onceDocuments(journal, documentsAt, async () => refreshDocuments({
    cin7: input.cin7,
    window,
    xeroLock: organisationLockDate(xero.organisation)?.day ?? null,
    previous: { index: previous?.documents, sales: previousCin7.sales, purchases: previousCin7.purchases },
    full,
    now,
    timeLeft: input.timeLeft,
    onProgress: (list, done, of) => input.onProgress?.({ list, page: done, pages: of, message: `${list}: ${done} of ${of} documents` }),
    journal: journal && (await documentJournal(journal, documentsAt)),
  }));
  cin7.sales = documents.sales;
  cin7.purchases = documents.purchases;
  for (const list of documents.succeeded) fetched[`cin7.${list}`] = documentsAt;
  for (const { list, error } of documents.failures) if (!failures.some((f) => f.list === `cin7.${list}`)) failures.push({ list: `cin7.${list}`, error });

  const failed: StoredSnapshot['failed'] = {};
  for (const { list, error } of failures) failed[list] ??= { message: describeError(error).message };
  const pages = writer ? { pages: written } : {};
  return { stored: { version: 1, snapshot: { cin7, xero }, fetched, fullAt, failed, documents: documents.index, ...pages }, failures };
}

/** A list's changes merged into its stored pages, a page at a time (records now deprecated are dropped). */
async function mergeStored(writer: SnapshotWriter, list: string, changed: object[]): Promise<ListPages> {
  const out = writer.list(list);
  const merge = pageMerge(changed);
  for await (const page of writer.previous(list)) await out.add(merge.page(page).filter((record) => !deprecated(record)));
  await out.add(merge.rest().filter((record) => !deprecated(record)));
  return out.end();
}

/** The oldest fetch time among the lists present (what "data as of" means), or undefined. */
export function oldestFetch(stored: { fetched?: StoredSnapshot['fetched'] } | undefined): string | undefined {
  const times = Object.values(stored?.fetched ?? {}).filter((t): t is string => Boolean(t));
  return times.length ? times.reduce((a, b) => (a < b ? a : b)) : undefined;
}
