import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createChecklistStore, type ChecklistStore } from '../../../utils/store/checklist';
import { LEGACY_CHECKLIST_STORAGE_KEY } from '../../../utils/store/checklist-records';
import { CHECKLIST_STORE_VERSION } from '../../../utils/store/checklist-schema';
import { storedChecklist as stored } from './stored';

const NOW = new Date('2026-11-21T10:00:00Z');
const stores: ChecklistStore[] = [];
function open(debounceMs = 50) {
  const created = createChecklistStore({ debounceMs, now: () => NOW });
  stores.push(created);
  return created;
}

afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(stores.splice(0).map((store) => store.dispose()));
});

describe('checklist store', () => {
  it('debounces writes and flush() writes at once', async () => {
    const checklist = open(10_000);
    await checklist.hydrated;
    checklist.store.getState().setNote('pair-1', 'reconciliation', 'Weekly with the bookkeeper');
    checklist.store.getState().setChoice('pair-1', 'reconciliation', 'frequency', 'Weekly');
    expect(await stored()).toBeUndefined();
    await checklist.flush();
    const value = await stored();
    expect(value?.version).toBe(CHECKLIST_STORE_VERSION);
    expect(value?.state.pairs['pair-1']?.decisions.reconciliation).toEqual({
      values: { frequency: 'Weekly' },
      note: 'Weekly with the bookkeeper',
      updatedAt: NOW.toISOString(),
    });
  });

  it('writes by itself after the debounce delay', async () => {
    const checklist = open(20);
    await checklist.hydrated;
    checklist.store.getState().setChoice('p', 'approvalWorkflow', 'invoiceStatus', 'Draft');
    await vi.waitFor(async () => expect((await stored())?.state.pairs.p?.decisions.approvalWorkflow?.values).toEqual({ invoiceStatus: 'Draft' }));
  });

  it('picks up another context’s change live', async () => {
    const popup = open();
    const options = open();
    await Promise.all([popup.hydrated, options.hydrated]);
    options.store.getState().setNote('p', 'proFormaInvoices', 'Deposits via customer credits');
    await options.flush();
    await vi.waitFor(() => expect(popup.store.getState().pairs.p?.decisions.proFormaInvoices?.note).toBe('Deposits via customer credits'));
  });

  it('keeps an unsaved local edit when another context writes meanwhile', async () => {
    const popup = open(10_000);
    const options = open();
    await Promise.all([popup.hydrated, options.hydrated]);
    popup.store.getState().setNote('p', 'reportingNeeds', 'typing…');
    options.store.getState().setNote('p', 'reconciliation', 'other');
    await options.flush();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(popup.store.getState().pairs.p?.decisions.reportingNeeds?.note).toBe('typing…');
    await popup.flush();
    const decisions = (await stored())?.state.pairs.p?.decisions;
    expect(decisions?.reportingNeeds?.note).toBe('typing…');
    // The other context's edit was merged in, not overwritten, and the popup now shows it too.
    expect(decisions?.reconciliation?.note).toBe('other');
    expect(popup.store.getState().pairs.p?.decisions.reconciliation?.note).toBe('other');
  });

  it('adds, renames and removes sales channels, dropping only the removed channel’s answers', async () => {
    const checklist = open();
    await checklist.hydrated;
    const actions = checklist.store.getState();
    actions.addChannel('p', 'Shopify AU');
    const shopify = checklist.store.getState().pairs.p?.channels[1];
    expect(shopify).toEqual({ id: 'shopify-au', name: 'Shopify AU' });
    actions.setChoice('p', 'consolidatingPayments', 'payments', 'Daily consolidate', 'shopify-au');
    actions.setChoice('p', 'consolidatingPayments', 'payments', 'Individual', 'all');
    actions.renameChannel('p', 'shopify-au', 'Shopify');
    actions.removeChannel('p', 'shopify-au');
    expect(checklist.store.getState().pairs.p?.channels).toEqual([{ id: 'all', name: 'All channels' }]);
    expect(checklist.store.getState().pairs.p?.decisions.consolidatingPayments?.values).toEqual({ 'all:payments': 'Individual' });
    actions.removeChannel('p', 'all');
    expect(checklist.store.getState().pairs.p?.channels).toHaveLength(1);
  });

  it('survives a damaged stored entry without losing the readable parts', async () => {
    await fakeBrowser.storage.local.set({
      [LEGACY_CHECKLIST_STORAGE_KEY]: {
        version: CHECKLIST_STORE_VERSION,
        state: { pairs: { p: { decisions: { reconciliation: { values: 'oops', note: 'keep me' } }, channels: 7 } } },
      },
    });
    const checklist = open();
    await checklist.hydrated;
    const pair = checklist.store.getState().pairs.p;
    expect(pair?.decisions.reconciliation).toMatchObject({ values: {}, note: 'keep me' });
    expect(pair?.channels).toEqual([{ id: 'all', name: 'All channels' }]);
  });
});
