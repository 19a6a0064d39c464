// browser.storage.local as zustand's storage for the checklist: the store's one state is kept as one record per pair
// (checklist-records.ts), and writes are debounced so typing a note does not hammer storage.
import { browser } from 'wxt/browser';
import type { PersistStorage, StorageValue } from 'zustand/middleware';
import { CHECKLIST_STORE_VERSION, mergePairChecklists, type ChecklistStateV2, type PairChecklist } from './checklist-schema';
import {
  isChecklistStorageKey,
  loadChecklistRecords,
  parseRecord,
  parseRecords,
  recordsToState,
  stateToRecords,
  toRecord,
  type ChecklistRecords,
} from './checklist-records';

const json = (value: unknown): string | undefined => (value === undefined ? undefined : JSON.stringify(value));

/**
 * One record's next value, from what this context holds, what storage holds and what both held at the last read or
 * write (`before`). A side that changed nothing yields to the other; when both edited, items merge (later edit wins);
 * a record removed on one side and edited on the other is kept, so nothing typed is lost.
 */
function nextRecord(
  mine: PairChecklist | undefined,
  storedValue: unknown,
  before: string | undefined,
): PairChecklist | undefined {
  const theirs = parseRecord(storedValue);
  if (json(storedValue) === before) return mine;
  if (json(mine && toRecord(mine)) === before) return theirs;
  return mine && theirs ? mergePairChecklists(mine, theirs) : (mine ?? theirs);
}

/**
 * The storage, with `flush()`. A write first merges in what another context stored since our last read or write,
 * record by record (`onMerged` hands the merged state back to the store), then writes only the records that differ.
 */
export function createChecklistStorage(debounceMs: number, onMerged: (state: ChecklistStateV2) => void) {
  let pending: ChecklistStateV2 | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Each record as this context last read or wrote it (JSON): what "changed here" and "changed elsewhere" mean. */
  let known = new Map<string, string>();

  const remember = (records: ChecklistRecords) => {
    known = new Map(Object.entries(records).map(([key, pair]) => [key, JSON.stringify(toRecord(pair))]));
  };

  const write = async () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const local = pending;
    pending = undefined;
    if (!local) return;
    const stored = await loadChecklistRecords();
    const mine = stateToRecords(local);
    const next: ChecklistRecords = {};
    const toSet: Record<string, unknown> = {};
    const toRemove: string[] = [];
    for (const key of new Set([...known.keys(), ...Object.keys(mine), ...Object.keys(stored)])) {
      const pair = nextRecord(mine[key], stored[key], known.get(key));
      if (pair) next[key] = pair;
      const record = pair && toRecord(pair);
      if (json(record) === json(stored[key])) continue;
      if (record) toSet[key] = record;
      else toRemove.push(key);
    }
    remember(next);
    if (Object.keys(toSet).length > 0) await browser.storage.local.set(toSet);
    if (toRemove.length > 0) await browser.storage.local.remove(toRemove);
    if (json(next) !== json(mine)) onMerged(recordsToState(next));
  };

  const storage: PersistStorage<ChecklistStateV2> = {
    getItem: async () => {
      const records = parseRecords(await loadChecklistRecords());
      remember(records);
      return { state: recordsToState(records), version: CHECKLIST_STORE_VERSION };
    },
    setItem: (_name, value: StorageValue<ChecklistStateV2>) => {
      pending = value.state;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void write(), debounceMs);
    },
    removeItem: async () => {
      pending = undefined;
      await browser.storage.local.remove([...known.keys()]);
      known = new Map();
    },
  };

  return {
    storage,
    flush: write,
    hasPending: () => pending !== undefined,
    /** True when a storage change touches no checklist record or is just our own last write coming back. */
    isEcho: (changes: Record<string, { newValue?: unknown }>) =>
      Object.entries(changes).every(
        ([key, change]) => !isChecklistStorageKey(key) || json(change.newValue) === known.get(key),
      ),
  };
}
