// A refresh that cannot finish ends with its error in words by its deadline, keeping the previous findings; a request
// while one runs is told it joined it, and since when (issue #15 item 1).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackgroundContext } from '@/utils/background/context';
import { refreshHandlers } from '@/utils/background/handlers/refresh';
import { Refresher } from '@/utils/background/refresher';
import { pairsItem } from '@/utils/background/state';
import { readStatus } from '@/utils/background/status';
import { cin7Queues } from '@/utils/cin7/api/client';
import { xeroQueues } from '@/utils/xero/api/client';
import type { ActionContext } from '@/utils/protocol/server';
import { fakeContext, memoryDataStore, NOW, pair, storedResult } from './fake-context';

const extension: ActionContext = { caller: 'extension' };

/** Every call hangs until `release`, which then answers each with a 500 (a server that finally gives up). */
function stalledApis() {
  const waiting: (() => void)[] = [];
  let released = false;
  let calls = 0;
  const fetchFn = ((_input: RequestInfo | URL, init?: RequestInit) => {
    calls++;
    const fail = () => new Response('down', { status: 500 });
    if (released) return Promise.resolve(fail());
    return new Promise<Response>((resolve, reject) => {
      waiting.push(() => resolve(fail()));
      init?.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true });
    });
  }) as typeof fetch;
  const release = () => {
    released = true;
    for (const answer of waiting.splice(0)) answer();
  };
  return { fetchFn, release, calls: () => calls };
}

/** Until no call was made for 200 ms (the stopped refresh's leftover work has ended). */
async function quiet(): Promise<void> {
  for (let last = -1; last !== apis.calls(); ) {
    last = apis.calls();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

let apis: ReturnType<typeof stalledApis>;
beforeEach(async () => {
  cin7Queues.configure({ perWindow: 1000, windowMs: 1000, concurrency: 2 });
  xeroQueues.configure({ perWindow: 1000, windowMs: 1000, concurrency: 5 });
  apis = stalledApis();
  await pairsItem.setValue([pair]);
});
afterEach(() => apis.release());

function refresher(data = memoryDataStore().store, deadlineMs = 150) {
  let clock = NOW;
  return {
    tick: (ms: number) => void (clock += ms),
    refresher: new Refresher({
      data,
      xeroTokens: { accessToken: async () => 'at', afterUnauthorized: async () => 'at' },
      cin7Credentials: async () => ({ accountId: 'acc', applicationKey: 'key' }),
      fetch: apis.fetchFn,
      retryBaseMs: 1,
      now: () => clock,
      deadlineMs,
      onChange: () => undefined,
    }),
  };
}

describe('refresh deadline', () => {
  it('a stalled refresh ends with its error in words by the deadline; the previous findings stay', async () => {
    const { store, writes } = memoryDataStore();
    await store.putResult(pair.id, storedResult(7));
    writes.length = 0;
    const { refresher: subject } = refresher(store);
    const started = Date.now();
    await subject.refresh(pair, { full: true });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(subject.isRunning(pair.id)).toBe(false);
    const result = await store.getResult(pair.id);
    expect(result?.lastError).toMatchObject({ message: expect.stringMatching(/did not finish within 1 s and was stopped.*previous results are kept/) });
    expect(result?.audit.summary.errors).toBe(2);
    expect(writes).toEqual(['putResult']);
    // The stalled calls answer at last: the stopped refresh writes nothing more.
    apis.release();
    await quiet();
    expect(writes).toEqual(['putResult']);
  });
});

describe('a refresh request while one runs', () => {
  it('says it joined the running refresh and since when; the status says since when too; a full one is queued', async () => {
    const fake = fakeContext();
    const { refresher: subject, tick } = refresher(fake.store, 60_000);
    const ctx = { ...fake.ctx, refresher: subject } as unknown as BackgroundContext;
    const handlers = refreshHandlers(ctx);
    const since = new Date(NOW).toISOString();
    expect(await handlers.refresh({ pairId: pair.id }, extension)).toEqual({ started: true, pairId: pair.id });
    tick(5 * 60_000);
    expect(await handlers.refresh({ pairId: pair.id }, extension)).toEqual({ started: false, joined: true, runningSince: since, pairId: pair.id });
    expect((await readStatus(ctx, pair)).refreshing?.startedAt).toBe(since);
    expect(await handlers.refresh({ pairId: pair.id, full: true }, extension)).toEqual({ started: false, queued: true, runningSince: since, pairId: pair.id });
  });
});

describe('a disconnect during a refresh (cancelAll)', () => {
  it('stops it at once; it writes nothing, not even an error, and late answers land nowhere', async () => {
    const { store, writes } = memoryDataStore();
    await store.putResult(pair.id, storedResult(7));
    writes.length = 0;
    const { refresher: subject } = refresher(store, 60_000);
    const done = subject.refresh(pair, { full: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(subject.isRunning(pair.id)).toBe(true);
    subject.cancelAll();
    await done;
    expect(subject.isRunning(pair.id)).toBe(false);
    apis.release();
    await quiet();
    expect(writes).toEqual([]);
    expect((await store.getResult(pair.id))?.lastError).toBeUndefined();
  });

  it('drops a full refresh queued behind the one it stops', async () => {
    const { store } = memoryDataStore();
    const { refresher: subject } = refresher(store, 60_000);
    const first = subject.begin(pair, { full: false });
    const queued = subject.begin(pair, { full: true });
    expect(queued.outcome).toBe('queued');
    subject.cancelAll();
    await Promise.all([first.done, queued.done]);
    expect(subject.isRunning(pair.id)).toBe(false);
  });
});

describe('removing a pair during its refresh (cancel)', () => {
  it('stops that pair’s refresh only; it writes nothing for the pair, not even an error', async () => {
    const other = { ...pair, id: 'acc~other', xeroTenantId: 'other' };
    const { store, writes } = memoryDataStore();
    const { refresher: subject } = refresher(store, 60_000);
    const removed = subject.refresh(pair, { full: true });
    const kept = subject.refresh(other, { full: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    subject.cancel(pair.id);
    await removed;
    expect(subject.isRunning(pair.id)).toBe(false);
    expect(subject.isRunning(other.id)).toBe(true);
    apis.release();
    await kept;
    await quiet();
    expect(await store.getResult(pair.id)).toBeUndefined();
    expect(await store.getSnapshot(pair.id)).toBeUndefined();
    expect(await store.getResult(other.id)).toBeDefined();
    expect(writes.length).toBeGreaterThan(0);
  });

  it('an audit whose refresh was stopped stores nothing and is no check', async () => {
    const { store, writes } = memoryDataStore();
    const audited: string[] = [];
    const subject = new Refresher({
      data: store,
      xeroTokens: { accessToken: async () => 'at', afterUnauthorized: async () => 'at' },
      cin7Credentials: async () => undefined,
      now: () => NOW,
      onChange: () => undefined,
      onAudited: (pairId) => void audited.push(pairId),
    });
    const stop = new AbortController();
    stop.abort(new Error('removed'));
    await expect(subject.auditAndStore(pair.id, undefined, undefined, { check: true, signal: stop.signal })).rejects.toThrow('removed');
    expect(writes).toEqual([]);
    expect(audited).toEqual([]);
  });
});
