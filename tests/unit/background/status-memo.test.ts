// A pair's status is kept for its tabs' first messages (status-memo.ts): read ahead when a tab of that pair starts
// loading (a new tab only when the app has a single client), answered from memory while fresh, with each tab's own
// state; a status change of the pair, or of every pair, drops it; a due refresh may still start on an answer from memory.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storeTabIdentity } from '@/utils/background/pair-resolution';
import { pairsItem } from '@/utils/background/state';
import { createStatusMemo, STATUS_MEMO_MAX_AGE_MS } from '@/utils/background/status-memo';
import type { Pair, Status } from '@/utils/protocol/shapes';

const acme: Pair = { id: 'pair-acme', name: 'Acme', cin7AccountId: 'c1', xeroTenantId: 't1', xeroShortCode: '!Acme' };
const other: Pair = { id: 'pair-other', name: 'Other', cin7AccountId: 'c2', xeroTenantId: 't2', xeroShortCode: '!Other' };
const bound = (pair: Pair, app: 'xero' | 'cin7' = 'xero') => ({ pair, tab: { state: 'bound' as const, app, connected: ['Acme', 'Other'] } });
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
  answered.length = 0;
  await pairsItem.setValue([acme, other]);
  await storeTabIdentity(7, 'xero', { xeroShortCode: '!Acme' });
});

const answered: string[] = [];
const memo = () => createStatusMemo({ read, answeredFromMemory: (pair) => answered.push(pair.id) }, { now: () => clock });

describe('status memo', () => {
  it('reads ahead for a loading tab of a known pair and answers its first message from that read, with the tab’s state', async () => {
    const statuses = memo();
    statuses.warm(7, 'xero');
    await settle();
    expect(reads).toEqual(['pair-acme']);
    expect(await statuses.statusOf(bound(acme))).toEqual({ ...statusOf('pair-acme'), tab: bound(acme).tab });
    // Another tab of the same pair, another app: the same read, that tab's own state.
    expect(await statuses.statusOf(bound(acme, 'cin7'))).toEqual({ ...statusOf('pair-acme'), tab: bound(acme, 'cin7').tab });
    expect(reads).toEqual(['pair-acme']);
    expect(answered).toEqual(['pair-acme', 'pair-acme']);
  });

  it('reads again for another pair, after a status change of the pair or of all, and once stale', async () => {
    const statuses = memo();
    await statuses.statusOf(bound(acme));
    await statuses.statusOf(bound(other));
    expect(reads).toEqual(['pair-acme', 'pair-other']);

    statuses.drop('pair-other');
    await statuses.statusOf(bound(acme));
    await statuses.statusOf(bound(other));
    expect(reads).toEqual(['pair-acme', 'pair-other', 'pair-other']);

    statuses.drop();
    await statuses.statusOf(bound(acme));
    expect(reads.at(-1)).toBe('pair-acme');
    expect(reads).toHaveLength(4);

    clock += STATUS_MEMO_MAX_AGE_MS;
    await statuses.statusOf(bound(acme));
    expect(reads).toHaveLength(4);
    clock += 1;
    await statuses.statusOf(bound(acme));
    expect(reads).toHaveLength(5);
  });

  it('keeps no failed read, and nothing for a tab without a pair; a tab never identified is not read ahead', async () => {
    const statuses = memo();
    read.mockRejectedValueOnce(new Error('IndexedDB went away'));
    await expect(statuses.statusOf(bound(acme))).rejects.toThrow('IndexedDB went away');
    await statuses.statusOf(bound(acme));
    expect(reads).toEqual(['pair-acme']); // the second read (the failed one replaced the function)

    reads = [];
    await statuses.statusOf({});
    await statuses.statusOf({});
    expect(reads).toEqual(['', '']);

    reads = [];
    statuses.drop();
    statuses.warm(99, 'xero');
    await settle();
    expect(reads).toEqual([]);
  });

  it('reads ahead for a new tab when the app has only one client (the tab’s message then says which it shows)', async () => {
    await pairsItem.setValue([acme]);
    const statuses = memo();
    statuses.warm(42, 'xero');
    await settle();
    expect(reads).toEqual(['pair-acme']);
    expect(await statuses.statusOf(bound(acme))).toMatchObject({ pairId: 'pair-acme' });
    expect(reads).toEqual(['pair-acme']);
  });
});
