// A refresh's progress, persisted as it goes (issue #17): which lists are done, each paged list's pages read so far
// with their records, and the marks (ModifiedSince, fetch time) it used. Chrome stops an MV3 worker when it likes and
// users close browsers: the next worker start resumes the refresh from here without repeating a call that succeeded.
// Kept in its own database, beside the pair data: a journal is written per page and deleted when the refresh ends.
import { z } from 'zod';
import { idbClear, idbDelete, idbGet, idbKeys, idbPut, openDatabase } from './idb';
import { decodePage, encodePage, isEncodedPage } from './page-codec';
import { readRecord } from './stored-records';

/** A journal older than this is dropped rather than resumed: its pages no longer say what the apps hold. */
export const JOURNAL_MAX_AGE_MS = 24 * 3_600_000;

const listProgressSchema = z.object({
  /** When the list's read began (it becomes the list's fetch time). */
  startedAt: z.string().max(40),
  /** The ModifiedSince / If-Modified-Since the read used (a resumed read keeps it). */
  since: z.string().max(40).optional(),
  pagesDone: z.number().int().min(0).max(100_000),
  pages: z.number().int().min(0).max(100_000).optional(),
  done: z.boolean(),
  /** Xero answered only the changed records (merge them), or nothing changed. */
  changedOnly: z.boolean().optional(),
  notModified: z.boolean().optional(),
});
export type ListProgress = z.infer<typeof listProgressSchema>;

export const journalSchema = z.object({
  version: z.literal(1),
  full: z.boolean(),
  startedAt: z.string().max(40),
  /** How many times the refresh was resumed after the worker stopped. */
  resumes: z.number().int().min(0).max(10_000),
  lists: z.record(z.string().max(40), listProgressSchema),
  /** Why the refresh could not finish (it is not resumed on its own then; the next refresh continues it). */
  error: z.string().max(2000).optional(),
});
export type JournalState = z.infer<typeof journalSchema>;

/** What the refresh asks of its journal: the saved progress, and saving each page or list as it arrives. */
export interface RefreshJournal {
  readonly state: JournalState;
  /** Records of pages 1..pagesDone of a list (in order). */
  pages(list: string): Promise<unknown[]>;
  /** The records of one page of a list (1-based). */
  page(list: string, page: number): Promise<unknown>;
  savePage(list: string, page: number, items: unknown, progress: ListProgress): Promise<void>;
  saveList(list: string, progress: ListProgress): Promise<void>;
}

export interface JournalStore {
  get(pairId: string): Promise<JournalState | undefined>;
  /** Starts a journal, or reopens the unfinished one (`resumed`). */
  open(pairId: string, full: boolean, now: number): Promise<{ journal: RefreshJournal; resumed: boolean }>;
  fail(pairId: string, message: string): Promise<void>;
  clear(pairId: string): Promise<void>;
  /** Pairs whose refresh stopped without an error (the worker stopped): to resume. */
  unfinished(now: number): Promise<string[]>;
}

const pageKey = (pairId: string, list: string, page: number) => `${pairId}\u0001${list}\u0001${String(page).padStart(6, '0')}`;

export function createJournalStore(dbName = 'mapping-guard-refresh'): JournalStore {
  let database: Promise<IDBDatabase> | undefined;
  const db = () => (database ??= openDatabase(dbName, ['journals', 'pages'], 1));
  const read = async (pairId: string) => readRecord(journalSchema, await idbGet(await db(), 'journals', pairId));
  const dropPages = async (pairId: string) => {
    const keys = (await idbKeys(await db(), 'pages')).filter((key) => key.startsWith(`${pairId}\u0001`));
    for (const key of keys) await idbDelete(await db(), 'pages', key);
  };
  const clear = async (pairId: string) => {
    await idbDelete(await db(), 'journals', pairId);
    await dropPages(pairId);
  };
  const fresh = (pairId: string, state: JournalState): RefreshJournal => ({
    state,
    async pages(list) {
      const out: unknown[] = [];
      for (let page = 1; page <= (state.lists[list]?.pagesDone ?? 0); page++) out.push(await this.page(list, page));
      return out;
    },
    async page(list, page) {
      const stored = await idbGet(await db(), 'pages', pageKey(pairId, list, page));
      return isEncodedPage(stored) ? decodePage(stored) : stored;
    },
    async savePage(list, page, items, progress) {
      // A list page is stored as the snapshot's pages are (shared strings); anything else as it is.
      await idbPut(await db(), 'pages', pageKey(pairId, list, page), Array.isArray(items) ? encodePage(items as object[]) : items);
      await this.saveList(list, progress);
    },
    async saveList(list, progress) {
      state.lists[list] = progress;
      await idbPut(await db(), 'journals', pairId, state);
    },
  });
  return {
    get: read,
    async open(pairId, full, now) {
      const existing = await read(pairId);
      const usable = existing && now - Date.parse(existing.startedAt) < JOURNAL_MAX_AGE_MS && (existing.full || !full);
      if (usable) {
        const state = { ...existing, error: undefined, resumes: existing.resumes + 1 };
        await idbPut(await db(), 'journals', pairId, state);
        return { journal: fresh(pairId, state), resumed: true };
      }
      if (existing) await clear(pairId);
      const state: JournalState = { version: 1, full, startedAt: new Date(now).toISOString(), resumes: 0, lists: {} };
      await idbPut(await db(), 'journals', pairId, state);
      return { journal: fresh(pairId, state), resumed: false };
    },
    async fail(pairId, message) {
      const existing = await read(pairId);
      if (existing) await idbPut(await db(), 'journals', pairId, { ...existing, error: message.slice(0, 2000) });
    },
    clear,
    async unfinished(now) {
      const ids = await idbKeys(await db(), 'journals');
      const out: string[] = [];
      for (const id of ids) {
        const state = await read(id);
        if (state && !state.error && now - Date.parse(state.startedAt) < JOURNAL_MAX_AGE_MS) out.push(id);
      }
      return out;
    },
  };
}

/** Tests: a journal store with nothing kept between workers but what a real one keeps (the same database name). */
export async function clearJournals(dbName = 'mapping-guard-refresh'): Promise<void> {
  const db = await openDatabase(dbName, ['journals', 'pages'], 1);
  await idbClear(db, 'journals');
  await idbClear(db, 'pages');
}
