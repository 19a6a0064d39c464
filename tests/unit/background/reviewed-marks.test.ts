// Reviewed marks: only a finding of the latest audit can be marked, so a page (or a bug) cannot fill the store with
// arbitrary keys; unmarking stays possible for any key.
import { beforeEach, describe, expect, it } from 'vitest';
import { statusHandlers } from '@/utils/background/handlers/status';
import { pairsItem } from '@/utils/background/state';
import { fakeContext, pair, storedResult } from './fake-context';

const popup = { caller: 'extension' as const };
let fake: ReturnType<typeof fakeContext>;
beforeEach(async () => {
  fake = fakeContext();
  await pairsItem.setValue([pair]);
  await fake.store.putResult(pair.id, { ...storedResult(1), keys: ['k-real'] });
});

describe('markReviewed', () => {
  it('marks a finding of the latest audit', async () => {
    await statusHandlers(fake.ctx).markReviewed({ findingKey: 'k-real', reviewed: true, pairId: pair.id }, popup);
    expect(await fake.store.getReviewed(pair.id)).toEqual(new Set(['k-real']));
  });

  it('refuses keys that are no finding, and stores none of 300 junk keys', async () => {
    const handlers = statusHandlers(fake.ctx);
    for (let i = 0; i < 300; i++) {
      await expect(handlers.markReviewed({ findingKey: `junk-${i}`, reviewed: true, pairId: pair.id }, popup)).rejects.toMatchObject({ code: 'not-found' });
    }
    expect(await fake.store.getReviewed(pair.id)).toEqual(new Set());
  });

  it('unmarks any key (a finding that has since gone away)', async () => {
    await fake.store.putReviewed(pair.id, new Set(['k-gone']));
    await statusHandlers(fake.ctx).markReviewed({ findingKey: 'k-gone', reviewed: false, pairId: pair.id }, popup);
    expect(await fake.store.getReviewed(pair.id)).toEqual(new Set());
  });
});
