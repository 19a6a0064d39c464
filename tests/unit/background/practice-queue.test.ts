// "Refresh all" and the schedule across pairs (issue #18): pairs sharing a Cin7 key or a Xero organisation wait for
// one another, the run is kept in storage so a restarted browser goes on with the pairs left, and its progress shows.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPracticeQueue, readRun } from '@/utils/background/practice-queue';
import { pairsItem, xeroTenantsItem } from '@/utils/background/state';
import type { Pair } from '@/utils/protocol/shapes';
import { fakeContext, storedResult } from './fake-context';

const pair = (id: string, cin7AccountId: string, xeroTenantId: string): Pair => ({ id, name: id, cin7AccountId, xeroTenantId });
const a = pair('a', 'key1', 'org1');
const b = pair('b', 'key1', 'org2'); // same Cin7 key as a
const c = pair('c', 'key2', 'org3');

function controlledRefresher(fake: ReturnType<typeof fakeContext>) {
  const finishers = new Map<string, () => void>();
  const started: string[] = [];
  fake.refresher.refresh.mockImplementation(async (target: Pair) => {
    started.push(target.id);
    fake.running.add(target.id);
    await new Promise<void>((resolve) => finishers.set(target.id, resolve));
    fake.running.delete(target.id);
  });
  const finish = async (id: string) => {
    finishers.get(id)?.();
    await vi.waitFor(async () => expect((await readRun())?.done).toContain(id));
  };
  return { started, finish };
}

beforeEach(async () => {
  await pairsItem.setValue([a, b, c]);
  await xeroTenantsItem.setValue([{ tenantId: 'org1' }, { tenantId: 'org2' }, { tenantId: 'org3' }]); // all granted
});

describe('practice queue', () => {
  it('refreshes every pair, never two of one Cin7 key at once, and records progress', async () => {
    const fake = fakeContext();
    const { started, finish } = controlledRefresher(fake);
    const queue = createPracticeQueue(fake.ctx);
    const run = await queue.enqueue(undefined);
    expect(run.pending).toEqual(['a', 'b', 'c']);
    expect(started).toEqual(['a', 'c']); // b shares a's key: it waits
    await finish('a');
    await vi.waitFor(() => expect(started).toEqual(['a', 'c', 'b']));
    await finish('c');
    await finish('b');
    const done = await readRun();
    expect(done).toMatchObject({ pending: [], done: ['a', 'c', 'b'] });
    expect(done?.finishedAt).toBeDefined();
  });

  it('resumes the pairs left when the browser closed half-way', async () => {
    const first = fakeContext();
    controlledRefresher(first);
    await createPracticeQueue(first.ctx).enqueue(['a', 'b']); // a starts, then the browser closes
    const after = fakeContext(); // a new worker: nothing running
    const { started, finish } = controlledRefresher(after);
    await createPracticeQueue(after.ctx).resume();
    expect(started).toEqual(['a']);
    await finish('a');
    await vi.waitFor(() => expect(started).toEqual(['a', 'b']));
  });

  it('skips a pair whose Cin7 Core side is not connected, and says so', async () => {
    const fake = fakeContext();
    (fake.ctx.cin7Keys as { get: (id: string) => Promise<unknown> }).get = async (id) => (id === 'key2' ? undefined : { accountId: id });
    const { finish } = controlledRefresher(fake);
    await createPracticeQueue(fake.ctx).enqueue(['c', 'a']);
    await finish('a');
    expect(await readRun()).toMatchObject({ skipped: ['c'], done: ['a'], pending: [] });
  });

  it('the schedule queues only pairs whose data is due, and marks its checks as scheduled', async () => {
    const fake = fakeContext();
    const { started } = controlledRefresher(fake);
    const queue = createPracticeQueue(fake.ctx);
    await queue.enqueueDue(); // nothing stored yet: every pair is due
    expect(started).toEqual(['a', 'c']);
    expect(await queue.isScheduled('a')).toBe(true);
  });

  it('the schedule leaves out pairs whose data is fresh', async () => {
    const fake = fakeContext();
    const { started } = controlledRefresher(fake);
    await fake.store.putResult('a', storedResult(1));
    await fake.store.putResult('b', storedResult(7));
    await fake.store.putResult('c', storedResult(1));
    await createPracticeQueue(fake.ctx).enqueueDue();
    expect(started).toEqual(['b']);
    expect((await readRun())?.pending).toEqual(['b']);
  });

  it('skips a pair whose Xero organisation is no longer granted, with the reason kept in the run', async () => {
    await xeroTenantsItem.setValue([{ tenantId: 'org2' }, { tenantId: 'org3' }]);
    const fake = fakeContext();
    const { started, finish } = controlledRefresher(fake);
    await createPracticeQueue(fake.ctx).enqueue(['a', 'c']);
    expect(started).toEqual(['c']);
    await finish('c');
    const run = await readRun();
    expect(run).toMatchObject({ skipped: ['a'], done: ['c'], pending: [] });
    expect(run?.skipReasons?.a).toMatch(/no longer among the organisations Xero lets Mapping Guard read/);
  });

  it('does not stall when every pair of a round is skipped: the next pair starts', async () => {
    // a and c (no Cin7 key) fill the first round of two; d waited only for a free place.
    const d = pair('d', 'key3', 'org4');
    await pairsItem.setValue([a, c, d]);
    await xeroTenantsItem.setValue([{ tenantId: 'org1' }, { tenantId: 'org3' }, { tenantId: 'org4' }]);
    const fake = fakeContext();
    (fake.ctx.cin7Keys as { get: (id: string) => Promise<unknown> }).get = async (id) => (id === 'key3' ? { accountId: id } : undefined);
    const { started, finish } = controlledRefresher(fake);
    await createPracticeQueue(fake.ctx).enqueue(undefined);
    expect(started).toEqual(['d']);
    await finish('d');
    const run = await readRun();
    expect(run).toMatchObject({ skipped: ['a', 'c'], done: ['d'], pending: [] });
    expect(run?.finishedAt).toBeDefined();
  });

  it('finishes a pair whose refresh rejects, and goes on with the rest', async () => {
    const fake = fakeContext();
    const started: string[] = [];
    fake.refresher.refresh.mockImplementation(async (target: Pair) => {
      started.push(target.id);
      throw new Error('refresh failed outside its own error handling');
    });
    await createPracticeQueue(fake.ctx).enqueue(['a', 'b']);
    await vi.waitFor(async () => expect((await readRun())?.finishedAt).toBeDefined());
    expect(started).toEqual(['a', 'b']);
    expect(await readRun()).toMatchObject({ done: ['a', 'b'], pending: [] });
  });
});
