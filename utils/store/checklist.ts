// The onboarding checklist's decisions: a zustand store persisted to browser.storage.local (non-secret), shared live
// with every other open context through storage.onChanged, versioned (see checklist-schema.ts).
// Writes are debounced so typing a note does not hammer storage; `flush()` writes at once (call it on blur and when
// the page hides) so nothing typed is lost when the popup closes.
import { browser } from 'wxt/browser';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { persist, type PersistStorage, type StorageValue } from 'zustand/middleware';
import { valueKey, type Channel, type Decision } from '../checklist/decisions';
import {
  CHECKLIST_STORE_VERSION,
  checklistV2Schema,
  emptyPairChecklist,
  mergeChecklistStates,
  migrateChecklistState,
  type ChecklistStateV2,
  type PairChecklist,
} from './checklist-schema';

export const CHECKLIST_STORAGE_KEY = 'mappingGuard.checklist';

export interface ChecklistActions {
  /** Records a choice; `channelId` for per-channel items. An empty value clears the choice. */
  setChoice(pairId: string, itemId: string, fieldId: string, value: string, channelId?: string): void;
  setNote(pairId: string, itemId: string, note: string): void;
  addChannel(pairId: string, name: string): void;
  renameChannel(pairId: string, channelId: string, name: string): void;
  removeChannel(pairId: string, channelId: string): void;
  /** Moves decisions made before any pair existed (or migrated from version 1) to this pair, once. */
  adoptUnassigned(pairId: string): void;
}

export type ChecklistState = ChecklistStateV2 & ChecklistActions;

export interface ChecklistStoreOptions {
  debounceMs?: number;
  /** The clock for `updatedAt` (tests inject it). */
  now?: () => Date;
}

export interface ChecklistStore {
  store: StoreApi<ChecklistState>;
  /** Writes any pending change to storage now. */
  flush(): Promise<void>;
  /** Resolves once the stored state has been read (and migrated). */
  hydrated: Promise<void>;
  /** Stops listening to storage changes and flushes. */
  dispose(): Promise<void>;
}

type Persisted = StorageValue<ChecklistStateV2>;

/**
 * browser.storage.local as zustand's storage, with debounced writes. A write first merges in what another context
 * stored since our last write (`onMerged` hands the merged state back to the store).
 */
function createDebouncedStorage(debounceMs: number, onMerged: (state: ChecklistStateV2) => void) {
  let pending: Persisted | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastWritten: string | undefined;

  const write = async () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    let value = pending;
    pending = undefined;
    if (!value) return;
    const stored = (await browser.storage.local.get(CHECKLIST_STORAGE_KEY))[CHECKLIST_STORAGE_KEY] as Persisted | undefined;
    if (stored && stored.version === CHECKLIST_STORE_VERSION && JSON.stringify(stored) !== lastWritten) {
      const remote = checklistV2Schema.safeParse(stored.state);
      if (remote.success) {
        value = { ...value, state: mergeChecklistStates(value.state, remote.data) };
        onMerged(value.state);
      }
    }
    lastWritten = JSON.stringify(value);
    await browser.storage.local.set({ [CHECKLIST_STORAGE_KEY]: value });
  };

  const storage: PersistStorage<ChecklistStateV2> = {
    getItem: async (name) => {
      const stored = (await browser.storage.local.get(name))[name];
      if (!stored || typeof stored !== 'object') return null;
      const { state, version } = stored as Partial<Persisted>;
      return { state: state as ChecklistStateV2, version: typeof version === 'number' ? version : 1 };
    },
    setItem: (_name, value) => {
      pending = value;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void write(), debounceMs);
    },
    removeItem: async (name) => {
      pending = undefined;
      await browser.storage.local.remove(name);
    },
  };

  return {
    storage,
    flush: write,
    hasPending: () => pending !== undefined,
    /** True when a storage change is just our own last write coming back. */
    isEcho: (value: unknown) => lastWritten !== undefined && JSON.stringify(value) === lastWritten,
  };
}

/** Pair id for decisions made before any Cin7 ↔ Xero pair exists; the first pair opened adopts them. */
export const UNASSIGNED_PAIR = '';

function updatePair(
  state: ChecklistStateV2,
  pairId: string,
  change: (pair: PairChecklist) => PairChecklist,
): Partial<ChecklistStateV2> {
  if (pairId === UNASSIGNED_PAIR) return { unassigned: change(state.unassigned ?? emptyPairChecklist()) };
  const current = state.pairs[pairId] ?? emptyPairChecklist();
  return { pairs: { ...state.pairs, [pairId]: change(current) } };
}

/** The checklist of a pair (or of UNASSIGNED_PAIR), undefined until something was recorded. */
export function selectPairChecklist(state: ChecklistStateV2, pairId: string): PairChecklist | undefined {
  return pairId === UNASSIGNED_PAIR ? state.unassigned : state.pairs[pairId];
}

function updateDecision(pair: PairChecklist, itemId: string, change: (decision: Decision) => Decision): PairChecklist {
  const current = pair.decisions[itemId] ?? { values: {}, note: '' };
  return { ...pair, decisions: { ...pair.decisions, [itemId]: change(current) } };
}

export function createChecklistStore(options: ChecklistStoreOptions = {}): ChecklistStore {
  const now = options.now ?? (() => new Date());
  let applyMerged: (state: ChecklistStateV2) => void = () => undefined;
  const debounced = createDebouncedStorage(options.debounceMs ?? 400, (state) => applyMerged(state));

  const store = createStore<ChecklistState>()(
    persist(
      (set) => ({
        pairs: {},
        unassigned: undefined,
        setChoice: (pairId, itemId, fieldId, value, channelId) =>
          set((state) =>
            updatePair(state, pairId, (pair) =>
              updateDecision(pair, itemId, (decision) => {
                const values = { ...decision.values };
                const key = valueKey(fieldId, channelId);
                if (value) values[key] = value;
                else delete values[key];
                return { ...decision, values, updatedAt: now().toISOString() };
              }),
            ),
          ),
        setNote: (pairId, itemId, note) =>
          set((state) =>
            updatePair(state, pairId, (pair) =>
              updateDecision(pair, itemId, (decision) => ({ ...decision, note, updatedAt: now().toISOString() })),
            ),
          ),
        addChannel: (pairId, name) =>
          set((state) =>
            updatePair(state, pairId, (pair) => {
              const channel: Channel = { id: uniqueChannelId(pair.channels, name), name: name.trim() || 'Channel' };
              return { ...pair, channels: [...pair.channels, channel] };
            }),
          ),
        renameChannel: (pairId, channelId, name) =>
          set((state) =>
            updatePair(state, pairId, (pair) => ({
              ...pair,
              channels: pair.channels.map((channel) => (channel.id === channelId ? { ...channel, name } : channel)),
            })),
          ),
        removeChannel: (pairId, channelId) =>
          set((state) =>
            updatePair(state, pairId, (pair) => {
              if (pair.channels.length <= 1) return pair; // Cin7 always has at least one channel row.
              const prefix = `${channelId}:`;
              const decisions = Object.fromEntries(
                Object.entries(pair.decisions).map(([itemId, decision]) => [
                  itemId,
                  {
                    ...decision,
                    values: Object.fromEntries(Object.entries(decision.values).filter(([key]) => !key.startsWith(prefix))),
                  },
                ]),
              );
              return { decisions, channels: pair.channels.filter((channel) => channel.id !== channelId) };
            }),
          ),
        adoptUnassigned: (pairId) =>
          set((state) => {
            if (!state.unassigned || pairId === UNASSIGNED_PAIR) return {};
            const existing = state.pairs[pairId];
            const adopted: PairChecklist = existing
              ? { ...existing, decisions: mergeDecisions(existing.decisions, state.unassigned.decisions) }
              : state.unassigned;
            return { pairs: { ...state.pairs, [pairId]: adopted }, unassigned: undefined };
          }),
      }),
      {
        name: CHECKLIST_STORAGE_KEY,
        version: CHECKLIST_STORE_VERSION,
        storage: debounced.storage,
        partialize: (state): ChecklistStateV2 => ({ pairs: state.pairs, unassigned: state.unassigned }),
        migrate: (persisted, version) => migrateChecklistState(persisted, version) as ChecklistState,
        // zod at the storage boundary: a damaged entry loses only its broken fields, never the rest.
        merge: (persisted, current) => ({ ...current, ...checklistV2Schema.parse(persisted ?? {}) }),
      },
    ),
  );

  applyMerged = (state) => store.setState({ pairs: state.pairs, unassigned: state.unassigned });

  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[CHECKLIST_STORAGE_KEY];
    if (area !== 'local' || !change) return;
    // Our own pending edit wins (last write wins); our own write coming back needs no re-read.
    if (debounced.hasPending() || debounced.isEcho(change.newValue)) return;
    void store.persist.rehydrate();
  };
  browser.storage.onChanged.addListener(onChanged);

  const hydrated = store.persist.hasHydrated()
    ? Promise.resolve()
    : new Promise<void>((resolve) => {
        const unsubscribe = store.persist.onFinishHydration(() => {
          unsubscribe();
          resolve();
        });
      });

  return {
    store,
    flush: debounced.flush,
    hydrated,
    dispose: async () => {
      browser.storage.onChanged.removeListener(onChanged);
      await debounced.flush();
    },
  };
}

/** The pair's own decisions win; an adopted note that differs is appended, so neither text is lost. */
function mergeDecisions(own: Record<string, Decision>, adopted: Record<string, Decision>): Record<string, Decision> {
  const merged = { ...adopted, ...own };
  for (const [itemId, decision] of Object.entries(adopted)) {
    const mine = own[itemId];
    if (!mine) continue;
    const extra = decision.note.trim();
    const note = extra && !mine.note.includes(extra) ? [mine.note, extra].filter(Boolean).join('\n') : mine.note;
    merged[itemId] = { ...mine, values: { ...decision.values, ...mine.values }, note };
  }
  return merged;
}

function uniqueChannelId(channels: readonly Channel[], name: string): string {
  const base = name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'channel';
  let id = base;
  for (let n = 2; channels.some((channel) => channel.id === id); n++) id = `${base}-${n}`;
  return id;
}

let shared: ChecklistStore | undefined;

/** The store of this context (popup, options, report), created on first use. */
export function getChecklistStore(): ChecklistStore {
  shared ??= createChecklistStore();
  return shared;
}
