// refreshIfDue is the one place a read (getStatus) starts a refresh: only for data older than the setting, never
// while one runs, and not again soon after a failed attempt.
import { beforeEach, describe, expect, it } from 'vitest';
import { isRefreshDue, refreshIfDue } from '@/utils/background/refresh-policy';
import { settingsItem } from '@/utils/background/state';
import { fakeContext, pair, storedResult } from './fake-context';

let fake: ReturnType<typeof fakeContext>;
beforeEach(() => {
  fake = fakeContext();
});

describe('refreshIfDue', () => {
  it('does not refresh data fetched within the setting', async () => {
    await fake.store.putResult(pair.id, storedResult(1));
    expect(await refreshIfDue(fake.ctx, pair)).toBe(false);
    expect(fake.refresher.refresh).not.toHaveBeenCalled();
  });

  it('refreshes data older than the setting, incrementally', async () => {
    await fake.store.putResult(pair.id, storedResult(7));
    expect(await refreshIfDue(fake.ctx, pair)).toBe(true);
    expect(fake.refresher.refresh).toHaveBeenCalledWith(pair, { full: false });
  });

  it('follows the refresh setting', async () => {
    await settingsItem.setValue({ refreshHours: 12 });
    await fake.store.putResult(pair.id, storedResult(7));
    expect(await isRefreshDue(fake.ctx, pair.id)).toBe(false);
  });

  it('refreshes a pair never fetched', async () => {
    expect(await refreshIfDue(fake.ctx, pair)).toBe(true);
  });

  it('does not retry soon after a failed attempt, and does after the back-off', async () => {
    await fake.store.putResult(pair.id, storedResult(7, 5));
    expect(await refreshIfDue(fake.ctx, pair)).toBe(false);
    await fake.store.putResult(pair.id, storedResult(7, 20));
    expect(await refreshIfDue(fake.ctx, pair)).toBe(true);
  });

  it('does not start a second refresh while one runs', async () => {
    fake.running.add(pair.id);
    expect(await refreshIfDue(fake.ctx, pair)).toBe(false);
    expect(fake.refresher.refresh).not.toHaveBeenCalled();
  });

  it('starts nothing while a side is not connected', async () => {
    const ctx = { ...fake.ctx, xeroAuth: { state: async () => 'not-connected' } } as unknown as typeof fake.ctx;
    expect(await refreshIfDue(ctx, pair)).toBe(false);
    expect(fake.refresher.refresh).not.toHaveBeenCalled();
  });
});
