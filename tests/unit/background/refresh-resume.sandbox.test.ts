// @vitest-environment node
// Issue #17: a refresh whose worker stopped half-way resumes in the next worker where it stopped: no API call that
// had succeeded is made again, the result is the whole account, and the progress says "resumed".
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startSandbox, type Sandbox } from '../../../sandbox/index';
import { createJournalStore } from '@/utils/background/refresh-journal';
import { createPairDataStore } from '@/utils/background/results';
import { createSecretStore } from '@/utils/background/secrets';
import { pairsItem } from '@/utils/background/state';
import { cin7Queues } from '@/utils/cin7/api/client';
import { loadScenario } from '@/utils/scenarios';
import type { Progress } from '@/utils/protocol/shapes';
import { xeroQueues } from '@/utils/xero/api/client';
import { sandboxFetch } from './sandbox-fetch';
import { connectedSandboxService } from './sandbox-service';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ snapshot: loadScenario('large', { scale: 0.06 }), port: 0, rateLimitWindowMs: 200, singleTenant: true });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  fakeBrowser.reset();
  sandbox.resetRateLimits();
});
const fresh = () => {
  cin7Queues.configure({ perWindow: 60, windowMs: 200 });
  xeroQueues.configure({ perWindow: 60, windowMs: 200 });
};

const isApiCall = (url: string) => /api\/v2|api\.xro/i.test(url);

/** The sandbox's fetch, recording each API call that answered 2xx; `freeze` makes every later call hang (the worker is gone). */
function recordingFetch() {
  const succeeded: string[] = [];
  const requested: string[] = [];
  let frozen = false;
  const base = sandboxFetch(sandbox);
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (frozen) return new Promise<Response>(() => undefined);
    if (isApiCall(url)) requested.push(url);
    const response = await base(input, init);
    if (isApiCall(url) && response.ok) succeeded.push(url);
    return response;
  }) as typeof fetch;
  return { fetchFn, succeeded, requested, freeze: () => void (frozen = true) };
}

const until = async (condition: () => boolean) => {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 20_000) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('a refresh stopped with its worker', () => {
  it('resumes in the next worker without repeating a call that succeeded, and completes', async () => {
    const names = { secrets: createSecretStore('resume-secrets'), data: createPairDataStore('resume-data'), journal: createJournalStore('resume-journal') };
    fresh();
    const first = recordingFetch();
    const { service, pair } = await connectedSandboxService(sandbox, { ...names, fetch: first.fetchFn });
    const connectCalls = first.succeeded.length;
    // The worker stops once the second page of products has been read.
    void service.refresher.refresh(pair, { full: true });
    await until(() => first.succeeded.some((url) => /product\?.*Page=2/.test(url)));
    first.freeze();
    const beforeStop = first.succeeded.slice(connectCalls);
    expect(beforeStop.length).toBeGreaterThan(3);

    fresh(); // a new worker: new queues, nothing in memory
    const second = recordingFetch();
    const progress: Progress[] = [];
    const { createBackgroundService } = await import('@/utils/background/service');
    const next = createBackgroundService({
      ...names,
      redirectUrl: 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/',
      launchWebAuthFlow: () => Promise.reject(new Error('no sign-in expected')),
      fetch: second.fetchFn,
      onStatusChanged: (_id, p) => void (p && progress.push(p)),
    });
    expect(await next.refresher.resumeUnfinished(await pairsItem.getValue())).toEqual([pair.id]);
    await next.refresher.refresh(pair);

    const repeated = second.requested.filter((url) => beforeStop.includes(url));
    expect(repeated).toEqual([]);
    expect(progress.some((p) => p.resumed && p.message.startsWith('Resumed'))).toBe(true);
    const stored = await names.data.getSnapshot(pair.id);
    expect(stored?.snapshot.cin7?.products).toHaveLength(sandbox.snapshot().cin7?.products?.length ?? -1);
    expect(stored?.snapshot.cin7?.customers).toHaveLength(sandbox.snapshot().cin7?.customers?.length ?? -1);
    expect((await names.data.getResult(pair.id))?.lastError).toBeUndefined();
    expect(await names.journal.get(pair.id)).toBeUndefined();
  }, 60_000);

  it('records why a refresh could not finish, and a worker start does not retry it on its own', async () => {
    const names = { secrets: createSecretStore('fail-secrets'), data: createPairDataStore('fail-data'), journal: createJournalStore('fail-journal') };
    fresh();
    const { service, pair } = await connectedSandboxService(sandbox, { ...names, refreshDeadlineMs: 1_500 });
    sandbox.faults.set('stallHeaders', { api: 'cin7' });
    await service.refresher.refresh(pair, { full: true });
    sandbox.faults.clear();
    expect((await names.data.getResult(pair.id))?.lastError?.message).toMatch(/did not finish within 2 s/);
    expect((await names.journal.get(pair.id))?.error).toMatch(/did not finish/);
    expect(await service.refresher.resumeUnfinished([pair])).toEqual([]);
  }, 60_000);
});
