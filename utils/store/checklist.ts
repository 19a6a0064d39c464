// The onboarding checklist's decisions: a zustand store persisted to browser.storage.local (non-secret), one
// versioned record per pair (checklist-records.ts, shapes in checklist-schema.ts), shared live with every other open
// context through storage.onChanged. Writes are debounced so typing a note does not hammer storage; `flush()` writes
// at once (call it on blur and when the page hides) so nothing typed is lost when the popup closes.
import { browser } from 'wxt/browser';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { persist } from 'zustand/middleware';
import { MAX_NOTE_CHARS, valueKey, type Channel, type Decision } from '../checklist/decisions';
import {
  CHECKLIST_STORE_VERSION,
  checklistV2Schema,
  emptyPairChecklist,
  type ChecklistStateV2,
  type PairChecklist,
} from './checklist-schema';
import { UNASSIGNED_PAIR } from './checklist-records';
import { createChecklistStorage } from './checklist-storage';

export { UNASSIGNED_PAIR, forgetPairChecklist } from './checklist-records';

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
  const debounced = createChecklistStorage(options.debounceMs ?? 400, (state) => applyMerged(state));

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
              updateDecision(pair, itemId, (decision) => ({ ...decision, note: note.slice(0, MAX_NOTE_CHARS), updatedAt: now().toISOString() })),
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
        name: 'mappingGuard.checklist', // unused: the storage keeps one record per pair (checklist-records.ts)
        version: CHECKLIST_STORE_VERSION,
        storage: debounced.storage,
        partialize: (state): ChecklistStateV2 => ({ pairs: state.pairs, unassigned: state.unassigned }),
        // zod at the storage boundary: a damaged entry loses only its broken fields, never the rest.
        merge: (persisted, current) => {
          const { pairs, unassigned } = checklistV2Schema.parse(persisted ?? {});
          return { ...current, pairs, unassigned };
        },
      },
    ),
  );

  applyMerged = (state) => store.setState({ pairs: state.pairs, unassigned: state.unassigned });

  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    // Our own pending edit wins (merged when written); our own write coming back needs no re-read.
    if (debounced.hasPending() || debounced.isEcho(changes)) return;
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
