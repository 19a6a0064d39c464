import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createChecklistStore, type ChecklistStore } from '../../../utils/store/checklist';
import { checklistStorageKey, LEGACY_CHECKLIST_STORAGE_KEY } from '../../../utils/store/checklist-records';
import { migrateChecklistState, migrateV1ToV2 } from '../../../utils/store/checklist-schema';

/** What version 1 stored: one checklist, one choice per item, some item ids since renamed. */
const V1_STORED = {
  version: 1,
  state: {
    items: {
      payments: { choice: 'Pull from Xero', note: 'Xero is where the bookkeeper records payments' },
      invoiceStatus: { choice: 'Authorised', updatedAt: '2026-01-02T03:04:05.000Z' },
      consolidatingInvoices: { choice: 'Daily consolidate' },
      trackedInventory: { choice: 'Done', note: 'removed in March' },
      reconciliation: { choice: 'Fortnightly' },
      somethingRetired: { note: 'a note on an item that no longer exists' },
    },
  },
};

let opened: ChecklistStore | undefined;
afterEach(async () => {
  await opened?.dispose();
  opened = undefined;
});

describe('checklist migration from version 1', () => {
  it('maps choices onto renamed items and the first field, keeping notes', () => {
    const v2 = migrateV1ToV2(V1_STORED.state);
    expect(v2.pairs).toEqual({});
    const decisions = v2.unassigned?.decisions ?? {};
    expect(decisions.paymentsFromXero).toEqual({
      values: { payments: 'Pull from Xero' },
      note: 'Xero is where the bookkeeper records payments',
    });
    expect(decisions.approvalWorkflow).toEqual({
      values: { invoiceStatus: 'Authorised' },
      note: '',
      updatedAt: '2026-01-02T03:04:05.000Z',
    });
    expect(decisions.consolidatingInvoices?.values).toEqual({ 'all:invoices': 'Daily consolidate' });
  });

  it('never drops what was typed: a choice that no longer fits goes into the note', () => {
    const decisions = migrateV1ToV2(V1_STORED.state).unassigned?.decisions ?? {};
    expect(decisions.trackedInventory).toEqual({ values: {}, note: 'removed in March\nEarlier choice: Done' });
    expect(decisions.reconciliation).toEqual({ values: {}, note: 'Earlier choice: Fortnightly' });
    expect(decisions['legacy:somethingRetired']?.note).toBe('a note on an item that no longer exists');
  });

  it('treats an unreadable version 1 value as empty instead of throwing', () => {
    expect(migrateChecklistState({ items: 'garbage' }, 1)).toEqual({ pairs: {} });
  });

  it('migrates on load, writes version 2 back, and the first pair opened adopts the old decisions', async () => {
    await fakeBrowser.storage.local.set({ [LEGACY_CHECKLIST_STORAGE_KEY]: V1_STORED });
    opened = createChecklistStore({ debounceMs: 1 });
    await opened.hydrated;
    expect(opened.store.getState().unassigned?.decisions.paymentsFromXero?.values.payments).toBe('Pull from Xero');
    opened.store.getState().setNote('pair-a', 'reportingNeeds', 'monthly pack');
    opened.store.getState().adoptUnassigned('pair-a');
    const pair = opened.store.getState().pairs['pair-a'];
    expect(pair?.decisions.paymentsFromXero?.values.payments).toBe('Pull from Xero');
    expect(pair?.decisions.reportingNeeds?.note).toBe('monthly pack');
    expect(opened.store.getState().unassigned).toBeUndefined();
    await opened.flush();
    const key = checklistStorageKey('pair-a');
    const stored = (await fakeBrowser.storage.local.get(key))[key] as { version: number };
    expect(stored.version).toBe(2);
    expect(await fakeBrowser.storage.local.get(LEGACY_CHECKLIST_STORAGE_KEY)).toEqual({});
  });
});

describe('adopting decisions made before a pair existed', () => {
  it('keeps both notes when the pair already has its own for the same item', async () => {
    opened = createChecklistStore({ debounceMs: 1 });
    await opened.hydrated;
    const actions = opened.store.getState();
    actions.setNote('', 'reconciliation', 'written before connecting');
    actions.setChoice('', 'reconciliation', 'frequency', 'Monthly');
    actions.setNote('pair-b', 'reconciliation', 'written for pair B');
    actions.adoptUnassigned('pair-b');
    expect(opened.store.getState().pairs['pair-b']?.decisions.reconciliation).toMatchObject({
      values: { frequency: 'Monthly' },
      note: 'written for pair B\nwritten before connecting',
    });
  });
});
