// Issue #17: a full refresh of `large` whose service worker Chromium stops half-way resumes when the worker wakes,
// completes, says "resumed" meanwhile, and makes no call again that had succeeded: the calls before the stop and
// after it add up to an uninterrupted full refresh's (a call on the wire at the stop may be the one exception).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index.ts';
import { DOCUMENT_DETAILS_PER_REFRESH } from '../../utils/background/document-refresh';
import { launchExtension, type ExtensionSession } from './harness.ts';
import { apiCalls, detailCalls, fullRefreshStoppedAt, matchWindows, minimumFullCalls, send, status, untilSettled } from './worker-stop.ts';

const WINDOW_MS = 300;
let sandbox: Sandbox;
let session: ExtensionSession;

beforeAll(async () => {
  sandbox = await startSandbox({ scenario: 'large', port: 0, rateLimitWindowMs: WINDOW_MS, singleTenant: true });
  session = await launchExtension({ sandbox });
  await matchWindows(session, WINDOW_MS);
  expect(await send(session, 'setXeroClientId', { clientId: sandbox.xeroClientId })).toMatchObject({ ok: true });
  await session.connectXero();
  await session.saveCin7Keys();
  await status(session); // starts the first refresh (no data yet)
  await untilSettled(session, 180_000);
});

afterAll(async () => {
  await session?.close();
  await sandbox?.close();
});

describe('a full refresh with its worker stopped half-way', () => {
  it('resumes when the worker wakes and completes without repeating a call', async () => {
    const before = apiCalls(sandbox);
    const detailsBefore = detailCalls(sandbox);
    await send(session, 'refresh', { full: true });
    const { status: uninterrupted } = await untilSettled(session, 180_000, new Date(Date.now() - 1_000).toISOString());
    expect(uninterrupted.lastError).toBeUndefined();
    const full = apiCalls(sandbox) - before;
    expect(full).toBe(minimumFullCalls(sandbox) + detailCalls(sandbox) - detailsBefore);

    const stopped = await fullRefreshStoppedAt(session, sandbox, { stopAfterCalls: Math.floor(minimumFullCalls(sandbox) / 2), windowMs: WINDOW_MS, timeoutMs: 180_000 });
    expect(stopped.stoppedAtCall).toBeGreaterThanOrEqual(Math.floor(minimumFullCalls(sandbox) / 2));
    expect(stopped.status.lastError).toBeUndefined();
    expect(stopped.sawResumed).toBe(true);
    // Resumed from where it stopped: nothing again but what was on the wire as the worker stopped (Cin7 runs two calls
    // at a time), and far fewer calls after the stop than a whole refresh.
    const onTheWire = 2;
    expect(stopped.stoppedAtCall + stopped.callsAfterResume).toBeLessThanOrEqual(stopped.minimum + onTheWire);
    expect(stopped.callsAfterResume).toBeLessThan(full - 2);
    expect(stopped.details).toBeLessThanOrEqual(DOCUMENT_DETAILS_PER_REFRESH + onTheWire);
    const truth = sandbox.snapshot();
    const counts = await session.evalInServiceWorker(async () => {
      type Service = { data: { getSnapshot(id: string): Promise<{ snapshot: { cin7?: { products?: unknown[] } } } | undefined> }; resolvePair(c: object): Promise<{ id: string } | undefined> };
      const mg = (globalThis as unknown as { mappingGuard: { service: Service } }).mappingGuard;
      const pair = await mg.service.resolvePair({ caller: 'extension' });
      return (await mg.service.data.getSnapshot(pair?.id ?? ''))?.snapshot.cin7?.products?.length ?? -1;
    });
    expect(counts).toBe(truth.cin7?.products?.length);
  }, 400_000);
});
