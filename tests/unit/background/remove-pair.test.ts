// Removing a pair forgets everything kept for it: its data in the pair store and its onboarding decisions, while
// other pairs' decisions stay.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pairHandlers } from '@/utils/background/handlers/pairs';
import { pairsItem, selectedPairItem } from '@/utils/background/state';
import { checklistStorageKey } from '@/utils/store/checklist-records';
import { fakeContext, pair } from './fake-context';

const other = { ...pair, id: 'acc~other', xeroTenantId: 'other' };
const record = (note: string) => ({ version: 2, state: { channels: [], decisions: { reconciliation: { values: {}, note } } } });
const extension = { caller: 'extension' as const };

let fake: ReturnType<typeof fakeContext>;
beforeEach(async () => {
  fake = fakeContext();
  await pairsItem.setValue([pair, other]);
  await selectedPairItem.setValue(pair.id);
  await fakeBrowser.storage.local.set({
    [checklistStorageKey(pair.id)]: record('for the removed pair'),
    [checklistStorageKey(other.id)]: record('for the pair that stays'),
  });
});

describe('removePair', () => {
  it('stops the pair’s running refresh before forgetting its data (it must not write it back)', async () => {
    fake.refresher.cancel.mockImplementation(() => void fake.writes.push('cancel'));
    await pairHandlers(fake.ctx).removePair({ pairId: pair.id }, extension);
    expect(fake.writes.indexOf('cancel')).toBeGreaterThanOrEqual(0);
    expect(fake.writes.indexOf('cancel')).toBeLessThan(fake.writes.indexOf('forget'));
  });

  it('deletes the pair, its stored data and its checklist record, and keeps the other pair’s decisions', async () => {
    await pairHandlers(fake.ctx).removePair({ pairId: pair.id }, extension);
    const stored = await fakeBrowser.storage.local.get(null);
    expect(await pairsItem.getValue()).toEqual([other]);
    expect(await selectedPairItem.getValue()).toBeNull();
    expect(fake.writes).toContain('forget');
    expect(fake.refresher.cancel).toHaveBeenCalledWith(pair.id);
    expect(stored[checklistStorageKey(pair.id)]).toBeUndefined();
    expect(stored[checklistStorageKey(other.id)]).toEqual(record('for the pair that stays'));
  });
});
