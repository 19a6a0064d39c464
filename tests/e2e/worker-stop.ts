// A full refresh in real Chromium whose service worker is stopped half-way (CDP ServiceWorker.stopAllWorkers, as
// Chrome does to an idle or misbehaving worker), then woken by a message: what the e2e test and the bench's `scale`
// section measure. API calls are counted by the sandbox.
import type { Sandbox } from '../../sandbox/index.ts';
import { statusSchema, type Status } from '../../utils/protocol/shapes';
import { DOCUMENT_DETAILS_PER_REFRESH } from '../../utils/background/document-refresh';
import type { ExtensionSession } from './harness.ts';

/** Every call the sandbox answered on either API (grants included, identity and pages not). */
export const apiCalls = (sandbox: Sandbox): number =>
  Object.entries(sandbox.stats.snapshot().calls)
    .filter(([name]) => /^(cin7|xero) /.test(name))
    .reduce((sum, [, n]) => sum + n, 0);

/** Sale and purchase details fetched (each a necessary call: a document listed as changed, up to the cap). */
export const detailCalls = (sandbox: Sandbox): number => {
  const calls = sandbox.stats.snapshot().calls;
  return (calls['cin7 GET sale'] ?? 0) + (calls['cin7 GET purchase'] ?? 0);
};

/** The least calls a full refresh can make: one per list page, Cin7's me and Xero's six, the grants once. */
export function minimumFullCalls(sandbox: Sandbox): number {
  const truth = sandbox.snapshot();
  const pages = (n: number | undefined) => Math.max(1, Math.ceil((n ?? 0) / 1000));
  const cin7 = 1 + pages(truth.cin7?.accounts?.length) + pages(truth.cin7?.taxRules?.length);
  const records = pages(truth.cin7?.products?.length) + pages(truth.cin7?.customers?.length) + pages(truth.cin7?.suppliers?.length);
  const documents = pages(truth.cin7?.sales?.length) + pages(truth.cin7?.purchases?.length);
  return cin7 + records + documents + 6 + 1;
}

export async function send(session: ExtensionSession, mgAction: string, args?: unknown): Promise<{ ok: boolean; result?: unknown }> {
  return (await session.sendFromExtensionPage({ mgAction, args })) as never;
}

export async function status(session: ExtensionSession): Promise<Status> {
  return statusSchema.parse((await send(session, 'getStatus')).result);
}

/** The sandbox's minute is `windowMs` long: the worker's queues match it (test hook on the worker's global). */
export async function matchWindows(session: ExtensionSession, windowMs: number): Promise<void> {
  await session.evalInServiceWorker((_chrome, ms: number) => {
    type Configurable = { configure(limit: object): void };
    const mg = (globalThis as unknown as { mappingGuard: { cin7Queues: Configurable; xeroQueues: Configurable } }).mappingGuard;
    mg.cin7Queues.configure({ windowMs: ms });
    mg.xeroQueues.configure({ windowMs: ms });
  }, windowMs);
}

/**
 * Polls the status until no refresh runs (and, with `since`, the products were read since then: a worker that has
 * just woken may not have resumed yet); says whether any status on the way said "resumed".
 */
export async function untilSettled(session: ExtensionSession, timeoutMs: number, since = ''): Promise<{ status: Status; sawResumed: boolean }> {
  const deadline = Date.now() + timeoutMs;
  let sawResumed = false;
  let sawRefreshing = false;
  for (;;) {
    const current = await status(session);
    if (current.refreshing?.resumed) sawResumed = true;
    if (current.refreshing) sawRefreshing = true;
    // Ended: the products were read since, or a refresh seen running ended with an error.
    const ended = (current.fetched?.['cin7.products'] ?? '') >= since || (sawRefreshing && current.lastError !== undefined);
    if (!current.refreshing && ended) return { status: current, sawResumed };
    if (Date.now() > deadline) throw new Error(`refresh did not end: ${JSON.stringify({ refreshing: current.refreshing, lastError: current.lastError, fetched: current.fetched, since })}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export interface StoppedRefresh {
  /** API calls of this refresh the sandbox had answered when the worker was stopped. */
  stoppedAtCall: number;
  callsAfterResume: number;
  /** Sale and purchase details fetched (the refresh's cap bounds them: a repeated one would show here). */
  details: number;
  /** The least this refresh could have made: list pages, single lists, grants, and the details due (up to the cap). */
  minimum: number;
  status: Status;
  sawResumed: boolean;
}

/** Starts a full refresh, stops the worker once `stopAfterCalls` of its calls were answered, wakes it, waits for the end. */
export async function fullRefreshStoppedAt(
  session: ExtensionSession,
  sandbox: Sandbox,
  options: { stopAfterCalls: number; windowMs: number; timeoutMs: number },
): Promise<StoppedRefresh> {
  const before = apiCalls(sandbox);
  const detailsBefore = detailCalls(sandbox);
  const beforeCalls = { ...sandbox.stats.snapshot().calls };
  const since = new Date(Date.now() - 1_000).toISOString();
  const started = await send(session, 'refresh', { full: true });
  if (!started.ok) throw new Error(`refresh not started: ${JSON.stringify(started)}`);
  const deadline = Date.now() + options.timeoutMs;
  while (apiCalls(sandbox) - before < options.stopAfterCalls) {
    if (Date.now() > deadline) throw new Error(`only ${apiCalls(sandbox) - before} calls before the deadline`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/manifest.json`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.close();
  // Calls already on the wire when the worker stopped may still be answered: count them before the restart.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const stoppedAt = apiCalls(sandbox);
  const stopCalls = { ...sandbox.stats.snapshot().calls };
  // Waking the worker (a message) resumes the refresh; its fresh queues get the short window again.
  await send(session, 'getStatus');
  await matchWindows(session, options.windowMs);
  const { status: end, sawResumed } = await untilSettled(session, Math.max(1_000, deadline - Date.now()), since);
  if (process.env.MG_DEBUG_CALLS) console.log(JSON.stringify({ beforeCalls, stopCalls, end: sandbox.stats.snapshot().calls }));
  const details = detailCalls(sandbox) - detailsBefore;
  // A detail answered on the wire as the worker stopped is fetched again: the minimum counts each due one once.
  const minimum = minimumFullCalls(sandbox) + Math.min(details, DOCUMENT_DETAILS_PER_REFRESH);
  return { stoppedAtCall: stoppedAt - before, callsAfterResume: apiCalls(sandbox) - stoppedAt, details, minimum, status: end, sawResumed };
}
