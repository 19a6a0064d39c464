// What identifies a Cin7 Core account is not kept where content scripts can read it: pairs, accounts and learned
// pages live in the trusted store (IndexedDB), moved there from an earlier release's storage.local, and an earlier
// release's `account~tenant` pair ids are renamed to opaque ones with everything stored under them.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { learnedPagesFor } from '@/utils/background/learned-pages';
import { migrateLegacyPairIds } from '@/utils/background/pair-ids';
import { automaticPair, pairIdOf } from '@/utils/background/pairs';
import { cin7AccountsItem, pairsItem, selectedPairItem } from '@/utils/background/state';
import { checklistStorageKey, LEGACY_CHECKLIST_STORAGE_KEY } from '@/utils/store/checklist-records';
import { fakeContext, pair } from './fake-context';

const legacyPair = { ...pair, id: 'acc~ten' };

describe('the trusted store', () => {
  it('keeps pairs and accounts out of storage.local', async () => {
    await pairsItem.setValue([legacyPair]);
    await cin7AccountsItem.setValue([{ accountId: 'acc-secret-id', company: 'Acme' }]);
    expect(await cin7AccountsItem.getValue()).toEqual([{ accountId: 'acc-secret-id', company: 'Acme' }]);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('acc');
  });

  it('moves what an earlier release kept in storage.local, and removes it there', async () => {
    await fakeBrowser.storage.local.set({
      pairs: [legacyPair],
      pairs$: { v: 1 },
      cin7Accounts: [{ accountId: 'acc', company: 'Acme' }],
      cin7LearnedPages: { acc: { accountMapping: 'https://inventory.dearsystems.com/Settings#AccountMapping' } },
    });
    expect(await pairsItem.getValue()).toEqual([legacyPair]);
    expect(await cin7AccountsItem.getValue()).toEqual([{ accountId: 'acc', company: 'Acme' }]);
    expect((await learnedPagesFor('acc')).accountMapping).toBe('https://inventory.dearsystems.com/Settings#AccountMapping');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});

describe('pair ids', () => {
  it('are opaque and stable', async () => {
    const id = await pairIdOf('acc-1234', 'tenant-5678');
    expect(id).toMatch(/^pair-[0-9a-f]{24}$/);
    expect(id).not.toContain('acc');
    expect(await pairIdOf('acc-1234', 'tenant-5678')).toBe(id);
    expect(await pairIdOf('acc-1234', 'tenant-other')).not.toBe(id);
  });

  it('the automatic pair gets the opaque id and is not added twice', async () => {
    const made = await automaticPair([], [{ accountId: 'acc', company: 'Acme' }], [{ tenantId: 'ten', tenantName: 'Acme Ltd' }]);
    expect(made?.id).toBe(await pairIdOf('acc', 'ten'));
    expect(await automaticPair([made!], [{ accountId: 'acc' }], [{ tenantId: 'ten' }])).toBeUndefined();
  });
});

describe('renaming an earlier release’s pair ids', () => {
  let fake: ReturnType<typeof fakeContext>;
  beforeEach(() => {
    fake = fakeContext();
  });

  it('moves the pair’s records, its checklist and the selection to the opaque id', async () => {
    const other = { ...pair, id: 'pair-0123456789abcdef01234567', xeroTenantId: 'other' };
    await pairsItem.setValue([legacyPair, other]);
    await selectedPairItem.setValue(legacyPair.id);
    await fake.store.putMapping(legacyPair.id, { readAt: 'r', rows: [{ label: 'Sales', account: '200' }] });
    await fake.store.putReviewed(legacyPair.id, new Set(['k1']));
    await fake.store.putFeatures(legacyPair.id, { giftCards: true });
    await fakeBrowser.storage.local.set({ [checklistStorageKey(legacyPair.id)]: { version: 3, state: { decisions: {} } } });

    const renames = await migrateLegacyPairIds(fake.store);
    const opaque = await pairIdOf('acc', 'ten');
    expect(renames).toEqual({ [legacyPair.id]: opaque });
    expect((await pairsItem.getValue()).map((p) => p.id)).toEqual([opaque, other.id]);
    expect(await selectedPairItem.getValue()).toBe(opaque);
    expect(await fake.store.getMapping(opaque)).toEqual({ readAt: 'r', rows: [{ label: 'Sales', account: '200' }] });
    expect(await fake.store.getReviewed(opaque)).toEqual(new Set(['k1']));
    expect(await fake.store.getFeatures(opaque)).toEqual({ giftCards: true });
    const local = await fakeBrowser.storage.local.get(null);
    expect(local[checklistStorageKey(opaque)]).toEqual({ version: 3, state: { decisions: {} } });
    expect(JSON.stringify(local)).not.toContain('acc~ten');
    expect(await migrateLegacyPairIds(fake.store)).toEqual({}); // once
  });

  it('moves a checklist the previous release kept under its single key too, leaving no Account ID in storage.local', async () => {
    await pairsItem.setValue([legacyPair]);
    const decision = { values: { frequency: 'Weekly' }, note: 'kept', updatedAt: '2026-11-01T00:00:00Z' };
    await fakeBrowser.storage.local.set({
      [LEGACY_CHECKLIST_STORAGE_KEY]: { version: 2, state: { pairs: { [legacyPair.id]: { channels: [], decisions: { reconciliation: decision } } }, unassigned: { channels: [], decisions: {} } } },
    });
    await migrateLegacyPairIds(fake.store);
    const opaque = await pairIdOf('acc', 'ten');
    const local = await fakeBrowser.storage.local.get(null);
    expect(JSON.stringify(local[checklistStorageKey(opaque)])).toContain('kept');
    expect(JSON.stringify(local)).not.toContain('acc~ten');
  });
});
