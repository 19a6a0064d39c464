// The stored snapshot by list and page (issue #17): a pair's snapshot is a small meta record (fetch times, the
// document index, single objects such as `me`) plus one record per page of each list, encoded with shared strings
// (page-codec.ts). A 200,000-product account is under a hundred records of about 1 MB, none holding everything, and a
// reader decodes page by page instead of cloning one record of a hundred MB.
// Writes are generation-stamped: new pages first, then the meta record that points at them, then the old pages go,
// so a worker stopped mid-write leaves the previous snapshot readable.
import { z } from 'zod';
import { idbDelete, idbGet, idbGetRange, idbKeys, idbPut, openDatabase } from './idb';
import { decodePage, encodePage, isEncodedPage, joinColumns, splitColumns, type DecodeOptions, type EncodedColumns } from './page-codec';
import { AUDIT_UNREAD_FIELDS } from '../audit/unread-fields';
import type { StoredSnapshot } from './snapshot';

/**
 * Records per page. Reading an IndexedDB record costs the worker about 1.6 ms whatever its size (Chromium 150: the
 * re-audit of 200,000 products read 731 records in 1,550 ms, 153 in 600 ms, 81 in 250–400 ms), so pages are large.
 */
export const PAGE_RECORDS = 10000;
/** Pages fetched per read: 30,000 records, so a list's encoded pages are never all held with its records. */
const PAGES_PER_READ = 3;

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
/** A page's columns kept apart: after all of its list's pages in key order ('~' sorts after the digits). */
const restKey = (pairId: string, list: string, gen: string, page: number) => `${pairId}${SEP}${list}${SEP}${gen}${SEP}~${String(page).padStart(6, '0')}`;

/**
 * Per list, the fields whose columns are stored in a record of their own: the ones the audit leaves out, so its read
 * fetches and holds fewer bytes while it decodes (a Xero item's id, descriptions and prices are about two thirds of its
 * stored bytes). The read's time goes with the number of records more than with their bytes (PAGE_RECORDS).
 */
const KEPT_APART: Readonly<Record<string, ReadonlySet<string>>> = Object.fromEntries(
  Object.entries(AUDIT_UNREAD_FIELDS).map(([list, fields]) => [list, new Set(fields)]),
);

/** A page's records as stored: its encoded page, and the columns kept apart in a second record when it has any. */
function pageRecords(pairId: string, list: string, gen: string, page: number, records: readonly object[]): SnapshotRecord[] {
  const encoded = encodePage(records);
  const apart = KEPT_APART[list];
  if (!apart || Array.isArray(encoded)) return [{ key: pageKey(pairId, list, gen, page), value: encoded }];
  const { main, rest } = splitColumns(encoded, apart);
  return [
    { key: pageKey(pairId, list, gen, page), value: main },
    { key: restKey(pairId, list, gen, page), value: rest },
  ];
}

export interface SnapshotRecord {
  key: string;
  value: unknown;
}

/** Where a list's pages are: written by a SnapshotWriter, or kept from the previous snapshot. */
export type ListPages = Meta['lists'][string];

/** The records a snapshot is stored as (the meta record last). Exported for the bench's size figures. */
export function snapshotRecords(pairId: string, stored: StoredSnapshot, gen: string): SnapshotRecord[] {
  return [...recordsOf(pairId, stored, gen)];
}

/** One record at a time, so a writer never holds every encoded page at once. */
function* recordsOf(pairId: string, stored: StoredSnapshot, gen: string): Generator<SnapshotRecord> {
  const { snapshot, fetched, pages: written, ...rest } = stored;
  const lists: Meta['lists'] = { ...written };
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
        yield* pageRecords(pairId, list, gen, ++pages, value.slice(start, start + PAGE_RECORDS) as object[]);
      }
      lists[list] = { gen, pages };
    }
    if (snapshot[side] || Object.keys(written ?? {}).some((list) => list.startsWith(`${side}.`))) sides[side] = kept;
  }
  const meta: Meta = { version: 2, fetched, lists, sides, rest: rest as Record<string, unknown> };
  yield { key: metaKey(pairId), value: meta };
}

/**
 * A batch's pages with their columns kept apart put back, in page order (pages written before any was kept apart have
 * none). A page missing its columns is left out, so the batch reads as incomplete.
 */
function joinApart(batch: unknown[], rest: unknown[]): unknown[] {
  const keptApart = (page: unknown): page is EncodedColumns => isEncodedPage(page) && page.codec === 2 && page.apart === true;
  if (batch.filter(keptApart).length !== rest.length) return []; // a record of the batch is missing
  let next = 0;
  const joined: unknown[] = [];
  for (const page of batch) {
    if (!keptApart(page)) joined.push(page);
    else {
      const columns = rest[next++];
      if (isEncodedPage(columns) && columns.codec === 2 && columns.rows === page.rows) joined.push(joinColumns(page, columns));
    }
  }
  return joined;
}

export interface ReadOptions {
  /** Per list (`cin7.products`), top-level fields left out of its records: an audit needs only what rules read. */
  skip?: Readonly<Record<string, readonly string[]>>;
  /** Lists not read at all (a refresh reads the big ones page by page: SnapshotWriter.previous). */
  omit?: readonly string[];
  /** Null fields left out of the records (page-codec.ts DecodeOptions.dropNull). */
  dropNull?: boolean;
  /** The reader never changes a record (page-codec.ts DecodeOptions.readOnly). */
  readOnly?: boolean;
}

/**
 * How an audit reads the stored snapshot: without the fields no rule reads, nor null ones (the engine reads null and
 * absent alike), its records read-only (the engine is pure).
 */
export const AUDIT_READ: ReadOptions = Object.freeze({ skip: AUDIT_UNREAD_FIELDS, dropNull: true, readOnly: true });

/**
 * A refresh's lists written page by page as they arrive (issue #17), under a new generation: nothing is visible until
 * the snapshot that names them (StoredSnapshot.pages) is put; the pages of an abandoned write go at the next put.
 */
export interface SnapshotWriter {
  /** The previous snapshot's pages of a list, decoded with every field, a page at a time (none: no such list). */
  previous(list: string): AsyncGenerator<object[]>;
  /** Starts the list anew; records added are stored in pages of PAGE_RECORDS. */
  list(list: string): { add(records: readonly object[]): Promise<void>; end(): Promise<ListPages> };
  /** The previous snapshot's pages of a list, as they are (undefined: it had none). */
  kept(list: string): ListPages | undefined;
  /** A snapshot naming written pages, read (as `get` reads the stored one) whether or not it could be put. */
  read(stored: StoredSnapshot, options?: ReadOptions): Promise<StoredSnapshot>;
}

export interface SnapshotStore {
  get(pairId: string, options?: ReadOptions): Promise<StoredSnapshot | undefined>;
  put(pairId: string, stored: StoredSnapshot): Promise<void>;
  forget(pairId: string): Promise<void>;
  writer(pairId: string): Promise<SnapshotWriter>;
}

const newGen = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

export function createSnapshotStore(dbName = 'mapping-guard-snapshots'): SnapshotStore {
  let database: Promise<IDBDatabase> | undefined;
  const db = () => (database ??= openDatabase(dbName, ['parts'], 1));
  const keysOf = async (pairId: string) => (await idbKeys(await db(), 'parts')).filter((key) => key.startsWith(`${pairId}${SEP}`));
  const readMeta = async (pairId: string) => {
    const parsed = metaSchema.safeParse(await idbGet(await db(), 'parts', metaKey(pairId)));
    return parsed.success ? parsed.data : undefined;
  };
  /**
   * A list's pages, PAGES_PER_READ per IndexedDB call, each decoded into one array, or appended to `into` when given
   * (no array per page; yields it each time) (undefined: a page is missing). The
   * next call is under way while a batch is decoded: the worker would otherwise sit idle for every round trip.
   */
  async function* pagesOf(pairId: string, list: string, { gen, pages }: ListPages, decode: DecodeOptions = {}, into?: object[]): AsyncGenerator<object[] | undefined> {
    // The columns kept apart are read only by a reader that wants one of their fields.
    const apart = KEPT_APART[list];
    const wantsApart = apart !== undefined && [...apart].some((field) => !decode.skip?.has(field));
    const range = (first: number) => {
      const last = Math.min(pages, first + PAGES_PER_READ - 1);
      const read = db().then(async (opened) => {
        const [batch, rest] = await Promise.all([
          idbGetRange(opened, 'parts', pageKey(pairId, list, gen, first), pageKey(pairId, list, gen, last)),
          wantsApart ? idbGetRange(opened, 'parts', restKey(pairId, list, gen, first), restKey(pairId, list, gen, last)) : [],
        ]);
        return { batch: wantsApart ? joinApart(batch, rest) : batch, size: last - first + 1 };
      });
      read.catch(() => undefined); // a reader that stops early leaves it unread
      return read;
    };
    let next = pages > 0 ? range(1) : undefined;
    for (let first = 1; next; first += PAGES_PER_READ) {
      const { batch, size } = await next;
      next = first + PAGES_PER_READ <= pages ? range(first + PAGES_PER_READ) : undefined;
      if (batch.length !== size) {
        yield undefined;
        return;
      }
      for (let page = 0; page < batch.length; page++) {
        const records = decodePage(batch[page], into ?? [], decode);
        batch[page] = undefined; // let each page go once decoded
        yield records;
      }
    }
  }
  const assemble = async (pairId: string, meta: Meta, options: ReadOptions): Promise<StoredSnapshot | undefined> => {
    const snapshot: Record<string, Record<string, unknown>> = {};
    for (const side of ['cin7', 'xero'] as const) if (meta.sides[side]) snapshot[side] = { ...meta.sides[side] };
    for (const [list, pages] of Object.entries(meta.lists)) {
      if (options.omit?.includes(list)) continue;
      const [side, name] = list.split('.') as ['cin7' | 'xero', string];
      const records: object[] = [];
      const skip = options.skip?.[list] ? new Set(options.skip[list]) : undefined;
      // Decoded straight into the list: no array per page to copy from.
      for await (const page of pagesOf(pairId, list, pages, { skip, dropNull: options.dropNull, readOnly: options.readOnly }, records)) {
        if (!page) return undefined; // a page is missing: treated as no snapshot (the next refresh rewrites it)
      }
      (snapshot[side] ??= {})[name] = records;
    }
    return { ...(meta.rest as object), version: 1, snapshot, fetched: meta.fetched } as StoredSnapshot;
  };
  return {
    async get(pairId, options = {}) {
      const meta = await readMeta(pairId);
      return meta ? assemble(pairId, meta, options) : undefined;
    },
    async put(pairId, stored) {
      const gen = newGen();
      let meta: Meta | undefined;
      for (const record of recordsOf(pairId, stored, gen)) {
        await idbPut(await db(), 'parts', record.key, record.value);
        meta = record.value as Meta;
      }
      // The meta record now points at its pages: every other page of the pair is an older snapshot's (or abandoned).
      const named = new Set(Object.entries(meta?.lists ?? {}).map(([list, { gen: at }]) => `${pairId}${SEP}${list}${SEP}${at}${SEP}`));
      for (const key of await keysOf(pairId)) if (key !== metaKey(pairId) && !named.has(key.slice(0, key.lastIndexOf(SEP) + 1))) await idbDelete(await db(), 'parts', key);
    },
    async forget(pairId) {
      for (const key of await keysOf(pairId)) await idbDelete(await db(), 'parts', key);
    },
    async writer(pairId) {
      const before = await readMeta(pairId);
      const gen = newGen();
      return {
        async *previous(list) {
          const pages = before?.lists[list];
          if (!pages) return;
          for await (const page of pagesOf(pairId, list, pages)) {
            if (!page) throw new Error(`The stored ${list} is incomplete`);
            yield page;
          }
        },
        list(list) {
          let buffer: object[] = [];
          let pages = 0;
          const flush = async () => {
            for (const record of pageRecords(pairId, list, gen, ++pages, buffer)) await idbPut(await db(), 'parts', record.key, record.value);
            buffer = [];
          };
          return {
            async add(records) {
              for (const record of records) {
                buffer.push(record);
                if (buffer.length === PAGE_RECORDS) await flush();
              }
            },
            async end() {
              if (buffer.length > 0) await flush();
              return { gen, pages };
            },
          };
        },
        kept: (list) => before?.lists[list],
        async read(stored, options = {}) {
          // Only the written lists are read; the ones held in memory (the small ones) are as they are.
          const meta: Meta = { version: 2, fetched: {}, lists: { ...stored.pages }, sides: {}, rest: {} };
          const paged = (await assemble(pairId, meta, options)) ?? { snapshot: {} };
          const snapshot = { ...stored.snapshot } as Record<string, Record<string, unknown>>;
          for (const side of ['cin7', 'xero'] as const) {
            const read = (paged.snapshot as Record<string, Record<string, unknown> | undefined>)[side];
            if (read) snapshot[side] = { ...snapshot[side], ...read };
          }
          const { pages: _named, ...rest } = stored;
          return { ...rest, snapshot } as StoredSnapshot;
        },
      };
    },
  };
}
