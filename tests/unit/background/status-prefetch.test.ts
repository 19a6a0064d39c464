// A loading app tab's status is read ahead (status-prefetch.ts): the tab's first message takes it when the tab is
// still bound to that pair and it is fresh; a status change of the pair drops it; a new tab gets one only when the
// app has a single client.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storeTabIdentity } from '@/utils/background/pair-resolution';
import { pairsItem } from '@/utils/background/state';
import { createStatusPrefetch, PREFETCH_MAX_AGE_MS } from '@/utils/background/status-prefetch';
import type { Pair, Status } from '@/utils/protocol/shapes';

const acme: Pair = { id: 'pair-acme', name: 'Acme', cin7AccountId: 'c1', xeroTenantId: 't1', xeroShortCode: '!Acme' };
const other: Pair = { id: 'pair-other', name: 'Other', cin7AccountId: 'c2', xeroTenantId: 't2', xeroShortCode: '!Other' };
const bound = (pair: Pair) => ({ pair, tab: { state: 'bound' as const, app: 'xero' as const, connected: ['Acme', 'Other'] } });
const statusOf = (pairId: string) => ({ connection: { cin7: 'connected', xero: 'connected' }, pairId, findings: [], coverage: [] }) as Status;

let clock = 1_000_000;
let reads: string[];
const read = vi.fn(async (binding: { pair?: Pair }) => {
  reads.push(binding.pair?.id ?? '');
  return statusOf(binding.pair?.id ?? '');
});
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

beforeEach(async () => {
  fakeBrowser.reset();
  reads = [];
  await pairsItem.setValue([acme, other]);
  await storeTabIdentity(7, 'xero', { xeroShortCode: '!Acme' });
});

describe('status prefetch', () => {
  it('hands the status read at navigation to the tab’s first message, with the tab’s state, once', async () => {
    const prefetch = createStatusPrefetch(read, { now: () => clock });
    prefetch.start(7, 'xero');
    await settle();
    expect(reads).toEqual(['pair-acme']);
    expect(await prefetch.take(7, bound(acme))).toEqual({ ...statusOf('pair-acme'), tab: bound(acme).tab });
    expect(prefetch.take(7, bound(acme))).toBeUndefined();
  });

  it('is not used for another pair, after a status change of its pair, or once stale; a tab never identified gets none', async () => {
    const prefetch = createStatusPrefetch(read, { now: () => clock });
    prefetch.start(7, 'xero');
    await settle();
    expect(prefetch.take(7, bound(other))).toBeUndefined();

    prefetch.start(7, 'xero');
    await settle();
    prefetch.drop('pair-other');
    prefetch.drop('pair-acme');
    expect(prefetch.take(7, bound(acme))).toBeUndefined();

    prefetch.start(7, 'xero');
    await settle();
    prefetch.drop();
    expect(prefetch.take(7, bound(acme))).toBeUndefined();

    prefetch.start(7, 'xero');
    await settle();
    clock += PREFETCH_MAX_AGE_MS + 1;
    expect(prefetch.take(7, bound(acme))).toBeUndefined();

    reads = [];
    prefetch.start(99, 'xero');
    await settle();
    expect(reads).toEqual([]);
    expect(prefetch.take(99, bound(acme))).toBeUndefined();
  });

  it('reads ahead for a new tab when the app has only one client (the tab’s message then says which it shows)', async () => {
    await pairsItem.setValue([acme]);
    const prefetch = createStatusPrefetch(read, { now: () => clock });
    prefetch.start(42, 'xero');
    await settle();
    expect(reads).toEqual(['pair-acme']);
    expect(await prefetch.take(42, bound(acme))).toMatchObject({ pairId: 'pair-acme' });
  });
});
