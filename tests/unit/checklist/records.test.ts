import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createChecklistStore, forgetPairChecklist, type ChecklistStore } from '../../../utils/store/checklist';
import {
  checklistStorageKey,
  LEGACY_CHECKLIST_STORAGE_KEY,
  readChecklistState,
  UNASSIGNED_CHECKLIST_KEY,
} from '../../../utils/store/checklist-records';
import { LEGACY_KEY, PAIR_RECORD_PREFIX, UNASSIGNED_RECORD_KEY } from './stored';

const channels = [{ id: 'all', name: 'All channels' }];
const stores: ChecklistStore[] = [];
function open(debounceMs = 10_000) {
  const created = createChecklistStore({ debounceMs, now: () => new Date('2026-11-21T10:00:00Z') });
  stores.push(created);
  return created;
}
const raw = async () => (await fakeBrowser.storage.local.get(null)) as Record<string, { version: number; state: unknown }>;

/** What versions 1 and 2 left behind: every pair under one key. */
const SINGLE_KEY_V2 = {
  version: 2,
  state: {
    pairs: {
      'a~1': { channels, decisions: { reconciliation: { values: { frequency: 'Weekly' }, note: 'old a', updatedAt: '2026-01-01T00:00:00Z' } } },
      'b~2': { channels, decisions: { reportingNeeds: { values: {}, note: 'only in b' } } },
    },
    unassigned: { channels, decisions: { proFormaInvoices: { values: {}, note: 'before any pair' } } },
  },
};

afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.dispose()));
});

describe('checklist records: one per pair', () => {
  it('keeps each pair (and the unassigned decisions) under its own versioned key', async () => {
    const checklist = open();
    await checklist.hydrated;
    const actions = checklist.store.getState();
    actions.setNote('a~1', 'reconciliation', 'pair a');
    actions.setNote('b~2', 'reconciliation', 'pair b');
    actions.setNote('', 'reportingNeeds', 'no pair yet');
    await checklist.flush();
    const stored = await raw();
    expect(Object.keys(stored).sort()).toEqual([`${PAIR_RECORD_PREFIX}a~1`, `${PAIR_RECORD_PREFIX}b~2`, UNASSIGNED_RECORD_KEY]);
    expect(checklistStorageKey('a~1')).toBe(`${PAIR_RECORD_PREFIX}a~1`);
    expect(checklistStorageKey('')).toBe(UNASSIGNED_CHECKLIST_KEY);
    expect(stored[`${PAIR_RECORD_PREFIX}b~2`]).toEqual({
      version: 2,
      state: { channels, decisions: { reconciliation: { values: {}, note: 'pair b', updatedAt: '2026-11-21T10:00:00.000Z' } } },
    });
  });

  it('rewrites only the pair that changed, and removes the unassigned record once adopted', async () => {
    const checklist = open();
    await checklist.hydrated;
    checklist.store.getState().setNote('a~1', 'reconciliation', 'pair a');
    checklist.store.getState().setNote('', 'reportingNeeds', 'no pair yet');
    await checklist.flush();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    checklist.store.getState().setNote('b~2', 'reconciliation', 'pair b');
    checklist.store.getState().adoptUnassigned('b~2');
    await checklist.flush();
    expect(set).toHaveBeenCalledTimes(1);
    expect(Object.keys(set.mock.calls[0]![0])).toEqual([`${PAIR_RECORD_PREFIX}b~2`]);
    const stored = await raw();
    expect(stored[UNASSIGNED_RECORD_KEY]).toBeUndefined();
    expect(Object.keys(stored).sort()).toEqual([`${PAIR_RECORD_PREFIX}a~1`, `${PAIR_RECORD_PREFIX}b~2`]);
  });

  it('a damaged record loses only its broken fields; other pairs are untouched', async () => {
    await fakeBrowser.storage.local.set({
      [checklistStorageKey('a~1')]: { version: 2, state: { decisions: { reconciliation: { values: 'oops', note: 'keep me' } }, channels: 7 } },
      [checklistStorageKey('b~2')]: 'not a record',
    });
    const checklist = open();
    await checklist.hydrated;
    expect(checklist.store.getState().pairs['a~1']).toEqual({ channels, decisions: { reconciliation: { values: {}, note: 'keep me' } } });
    expect(checklist.store.getState().pairs['b~2']).toBeUndefined();
  });
});

describe('checklist records: migration from the single key', () => {
  it('splits a version 2 single key into records on first load, then removes the key', async () => {
    await fakeBrowser.storage.local.set({ [LEGACY_KEY]: SINGLE_KEY_V2 });
    const checklist = open();
    await checklist.hydrated;
    const state = checklist.store.getState();
    expect(state.pairs).toEqual(SINGLE_KEY_V2.state.pairs);
    expect(state.unassigned).toEqual(SINGLE_KEY_V2.state.unassigned);
    const stored = await raw();
    expect(stored[LEGACY_KEY]).toBeUndefined();
    expect(stored[checklistStorageKey('a~1')]).toEqual({ version: 2, state: SINGLE_KEY_V2.state.pairs['a~1'] });
    expect(stored[checklistStorageKey('b~2')]).toEqual({ version: 2, state: SINGLE_KEY_V2.state.pairs['b~2'] });
    expect(stored[UNASSIGNED_CHECKLIST_KEY]).toEqual({ version: 2, state: SINGLE_KEY_V2.state.unassigned });
  });

  it('merges the single key into records that already exist without losing either side', async () => {
    await fakeBrowser.storage.local.set({
      [LEGACY_KEY]: SINGLE_KEY_V2,
      [checklistStorageKey('a~1')]: {
        version: 2,
        state: { channels, decisions: { reconciliation: { values: { frequency: 'Monthly' }, note: 'newer a', updatedAt: '2026-06-01T00:00:00Z' } } },
      },
    });
    const state = (await readChecklistState());
    expect(state.pairs['a~1']?.decisions.reconciliation?.note).toBe('newer a');
    expect(state.pairs['b~2']?.decisions.reportingNeeds?.note).toBe('only in b');
    const checklist = open();
    await checklist.hydrated;
    expect(checklist.store.getState().pairs).toEqual(state.pairs);
    expect(checklist.store.getState().unassigned?.decisions.proFormaInvoices?.note).toBe('before any pair');
    expect((await raw())[LEGACY_CHECKLIST_STORAGE_KEY]).toBeUndefined();
  });

  it('migrates a version 1 single key into the unassigned record', async () => {
    await fakeBrowser.storage.local.set({ [LEGACY_KEY]: { version: 1, state: { items: { payments: { choice: 'Pull from Xero' } } } } });
    const checklist = open();
    await checklist.hydrated;
    const stored = await raw();
    expect(Object.keys(stored)).toEqual([UNASSIGNED_RECORD_KEY]);
    expect(stored[UNASSIGNED_RECORD_KEY]).toEqual({
      version: 2,
      state: { channels, decisions: { paymentsFromXero: { values: { payments: 'Pull from Xero' }, note: '' } } },
    });
  });
});

describe('forgetPairChecklist', () => {
  it('removes that pair’s record only, and open contexts drop it live', async () => {
    const checklist = open(1);
    await checklist.hydrated;
    checklist.store.getState().setNote('a~1', 'reconciliation', 'pair a');
    checklist.store.getState().setNote('b~2', 'reconciliation', 'pair b');
    await checklist.flush();
    await forgetPairChecklist('a~1');
    expect(Object.keys(await raw())).toEqual([checklistStorageKey('b~2')]);
    await vi.waitFor(() => expect(checklist.store.getState().pairs['a~1']).toBeUndefined());
    expect(checklist.store.getState().pairs['b~2']?.decisions.reconciliation?.note).toBe('pair b');
  });

  it('also forgets a pair still inside the old single key, so it cannot come back', async () => {
    await fakeBrowser.storage.local.set({ [LEGACY_KEY]: SINGLE_KEY_V2 });
    await forgetPairChecklist('a~1');
    const state = await readChecklistState();
    expect(state.pairs['a~1']).toBeUndefined();
    expect(state.pairs['b~2']).toEqual(SINGLE_KEY_V2.state.pairs['b~2']);
    expect((await raw())[LEGACY_KEY]).toBeUndefined();
  });

  it('a context that still has unsaved edits elsewhere does not bring the forgotten pair back', async () => {
    const checklist = open(10_000);
    await checklist.hydrated;
    checklist.store.getState().setNote('a~1', 'reconciliation', 'pair a');
    await checklist.flush();
    checklist.store.getState().setNote('b~2', 'reconciliation', 'typing…');
    await forgetPairChecklist('a~1');
    await checklist.flush();
    expect(Object.keys(await raw())).toEqual([checklistStorageKey('b~2')]);
    expect(checklist.store.getState().pairs['a~1']).toBeUndefined();
  });
});
