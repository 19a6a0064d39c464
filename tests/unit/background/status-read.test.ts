// The status view and pair resolution as reads: building a status writes nothing; finding a pair writes nothing;
// only resolvePair's explicit rememberTabPair step stores the tab's pair.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { findPair, resolvePair } from '@/utils/background/pair-resolution';
import { cin7AccountsItem, pairsItem, tabPairsItem } from '@/utils/background/state';
import { errorCountForTab, readStatus } from '@/utils/background/status';
import { fakeContext, pair, storedResult } from './fake-context';

const other = { ...pair, id: 'acc~other', xeroTenantId: 'other', xeroShortCode: '!Other' };
const cin7Tab = { caller: 'content' as const, app: 'cin7' as const, tabId: 4 };
const xeroTab = { caller: 'content' as const, app: 'xero' as const, tabId: 5 };

let fake: ReturnType<typeof fakeContext>;
beforeEach(async () => {
  fake = fakeContext();
  await pairsItem.setValue([pair, other]);
  await cin7AccountsItem.setValue([{ accountId: 'acc', company: 'Acme' }]);
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

  it('without a pair, shows the connections only', async () => {
    expect(await readStatus(fake.ctx, undefined)).toEqual({
      connection: { xero: 'connected', cin7: 'connected' },
      findings: [],
      coverage: [],
    });
  });
});

describe('pair resolution', () => {
  it('findPair reads only, even when the page names the pair', async () => {
    const before = await storageNow();
    expect(await findPair(xeroTab, { host: 'xero', xeroShortCode: '!Other' })).toEqual({ pair: other, fromPage: true });
    expect(await storageNow()).toBe(before);
  });

  it('resolvePair remembers the tab’s pair when the page named it, and only then', async () => {
    expect(await resolvePair(cin7Tab, { pairId: pair.id })).toEqual(pair);
    expect(await tabPairsItem.getValue()).toEqual({});
    expect(await resolvePair(xeroTab, { host: 'xero', xeroShortCode: '!Other' })).toEqual(other);
    expect(await tabPairsItem.getValue()).toEqual({ 5: other.id });
    expect(await resolvePair(xeroTab, { host: 'xero' })).toEqual(other);
  });

  it('the badge count reads the tab’s pair without writing', async () => {
    await tabPairsItem.setValue({ 4: pair.id });
    const before = await storageNow();
    expect(await errorCountForTab(fake.ctx, 4)).toBe(2);
    expect(await storageNow()).toBe(before);
    expect(fake.writes).toEqual([]);
  });
});
