// The background worker in real Chromium against the sandbox: connect Xero through the consent page (PKCE checked by
// the sandbox), save Cin7 keys, full refresh of `large`, a rate-limit storm, access-token expiry, a revoked refresh
// token, a spoofed message from a page, and a content script that looks for secrets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../sandbox/index.ts';
import { DOCUMENT_DETAILS_PER_REFRESH as DETAILS_CAP } from '../../utils/background/document-refresh';
import { statusSchema, type Status } from '../../utils/protocol/shapes';
import { launchExtension, type ExtensionSession } from './harness.ts';

const WINDOW_MS = 2_000;
/** Sales and purchases whose detail the audit checked. */
const checked = (current: Status) => (current.documentWindow?.sales ?? 0) + (current.documentWindow?.purchases ?? 0);
let sandbox: Sandbox;
let session: ExtensionSession;

async function send(mgAction: string, args?: unknown): Promise<{ ok: boolean; result?: unknown; error?: { message: string; code?: string } }> {
  return (await session.sendFromExtensionPage({ mgAction, args })) as never;
}

async function status(): Promise<Status> {
  const reply = await send('getStatus');
  expect(reply.ok).toBe(true);
  return statusSchema.parse(reply.result);
}

/** Starts a refresh and waits until it ends. */
async function refreshAndWait(full: boolean, timeoutMs = 120_000): Promise<Status> {
  const started = await send('refresh', { full });
  // A refresh runs for the pair: a new one, or one already running that this request joined (or queued behind).
  expect(started).toMatchObject({ ok: true });
  const answer = (started as { result: { started: boolean; joined?: boolean; queued?: boolean } }).result;
  expect(answer.started || answer.joined || answer.queued).toBe(true);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = await status();
    if (!current.refreshing) return current;
    if (Date.now() > deadline) throw new Error(`refresh still running: ${JSON.stringify(current.refreshing)}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** Waits until no refresh runs. */
async function settled(timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await status()).refreshing) {
    if (Date.now() > deadline) throw new Error('a refresh kept running');
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** Counts of the stored snapshot's lists, read inside the service worker. */
async function storedCounts(): Promise<Record<string, number>> {
  return session.evalInServiceWorker(async () => {
    type Service = {
      data: { getSnapshot(id: string): Promise<{ snapshot: Record<string, Record<string, unknown>> } | undefined> };
      resolvePair(context: { caller: 'extension' }): Promise<{ id: string } | undefined>;
    };
    const mg = (globalThis as unknown as { mappingGuard: { service: Service } }).mappingGuard;
    // Pairs live in the worker's trusted store (not storage.local): the selected (only) pair.
    const pair = await mg.service.resolvePair({ caller: 'extension' });
    const stored = await mg.service.data.getSnapshot(pair?.id ?? '');
    const counts: Record<string, number> = {};
    for (const app of ['cin7', 'xero']) {
      for (const [list, value] of Object.entries(stored?.snapshot[app] ?? {})) {
        if (Array.isArray(value)) counts[`${app}.${list}`] = value.length;
      }
    }
    return counts;
  });
}

function expectedCounts(): Record<string, number> {
  const truth = sandbox.snapshot();
  return {
    'cin7.products': truth.cin7?.products?.length ?? -1,
    'cin7.customers': truth.cin7?.customers?.length ?? -1,
    'cin7.suppliers': truth.cin7?.suppliers?.length ?? -1,
    'xero.accounts': truth.xero?.accounts?.length ?? -1,
    'xero.items': truth.xero?.items?.length ?? -1,
  };
}

beforeAll(async () => {
  sandbox = await startSandbox({ scenario: 'large', port: 0, rateLimitWindowMs: WINDOW_MS, singleTenant: true });
  session = await launchExtension({ sandbox });
  // The sandbox's minute is WINDOW_MS long: make the worker's own queues match (test hook on the worker's global).
  await session.evalInServiceWorker((_chrome, windowMs: number) => {
    const mg = (globalThis as unknown as { mappingGuard: { cin7Queues: { configure(l: object): void }; xeroQueues: { configure(l: object): void } } }).mappingGuard;
    mg.cin7Queues.configure({ windowMs });
    mg.xeroQueues.configure({ windowMs });
  }, WINDOW_MS);
  expect(await send('setXeroClientId', { clientId: sandbox.xeroClientId })).toMatchObject({ ok: true });
});

afterAll(async () => {
  await session?.close();
  await sandbox?.close();
});

describe('background worker e2e', () => {
  it('connects Xero through the consent page and saves Cin7 keys after testing them', async () => {
    await session.connectXero();
    await session.saveCin7Keys();
    const connections = await send('getConnections');
    expect(connections).toMatchObject({ ok: true, result: { xero: { state: 'connected' }, cin7: { state: 'connected' } } });
    expect(sandbox.connections()).toHaveLength(1);
    const pairs = await send('listPairs');
    expect((pairs.result as { pairs: unknown[] }).pairs).toHaveLength(1);
  });

  it('runs a full refresh of `large` with the minimum number of API calls, then an incremental one', async () => {
    // Connecting starts the first refresh by itself (getStatus refreshes stale data): let it finish so the count
    // below is the explicit full refresh's alone.
    await status();
    await settled(180_000);
    const checkedBefore = checked(await status());
    const before = sandbox.stats.snapshot();
    const done = await refreshAndWait(true);
    expect(done.lastError).toBeUndefined();
    expect(done.summary?.total).toBeGreaterThan(0);
    expect(await storedCounts()).toMatchObject(expectedCounts());
    const truth = sandbox.snapshot();
    const pages = (n: number | undefined) => Math.max(1, Math.ceil((n ?? 0) / 1000));
    // me, accounts, tax rules, the record lists, the sale and purchase lists, then Xero's six.
    const minimum =
      3 + pages(truth.cin7?.products?.length) + pages(truth.cin7?.customers?.length) + pages(truth.cin7?.suppliers?.length) +
      pages(truth.cin7?.sales?.length) + pages(truth.cin7?.purchases?.length) + 6;
    const after = sandbox.stats.snapshot();
    const apiCalls = (s: typeof after) => Object.entries(s.calls).filter(([k]) => /^(cin7|xero) /.test(k)).reduce((n, [, c]) => n + c, 0);
    // Each sale or purchase detail is one call for a document not checked before, capped per refresh. With them a
    // refresh makes more than a window's calls, so the sandbox's own limiter may refuse one now and then (retried):
    // every call that was not refused is a list page, the grants read or a newly checked document.
    const refused = (s: typeof after) => s.sent429 + s.sent503;
    // A refresh the user asks for also reads Xero's grants once (GET connections: is the organisation still granted?).
    const grants = (s: typeof after) => s.calls['xero GET connections'] ?? 0;
    expect(grants(after) - grants(before)).toBe(1);
    const newlyChecked = checked(done) - checkedBefore;
    expect(newlyChecked).toBeGreaterThan(0);
    expect(newlyChecked).toBeLessThanOrEqual(DETAILS_CAP);
    expect(apiCalls(after) - apiCalls(before) - (refused(after) - refused(before))).toBe(minimum + 1 + newlyChecked);

    const incrementalBefore = sandbox.stats.snapshot();
    const incremental = await refreshAndWait(false);
    expect(incremental.lastError).toBeUndefined();
    const incrementalAfter = sandbox.stats.snapshot();
    expect(grants(incrementalAfter) - grants(incrementalBefore)).toBe(1);
    // Nothing changed: one call per list, and details only for documents still waiting for their first check.
    const incrementalDetails = checked(incremental) - checked(done);
    expect(apiCalls(incrementalAfter) - apiCalls(incrementalBefore) - (refused(incrementalAfter) - refused(incrementalBefore))).toBe(
      14 + 1 + incrementalDetails,
    );
    const pending = incremental.coverage.find((entry) => entry.check === 'documents-pending');
    if (pending) expect(incrementalDetails).toBe(DETAILS_CAP);
  });

  it('survives a rate-limit storm with nothing lost', async () => {
    sandbox.faults.set('cin7RateLimitStatus', 429);
    sandbox.faults.set('rateLimitStorm', { times: 12 });
    const throttledBefore = sandbox.stats.sent429;
    const done = await refreshAndWait(true);
    // The storm's 12, and now and then one more from the sandbox's own limiter: a refresh's document details make
    // it more than a window's 60 calls, and a call's arrival can slip into the next fixed window (retried all the same).
    expect(sandbox.stats.sent429 - throttledBefore).toBeGreaterThanOrEqual(12);
    expect(sandbox.stats.sent429 - throttledBefore).toBeLessThanOrEqual(14);
    expect(done.lastError).toBeUndefined();
    expect(await storedCounts()).toMatchObject(expectedCounts());
    sandbox.faults.clear();
  });

  it('handles an expired access token silently', async () => {
    sandbox.faults.set('expireAccessTokens', true);
    const done = await refreshAndWait(false);
    expect(done.lastError).toBeUndefined();
    expect(done.connection.xero).toBe('connected');
    sandbox.faults.clear();
  });

  it('refuses a message from a page context and connection management from a content script', async () => {
    const page = await session.page('https://inventory.dearsystems.com/');
    const fromPage = await page.evaluate(async (extensionId) => {
      const runtime = (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => Promise<unknown> } } }).chrome?.runtime;
      if (!runtime?.sendMessage) return 'no messaging API in the page';
      try {
        return await runtime.sendMessage(extensionId, { mgAction: 'getConnections' });
      } catch (error) {
        return `refused: ${String(error)}`;
      }
    }, session.extensionId);
    expect(String(fromPage)).toMatch(/no messaging API|refused/);

    const contentScript = await inContentScript(page, async () => {
      const chromeApi = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome;
      return {
        status: await chromeApi.runtime.sendMessage({ mgAction: 'getStatus', args: { host: 'cin7' } }),
        connect: await chromeApi.runtime.sendMessage({ mgAction: 'disconnectXero' }),
      };
    });
    expect(contentScript).toMatchObject({ status: { ok: true }, connect: { ok: false, error: { code: 'forbidden' } } });
    expect(await status()).toMatchObject({ connection: { xero: 'connected' } });
    await page.close();
  });

  it('a content script finds no secret in any storage it can reach, nor in its answers', async () => {
    const page = await session.page('https://inventory.dearsystems.com/');
    const found = await inContentScript(page, async () => {
      const chromeApi = (globalThis as unknown as {
        chrome: { storage: Record<string, { get(k: null): Promise<unknown> } | undefined>; runtime: { sendMessage(m: unknown): Promise<unknown> } };
      }).chrome;
      const areas: Record<string, unknown> = {};
      for (const area of ['local', 'sync', 'session', 'managed']) {
        try {
          areas[area] = await chromeApi.storage[area]?.get(null);
        } catch (error) {
          areas[area] = `unreadable: ${String(error)}`;
        }
      }
      const databases = await indexedDB.databases();
      const answers = [
        await chromeApi.runtime.sendMessage({ mgAction: 'getStatus', args: { host: 'cin7' } }),
        await chromeApi.runtime.sendMessage({ mgAction: 'refresh' }),
      ];
      return JSON.stringify({ areas, databases, answers, localStorage: { ...localStorage } });
    });
    const tokens = await session.evalInServiceWorker(async () => {
      // The real secrets, read the only way possible: through the worker's secret store.
      const mg = (globalThis as unknown as { mappingGuard: { service: { xeroAuth: { accessToken(): Promise<string> } } } }).mappingGuard;
      return { accessToken: await mg.service.xeroAuth.accessToken() };
    });
    expect(found.length).toBeGreaterThan(50);
    expect(found).not.toContain(sandbox.cin7Credentials.applicationKey);
    expect(found).not.toContain(tokens.accessToken);
    expect(found).not.toMatch(/refresh_?token/i);
    await page.close();
    await settled(); // the content script's refresh must not overlap the next test's
  });

  it('a revoked refresh token leads to the reconnect state, without a retry loop', async () => {
    // A refresh already in flight (a page's status request can start one) would have fetched Xero before the faults,
    // and this test's refresh would join it. A status request from the previous test's closing page can still arrive
    // after one quiet check: wait for quiet, give late requests a second, and wait for quiet again.
    await status();
    await settled();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await settled();
    sandbox.faults.set('revokeRefreshTokens', true);
    sandbox.faults.set('expireAccessTokens', true);
    const tokenCallsBefore = sandbox.stats.callsTo('identity POST');
    const done = await refreshAndWait(false);
    expect(done.connection.xero).toBe('reconnect-needed');
    expect(done.lastError?.message).toMatch(/reconnect Xero/);
    await refreshAndWait(false).catch(() => undefined);
    await status();
    expect(sandbox.stats.callsTo('identity POST') - tokenCallsBefore).toBeLessThanOrEqual(1);
    sandbox.faults.clear();
  });
});

/** Evaluates `fn` in the extension's content-script world of `page` (Chromium's isolated world, via CDP). */
async function inContentScript<T>(page: Page, fn: () => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; origin: string; name: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (event: { context: (typeof contexts)[number] }) => contexts.push(event.context));
  await cdp.send('Runtime.enable');
  const deadline = Date.now() + 15_000;
  let world: (typeof contexts)[number] | undefined;
  const ours = (c: (typeof contexts)[number]) =>
    c.auxData?.type === 'isolated' && (c.origin.startsWith('chrome-extension://') || /mapping guard/i.test(c.name));
  while (!(world = contexts.find(ours))) {
    if (Date.now() > deadline) throw new Error(`no content-script world in ${page.url()}: ${JSON.stringify(contexts)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const result = (await cdp.send('Runtime.evaluate', {
    expression: `(${fn.toString()})()`,
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
  })) as { result: { value: T }; exceptionDetails?: unknown };
  await cdp.detach();
  if (result.exceptionDetails) throw new Error(`content-script evaluation failed: ${JSON.stringify(result.exceptionDetails)}`);
  return result.result.value;
}
