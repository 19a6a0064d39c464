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
import { documentWindow } from './document-window';
import { project } from './projection';

import { INCREMENTAL_OVERLAP_MS, mergeChanged } from './incremental';

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
  /** The sales and purchases that can still sync, as last listed (their details are `snapshot.cin7.sales`/`purchases`). */
  documents?: DocumentIndex;
}

const XERO_LIST_FOR: Record<'accounts' | 'items' | 'trackingCategories' | 'currencies' | 'taxRates', XeroListName> = {
  accounts: 'Accounts',
  items: 'Items',
  trackingCategories: 'TrackingCategories',
  currencies: 'Currencies',
  taxRates: 'TaxRates',
};

const ITEM_SCHEMAS = {
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
}

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
  const failures: RefreshOutcome['failures'] = [];
  const since = (list: SnapshotList): string | undefined => {
    const last = previous?.fetched[list];
    if (full || !last) return undefined;
    return new Date(Date.parse(last) - INCREMENTAL_OVERLAP_MS).toISOString();
  };
  const progress = (list: string, page: number, pages?: number) =>
    input.onProgress?.({ list, page, pages, message: pages ? `${list}: page ${page} of ${pages}` : `${list}: page ${page}` });

  const run = async (list: SnapshotList, task: () => Promise<void>) => {
    const startedAt = new Date(now()).toISOString();
    try {
      await task();
      fetched[list] = startedAt;
    } catch (error) {
      failures.push({ list, error });
    }
  };

  const cin7List = (name: Exclude<Cin7ListName, never>) => {
    const list = `cin7.${name}` as const;
    return run(list, async () => {
      const modifiedSince = CIN7_LISTS[name].incremental ? since(list) : undefined;
      // Cin7 takes UTC dates without a zone.
      const cin7Since = modifiedSince?.replace(/\.\d{3}Z$/, '');
      const items = await input.cin7.listAll(name, {
        modifiedSince: cin7Since,
        onPage: (page) => progress(page.list, page.page, page.pages),
      });
      const schema = ITEM_SCHEMAS[list] as z.ZodType;
      const compact = items.map((item) => project(schema, item) as object);
      const cached = (previousCin7[name] ?? []) as object[];
      (cin7 as Record<string, unknown>)[name] = cin7Since ? mergeChanged(cached, compact) : compact;
    });
  };

  const xeroList = (name: keyof typeof XERO_LIST_FOR) => {
    const list = `xero.${name}` as const;
    const apiName = XERO_LIST_FOR[name];
    return run(list, async () => {
      progress(XERO_LISTS[apiName].label, 1, 1);
      const cached = (previousXero[name] ?? []) as object[];
      const answer = await input.xero.list(apiName, { modifiedSince: previousXero[name] ? since(list) : undefined });
      if (answer.notModified) return;
      const schema = ITEM_SCHEMAS[list] as z.ZodType;
      const compact = answer.items.map((item) => project(schema, item) as object);
      (xero as Record<string, unknown>)[name] = answer.changedOnly ? mergeChanged(cached, compact) : compact;
    });
  };

  const cin7Work = (async () => {
    await run('cin7.me', async () => {
      progress('Cin7 company settings', 1, 1);
      cin7.me = project(cin7MeSchema, await input.cin7.me());
    });
    for (const name of ['accounts', 'taxRules', 'products', 'customers', 'suppliers'] as const) await cin7List(name);
  })();
  const xeroWork = Promise.all([
    run('xero.organisation', async () => {
      progress('Xero organisation', 1, 1);
      xero.organisation = project(xeroOrganisationSchema, await input.xero.organisation());
    }),
    xeroList('accounts'),
    xeroList('items'),
    xeroList('trackingCategories'),
    xeroList('currencies'),
    xeroList('taxRates'),
  ]);
  await Promise.all([cin7Work, xeroWork]);

  // The window needs both lock dates: the documents follow the lists (their copies when this refresh's failed).
  const window = documentWindow(cin7.me, xero.organisation, input.today ?? new Date(now()).toISOString().slice(0, 10));
  const documentsAt = new Date(now()).toISOString();
  const documents = await refreshDocuments({
    cin7: input.cin7,
    window,
    xeroLock: organisationLockDate(xero.organisation)?.day ?? null,
    previous: { index: previous?.documents, sales: previousCin7.sales, purchases: previousCin7.purchases },
    full,
    now,
    timeLeft: input.timeLeft,
    onProgress: (list, done, of) => input.onProgress?.({ list, page: done, pages: of, message: `${list}: ${done} of ${of} documents` }),
  });
  cin7.sales = documents.sales;
  cin7.purchases = documents.purchases;
  for (const list of documents.succeeded) fetched[`cin7.${list}`] = documentsAt;
  for (const { list, error } of documents.failures) if (!failures.some((f) => f.list === `cin7.${list}`)) failures.push({ list: `cin7.${list}`, error });

  const failed: StoredSnapshot['failed'] = {};
  for (const { list, error } of failures) failed[list] ??= { message: describeError(error).message };
  return { stored: { version: 1, snapshot: { cin7, xero }, fetched, failed, documents: documents.index }, failures };
}

/** The oldest fetch time among the lists present (what "data as of" means), or undefined. */
export function oldestFetch(stored: { fetched?: StoredSnapshot['fetched'] } | undefined): string | undefined {
  const times = Object.values(stored?.fetched ?? {}).filter((t): t is string => Boolean(t));
  return times.length ? times.reduce((a, b) => (a < b ? a : b)) : undefined;
}
