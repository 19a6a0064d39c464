// The status view and pair resolution as reads: building a status writes nothing; finding a pair writes nothing
// (only `identifyTab` stores what a tab shows: tab-binding.test.ts).
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { findPair, resolvePair, storeTabIdentity } from '@/utils/background/pair-resolution';
import { cin7AccountsItem, pairsItem, xeroTenantsItem } from '@/utils/background/state';
import { errorCountForTab, readStatus } from '@/utils/background/status';
import { fakeContext, pair, storedResult } from './fake-context';

const other = { ...pair, id: 'acc~other', xeroTenantId: 'other', xeroShortCode: '!Other' };
const xeroTab = { caller: 'content' as const, app: 'xero' as const, tabId: 5 };

let fake: ReturnType<typeof fakeContext>;
beforeEach(async () => {
  fake = fakeContext();
  await pairsItem.setValue([pair, other]);
  await cin7AccountsItem.setValue([{ accountId: 'acc', company: 'Acme' }]);
  await xeroTenantsItem.setValue([{ tenantId: 'ten' }, { tenantId: 'other' }]);
  await fake.store.putResult(pair.id, storedResult(7));
  await fake.store.putMapping(pair.id, { readAt: '2026-11-20T10:00:00Z', rows: [] });
  fake.writes.length = 0;
});

const storageNow = async () => JSON.stringify(await fakeBrowser.storage.local.get(null)) + JSON.stringify(await fakeBrowser.storage.session.get(null));

describe('readStatus', () => {
  it('builds the status from stored data and writes nothing, not even for stale data', async () => {
    const before = await storageNow();
    const status = await readStatus(fake.ctx, pair);
    expect(status).toMatchObject({
      pairId: pair.id,
      connection: { xero: 'connected', cin7: 'connected' },
      mappingReadAt: '2026-11-20T10:00:00Z',
      summary: { errors: 2 },
      xeroLimits: { minuteRemaining: 59, dayRemaining: 4999 },
    });
    expect(fake.writes).toEqual([]);
    expect(fake.refresher.refresh).not.toHaveBeenCalled();
    expect(await storageNow()).toBe(before);
  });

  it('says in words that Xero needs reconnecting when the sign-in was refused outside a refresh', async () => {
    const ctx = { ...fake.ctx, xeroAuth: { state: async () => 'reconnect-needed' as const } } as typeof fake.ctx;
    const status = await readStatus(ctx, pair);
    expect(status.connection.xero).toBe('reconnect-needed');
    expect(status.lastError?.message).toMatch(/reconnect Xero/);
  });

  it('without a pair, shows the connections only', async () => {
    expect(await readStatus(fake.ctx, undefined)).toEqual({
      connection: { xero: 'connected', cin7: 'connected' },
      findings: [],
      coverage: [],
    });
  });
});

describe('pair resolution', () => {
  it('findPair and resolvePair read only, for a tab that said what it shows', async () => {
    await storeTabIdentity(5, 'xero', { xeroShortCode: '!Other' });
    const before = await storageNow();
    expect((await findPair(xeroTab)).pair).toEqual(other);
    expect(await resolvePair(xeroTab, { pairId: pair.id })).toEqual(other);
    expect(await storageNow()).toBe(before);
  });

  it('the badge count reads the tab’s pair without writing', async () => {
    await storeTabIdentity(4, 'cin7', { cin7Texts: ['Acme'] });
    const before = await storageNow();
    expect(await errorCountForTab(fake.ctx, 4)).toBe(0);
    expect(await storageNow()).toBe(before);
    expect(fake.writes).toEqual([]);
  });

  it('the badge counts open errors only: a reviewed error is not open', async () => {
    const error = (key: string) => ({ code: 'MAPPING_MISSING', severity: 'error', subject: { kind: 'role', key, label: key }, message: key });
    const findings = [error('cogs'), error('sales'), { ...error('x'), severity: 'warning' }];
    await fake.store.putResult(pair.id, { ...storedResult(1), audit: { findings, summary: { errors: 2, warnings: 1, infos: 0, total: 3 }, coverage: [] }, keys: ['k-cogs', 'k-sales', 'k-x'] } as never);
    await storeTabIdentity(4, 'cin7', { cin7Texts: ['Acme'] });
    expect(await errorCountForTab(fake.ctx, 4)).toBe(2);
    await fake.store.putReviewed(pair.id, new Set(['k-sales']));
    expect(await errorCountForTab(fake.ctx, 4)).toBe(1);
  });
});
