// A check in the history (and a notification) is a refresh's audit only: re-audits of the stored snapshot (a mapping
// read on the Account Mapping page, features declared, the post-update re-audit) are not checks; and a pair removed
// while its check ended keeps no history.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackgroundContext } from '@/utils/background/context';
import { historyOf } from '@/utils/background/history';
import { pairsItem } from '@/utils/background/state';
import { createSecretStore } from '@/utils/background/secrets';
import { memoryDataStore, NOW, pair } from './fake-context';

let run = 0;
function context() {
  const onChecked = vi.fn();
  const ctx = createBackgroundContext({
    secrets: createSecretStore(`history-scope-${++run}`),
    data: memoryDataStore().store,
    redirectUrl: 'https://example.invalid/',
    launchWebAuthFlow: async () => undefined,
    now: () => NOW,
    onChecked,
  });
  return { ctx, onChecked };
}

beforeEach(async () => {
  await pairsItem.setValue([pair]);
});

describe('what counts as a check', () => {
  it('a re-audit (mapping saved, features declared, update) records no history and notifies nothing', async () => {
    const { ctx, onChecked } = context();
    await ctx.refresher.auditAndStore(pair.id, undefined);
    await ctx.refresher.auditAndStore(pair.id, undefined);
    expect(await historyOf(pair.id)).toEqual([]);
    expect(onChecked).not.toHaveBeenCalled();
  });

  it('a refresh’s audit is a check', async () => {
    const { ctx, onChecked } = context();
    await ctx.refresher.auditAndStore(pair.id, undefined, undefined, { check: true });
    expect(await historyOf(pair.id)).toHaveLength(1);
    expect(onChecked).toHaveBeenCalledTimes(1);
  });

  it('a pair no longer set up (removed during its check) gets no history', async () => {
    const { ctx, onChecked } = context();
    await pairsItem.setValue([]);
    await ctx.refresher.auditAndStore(pair.id, undefined, undefined, { check: true });
    expect(await historyOf(pair.id)).toEqual([]);
    expect(onChecked).not.toHaveBeenCalled();
  });
});
