// Where the checklist lives in browser.storage.local: one record per Cin7 ↔ Xero pair, plus one for decisions made
// before any pair existed, so removing a pair removes exactly its decisions and one pair's edit never rewrites
// another's. Each record is `{ version, state }` with the pair's checklist as state (shapes in checklist-schema.ts).
// Versions 1 and 2 kept every pair under one key; that key is split into records on first load, nothing dropped.
import { browser } from 'wxt/browser';
import {
  CHECKLIST_STORE_VERSION,
  mergeChecklistStates,
  migrateChecklistState,
  pairChecklistSchema,
  type ChecklistStateV2,
  type PairChecklist,
} from './checklist-schema';

/** The single key versions 1 and 2 stored every pair under; read only to split it. */
export const LEGACY_CHECKLIST_STORAGE_KEY = 'mappingGuard.checklist';
const RECORD_PREFIX = `${LEGACY_CHECKLIST_STORAGE_KEY}.`;
const PAIR_PREFIX = `${RECORD_PREFIX}pair.`;
export const UNASSIGNED_CHECKLIST_KEY = `${RECORD_PREFIX}unassigned`;

/** Pair id for decisions made before any Cin7 ↔ Xero pair exists; the first pair opened adopts them. */
export const UNASSIGNED_PAIR = '';

export interface PairChecklistRecord {
  version: number;
  state: PairChecklist;
}

/** Checklists by storage key (the unassigned decisions under UNASSIGNED_CHECKLIST_KEY). */
export type ChecklistRecords = Record<string, PairChecklist>;

export function checklistStorageKey(pairId: string): string {
  return pairId === UNASSIGNED_PAIR ? UNASSIGNED_CHECKLIST_KEY : `${PAIR_PREFIX}${pairId}`;
}

/** True for a per-pair record's key and for the old single key (both change what the checklist shows). */
export function isChecklistStorageKey(key: string): boolean {
  return key === LEGACY_CHECKLIST_STORAGE_KEY || key.startsWith(RECORD_PREFIX);
}

export function toRecord(pair: PairChecklist): PairChecklistRecord {
  return { version: CHECKLIST_STORE_VERSION, state: pair };
}

/** zod at the storage boundary: a damaged record loses only its broken fields; an unreadable one counts as absent. */
export function parseRecord(value: unknown): PairChecklist | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const parsed = pairChecklistSchema.safeParse((value as Partial<PairChecklistRecord>).state);
  return parsed.success ? parsed.data : undefined;
}

export function recordsToState(records: ChecklistRecords): ChecklistStateV2 {
  const pairs: Record<string, PairChecklist> = {};
  for (const [key, pair] of Object.entries(records)) {
    if (key.startsWith(PAIR_PREFIX)) pairs[key.slice(PAIR_PREFIX.length)] = pair;
  }
  const unassigned = records[UNASSIGNED_CHECKLIST_KEY];
  return unassigned ? { pairs, unassigned } : { pairs };
}

export function stateToRecords(state: ChecklistStateV2): ChecklistRecords {
  const records: ChecklistRecords = {};
  for (const [pairId, pair] of Object.entries(state.pairs)) records[checklistStorageKey(pairId)] = pair;
  if (state.unassigned) records[UNASSIGNED_CHECKLIST_KEY] = state.unassigned;
  return records;
}

export function parseRecords(raw: Record<string, unknown>): ChecklistRecords {
  const records: ChecklistRecords = {};
  for (const [key, value] of Object.entries(raw)) {
    const pair = parseRecord(value);
    if (pair) records[key] = pair;
  }
  return records;
}

/** The old single key's content brought to the current shape; anything unreadable counts as nothing recorded. */
function migrateLegacy(stored: unknown): ChecklistStateV2 {
  if (!stored || typeof stored !== 'object') return { pairs: {} };
  const { state, version } = stored as { state?: unknown; version?: unknown };
  try {
    return migrateChecklistState(state, typeof version === 'number' ? version : 1);
  } catch {
    return { pairs: {} };
  }
}

interface StoredChecklist {
  /** Every per-pair record, as stored, by key. */
  records: Record<string, unknown>;
  /** The old single key, migrated, while it still exists. */
  legacy?: ChecklistStateV2;
}

async function readStored(): Promise<StoredChecklist> {
  const all = (await browser.storage.local.get(null)) as Record<string, unknown>;
  const records = Object.fromEntries(Object.entries(all).filter(([key]) => key.startsWith(RECORD_PREFIX)));
  const legacy = all[LEGACY_CHECKLIST_STORAGE_KEY];
  return legacy === undefined ? { records } : { records, legacy: migrateLegacy(legacy) };
}

/**
 * Every record as stored, after splitting the old single key into records (once; what a record already holds
 * wins item by item when newer, nothing from either side is dropped) and removing that key.
 */
export async function loadChecklistRecords(): Promise<Record<string, unknown>> {
  const { records, legacy } = await readStored();
  if (!legacy) return records;
  const merged = stateToRecords(mergeChecklistStates(recordsToState(parseRecords(records)), legacy));
  const written = Object.fromEntries(Object.entries(merged).map(([key, pair]) => [key, toRecord(pair)]));
  await browser.storage.local.set(written);
  await browser.storage.local.remove(LEGACY_CHECKLIST_STORAGE_KEY);
  return { ...records, ...written };
}

/** Every pair's checklist, read only (content scripts read it and never write; the old key fills in until split). */
export async function readChecklistState(): Promise<ChecklistStateV2> {
  const { records, legacy } = await readStored();
  const state = recordsToState(parseRecords(records));
  return legacy ? mergeChecklistStates(state, legacy) : state;
}

/** Removes a pair's decisions (when the pair itself is removed). */
export async function forgetPairChecklist(pairId: string): Promise<void> {
  await loadChecklistRecords(); // so the old single key cannot bring the pair back later
  await browser.storage.local.remove(checklistStorageKey(pairId));
}

/** Calls `onChange` whenever a checklist record (or the old key) changes in storage.local; returns the unwatch. */
export function watchChecklist(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && Object.keys(changes).some(isChecklistStorageKey)) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
