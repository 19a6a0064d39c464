// State that identifies a Cin7 Core account (its Account ID: half of its API credentials), kept where only the
// extension's own pages and worker can read it: the extension origin's IndexedDB. storage.local is readable by every
// content script, so a compromised page process would get it there. Same interface as a WXT storage item's get/set;
// a value an earlier release kept in storage.local is moved here on first read and removed from there.
import { browser } from 'wxt/browser';
import { idbDelete, idbGet, idbPut, openDatabase } from './idb';
import { createRecordMemo } from './record-memo';

const DB_NAME = 'mapping-guard-state';
const STORE = 'items';

let database: Promise<IDBDatabase> | undefined;
const memo = createRecordMemo<'item'>();
/** Counts databases opened: a deleted database (tests) means the move from storage.local is checked again. */
let generation = 0;
function db(): Promise<IDBDatabase> {
  database ??= openDatabase(DB_NAME, [STORE]).then((opened) => {
    // Let a deletion or an upgrade elsewhere through (tests reset the database between cases).
    opened.onversionchange = () => {
      opened.close();
      database = undefined;
      generation++;
    };
    return opened;
  });
  return database.catch((error: unknown) => {
    database = undefined;
    throw error;
  });
}

export interface TrustedItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
}

/** An item under `key` in the trusted store; `local:<key>` of an earlier release is moved here when first read. */
export function defineTrustedItem<T>(key: string, fallback: T): TrustedItem<T> {
  let moved: Promise<void> | undefined;
  let movedIn = generation;
  const moveFromLocal = () => {
    if (movedIn !== generation) [moved, movedIn] = [undefined, generation];
    return (moved ??= (async () => {
      const legacy = (await browser.storage.local.get(key))[key];
      if (legacy === undefined) return;
      if ((await idbGet(await db(), STORE, key)) === undefined) await idbPut(await db(), STORE, key, legacy);
      await browser.storage.local.remove([key, `${key}$`]); // `$` is where WXT kept the item's version
    })().catch((error: unknown) => {
      moved = undefined;
      throw error;
    }));
  };
  // Kept in memory once read or written (the tab's first message reads it on every page load), as the per-pair records
  // are (record-memo.ts): only this worker reads and writes the trusted store. A database deleted or upgraded elsewhere
  // starts a new generation, which the copy does not outlive. Callers get copies: a pair list is theirs to change.
  let memoIn = generation;
  const current = () => {
    if (memoIn === generation) return;
    memoIn = generation;
    memo.forget(key);
  };
  const stored = async () => {
    const value = await idbGet(await db(), STORE, key);
    return value === undefined ? structuredClone(fallback) : (value as T);
  };
  return {
    async getValue() {
      await moveFromLocal();
      current();
      return structuredClone(await memo.read('item', key, stored));
    },
    async setValue(value) {
      await moveFromLocal();
      current();
      await memo.write('item', key, structuredClone(value), async () => idbPut(await db(), STORE, key, value));
    },
    async removeValue() {
      await moveFromLocal();
      current();
      await memo.write('item', key, structuredClone(fallback), async () => idbDelete(await db(), STORE, key));
    },
  };
}
