// The stored snapshot by list and page (issue #17): a pair's snapshot is a small meta record (fetch times, the
// document index, single objects such as `me`) plus one record per page of each list, encoded with shared strings
// (page-codec.ts). A 200,000-product account is a few hundred records of well under 1 MB, none holding everything,
// and a reader decodes page by page instead of cloning one record of a hundred MB.
// Writes are generation-stamped: new pages first, then the meta record that points at them, then the old pages go,
// so a worker stopped mid-write leaves the previous snapshot readable.
import { z } from 'zod';
import { idbDelete, idbGet, idbGetRange, idbKeys, idbPut, openDatabase } from './idb';
import { decodePage, encodePage } from './page-codec';
import type { StoredSnapshot } from './snapshot';

export const PAGE_RECORDS = 1000;
/**
 * Pages fetched per read: few enough that a list's encoded pages are never all held with its records, enough that a
 * 200-page list is a handful of round trips (one read per page cost the worker more than decoding them).
 */
const PAGES_PER_READ = 25;

const metaSchema = z.object({
  version: z.literal(2),
  fetched: z.record(z.string(), z.string().max(40)),
  /** Per side, each list's generation and page count; other fields of the side are kept here whole. */
  lists: z.record(z.string().max(60), z.object({ gen: z.string().max(40), pages: z.number().int().min(0).max(1_000_000) })),
  sides: z.object({ cin7: z.record(z.string(), z.unknown()).optional(), xero: z.record(z.string(), z.unknown()).optional() }),
  rest: z.record(z.string(), z.unknown()),
});
type Meta = z.infer<typeof metaSchema>;

const SEP = '\u0001';
const metaKey = (pairId: string) => `${pairId}${SEP}meta`;
const pageKey = (pairId: string, list: string, gen: string, page: number) => `${pairId}${SEP}${list}${SEP}${gen}${SEP}${String(page).padStart(6, '0')}`;

export interface SnapshotRecord {
  key: string;
  value: unknown;
}

/** The records a snapshot is stored as (the meta record last). Exported for the bench's size figures. */
export function snapshotRecords(pairId: string, stored: StoredSnapshot, gen: string): SnapshotRecord[] {
  const { snapshot, fetched, ...rest } = stored;
  const records: SnapshotRecord[] = [];
  const lists: Meta['lists'] = {};
  const sides: Meta['sides'] = {};
  for (const side of ['cin7', 'xero'] as const) {
    const kept: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(snapshot[side] ?? {})) {
      if (!Array.isArray(value)) {
        kept[name] = value;
        continue;
      }
      const list = `${side}.${name}`;
      let pages = 0;
      for (let start = 0; start < value.length; start += PAGE_RECORDS) {
        records.push({ key: pageKey(pairId, list, gen, ++pages), value: encodePage(value.slice(start, start + PAGE_RECORDS) as object[]) });
      }
      lists[list] = { gen, pages };
    }
    if (snapshot[side]) sides[side] = kept;
  }
  const meta: Meta = { version: 2, fetched, lists, sides, rest: rest as Record<string, unknown> };
  records.push({ key: metaKey(pairId), value: meta });
  return records;
}

export interface ReadOptions {
  /** Per list (`cin7.products`), top-level fields left out of its records: an audit needs only what rules read. */
  skip?: Readonly<Record<string, readonly string[]>>;
}

export interface SnapshotStore {
  get(pairId: string, options?: ReadOptions): Promise<StoredSnapshot | undefined>;
  put(pairId: string, stored: StoredSnapshot): Promise<void>;
  forget(pairId: string): Promise<void>;
}

export function createSnapshotStore(dbName = 'mapping-guard-snapshots'): SnapshotStore {
  let database: Promise<IDBDatabase> | undefined;
  const db = () => (database ??= openDatabase(dbName, ['parts'], 1));
  const keysOf = async (pairId: string) => (await idbKeys(await db(), 'parts')).filter((key) => key.startsWith(`${pairId}${SEP}`));
  return {
    async get(pairId, options = {}) {
      const parsed = metaSchema.safeParse(await idbGet(await db(), 'parts', metaKey(pairId)));
      if (!parsed.success) return undefined;
      const meta = parsed.data;
      const snapshot: Record<string, Record<string, unknown>> = {};
      for (const side of ['cin7', 'xero'] as const) if (meta.sides[side]) snapshot[side] = { ...meta.sides[side] };
      for (const [list, { gen, pages }] of Object.entries(meta.lists)) {
        const [side, name] = list.split('.') as ['cin7' | 'xero', string];
        const records: object[] = [];
        const skip = options.skip?.[list] ? new Set(options.skip[list]) : undefined;
        for (let first = 1; first <= pages; first += PAGES_PER_READ) {
          const last = Math.min(pages, first + PAGES_PER_READ - 1);
          const batch = await idbGetRange(await db(), 'parts', pageKey(pairId, list, gen, first), pageKey(pairId, list, gen, last));
          if (batch.length !== last - first + 1) return undefined; // a page is missing: treated as no snapshot (the next refresh rewrites it)
          for (let page = 0; page < batch.length; page++) {
            decodePage(batch[page], records, skip);
            batch[page] = undefined; // let each page go once decoded
          }
        }
        (snapshot[side] ??= {})[name] = records;
      }
      return { ...(meta.rest as object), version: 1, snapshot, fetched: meta.fetched } as StoredSnapshot;
    },
    async put(pairId, stored) {
      const gen = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
      const records = snapshotRecords(pairId, stored, gen);
      for (const { key, value } of records) await idbPut(await db(), 'parts', key, value);
      // The meta record now points at this generation: every other page of the pair is the previous one's.
      for (const key of await keysOf(pairId)) if (key !== metaKey(pairId) && !key.includes(`${SEP}${gen}${SEP}`)) await idbDelete(await db(), 'parts', key);
    },
    async forget(pairId) {
      for (const key of await keysOf(pairId)) await idbDelete(await db(), 'parts', key);
    },
  };
}
