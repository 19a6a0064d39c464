// API cost of a refresh of the `large` organisation against the sandbox, through the extension's own clients:
// calls for a full and for an incremental refresh against the minimum possible (target ratio 1.0), the wall time the
// vendors' rate limits impose on a full refresh, and the service worker's cold start to its first answer (Chromium).
import 'fake-indexeddb/auto';
import { loadScenario } from '../../utils/scenarios';
import type { BenchContext, BenchResult, BenchSection, BenchTarget } from '../../scripts/lib/bench/section';
import { median, round } from '../../scripts/lib/bench/stats';
import { startSandbox, type Sandbox } from '../../sandbox/index';
import { Cin7Client, CIN7_PAGE_SIZE, cin7Queues } from '../../utils/cin7/api/client';
import { XeroClient, xeroQueues } from '../../utils/xero/api/client';
import { XeroAuth } from '../../utils/xero/api/auth';
import { createSecretStore } from '../../utils/background/secrets';
import { refreshSnapshot, type StoredSnapshot } from '../../utils/background/snapshot';
import { CIN7_LIMIT, XERO_LIMIT } from '../../utils/net/limits';
import { sandboxConsent, sandboxFetch } from '../unit/background/sandbox-fetch';

/** The shortened rate-limit window used to measure waits quickly; waits scale linearly to the real minute. */
const WINDOW_MS = 1_000;

/** Minimum calls: one per unpaged list (me, accounts, tax rules, Xero's six) and one per 1,000-record page. */
function minimumFullCalls(sandbox: Sandbox): { cin7: number; xero: number } {
  const truth = sandbox.snapshot();
  const pages = (n: number | undefined) => Math.max(1, Math.ceil((n ?? 0) / CIN7_PAGE_SIZE));
  const cin7 =
    1 +
    pages(truth.cin7?.accounts?.length) +
    pages(truth.cin7?.taxRules?.length) +
    pages(truth.cin7?.products?.length) +
    pages(truth.cin7?.customers?.length) +
    pages(truth.cin7?.suppliers?.length);
  return { cin7, xero: 6 };
}

/** Calls to each API the sandbox counted. */
function apiCalls(sandbox: Sandbox): { cin7: number; xero: number } {
  return { cin7: sandbox.stats.callsTo('cin7 '), xero: sandbox.stats.callsTo('xero ') };
}

/** Least wait a sliding window of `perWindow` calls imposes on `calls` calls (whole windows after the first batch). */
const imposedWindows = (calls: number, perWindow: number) => Math.max(0, Math.ceil(calls / perWindow) - 1);

async function measureRefreshes(context: BenchContext | undefined) {
  const scale = context?.quick ? 0.05 : 1;
  const snapshot = loadScenario('large', { scale });
  const sandbox = await startSandbox({ snapshot, port: 0, rateLimitWindowMs: WINDOW_MS, singleTenant: true });
  try {
    cin7Queues.configure({ windowMs: WINDOW_MS });
    xeroQueues.configure({ windowMs: WINDOW_MS });
    const fetchFn = sandboxFetch(sandbox);
    const auth = new XeroAuth({
      secrets: createSecretStore(`bench-api-${Date.now()}`),
      clientId: () => Promise.resolve(sandbox.xeroClientId),
      redirectUrl: 'https://kgifakjijaobjokpdplikeiegeobjlem.chromiumapp.org/',
      launchWebAuthFlow: sandboxConsent(sandbox),
      fetch: fetchFn,
    });
    await auth.connect();
    const tenantId = sandbox.tenants[0]?.tenantId ?? '';
    const refresh = async (previous: StoredSnapshot | undefined, full: boolean) => {
      const before = apiCalls(sandbox);
      const started = performance.now();
      const outcome = await refreshSnapshot({
        cin7: new Cin7Client(sandbox.cin7Credentials, { fetch: fetchFn }),
        xero: new XeroClient(tenantId, auth, { fetch: fetchFn }),
        previous,
        full,
        now: Date.now,
      });
      if (outcome.failures.length) throw new Error(`refresh failed: ${String(outcome.failures[0]?.error)}`);
      const after = apiCalls(sandbox);
      return {
        stored: outcome.stored,
        wallMs: performance.now() - started,
        calls: { cin7: after.cin7 - before.cin7, xero: after.xero - before.xero },
      };
    };
    context?.log(`  api: full refresh of large at scale ${scale} (${snapshot.cin7?.products?.length ?? 0} products)…`);
    sandbox.resetRateLimits();
    const full = await refresh(undefined, true);
    // A fresh window, so the incremental refresh is measured on its own.
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
    sandbox.resetRateLimits();
    context?.log('  api: incremental refresh (nothing changed)…');
    const incremental = await refresh(full.stored, false);
    const truth = sandbox.snapshot();
    const rawMB = JSON.stringify({ cin7: { ...truth.cin7, sales: undefined, purchases: undefined, mapping: undefined }, xero: truth.xero }).length / 1e6;
    const storedMB = JSON.stringify(full.stored).length / 1e6;
    const products = truth.cin7?.products?.length ?? 0;
    return { scale, minimum: minimumFullCalls(sandbox), full, incremental, size: { rawMB, storedMB, products } };
  } finally {
    await sandbox.close();
  }
}

/** Cold start: stop the worker, then time an extension page's first message until the answer (median of runs). */
async function measureColdStart(context: BenchContext | undefined): Promise<{ runsMs: number[]; medianMs: number } | { skipped: string }> {
  let launchExtension: typeof import('../e2e/harness').launchExtension;
  try {
    const { ensureExtensionBuild } = await import('../../scripts/lib/build-extension');
    await ensureExtensionBuild({ log: (line) => context?.log(`  api: ${line}`) });
    ({ launchExtension } = await import('../e2e/harness'));
  } catch (error) {
    return { skipped: `no Chromium or build: ${error instanceof Error ? error.message : String(error)}` };
  }
  const session = await launchExtension({ scenario: 'healthy' });
  try {
    const page = await session.page(`chrome-extension://${session.extensionId}/manifest.json`);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    const runs = context?.quick ? 2 : Math.max(5, context?.iterations ?? 5);
    const runsMs: number[] = [];
    for (let run = 0; run < runs; run++) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const ms = await page.evaluate(async () => {
        const chromeApi = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome;
        const started = performance.now();
        const reply = (await chromeApi.runtime.sendMessage({ mgAction: 'getStatus' })) as { ok?: boolean };
        if (!reply?.ok) throw new Error('no answer');
        return performance.now() - started;
      });
      runsMs.push(round(ms, 1));
    }
    return { runsMs, medianMs: round(median(runsMs), 1) };
  } finally {
    await session.close();
  }
}

export const section: BenchSection = {
  name: 'api',
  description: 'API calls of a full and an incremental refresh of `large` vs the minimum, rate-limit wall time, worker cold start',
  async run(context?: BenchContext): Promise<BenchResult> {
    const refreshes = await measureRefreshes(context);
    const { minimum, full, incremental } = refreshes;
    const fullCalls = full.calls.cin7 + full.calls.xero;
    const minimumFull = minimum.cin7 + minimum.xero;
    // An incremental refresh cannot do better than one call per list (12) when nothing changed.
    const minimumIncremental = 12;
    const incrementalCalls = incremental.calls.cin7 + incremental.calls.xero;
    // Cin7 and Xero run in parallel: the slower side's forced waits decide, at the real one-minute windows.
    const imposedMinutes = Math.max(imposedWindows(full.calls.cin7, CIN7_LIMIT.perWindow), imposedWindows(full.calls.xero, XERO_LIMIT.perWindow));
    context?.log('  api: service worker cold start…');
    const coldStart = await measureColdStart(context);

    const targets: BenchTarget[] = [
      { name: 'full refresh: API calls / minimum = 1.0', pass: fullCalls === minimumFull, detail: `${fullCalls}/${minimumFull}` },
      {
        name: 'incremental refresh: API calls / minimum = 1.0',
        pass: incrementalCalls === minimumIncremental,
        detail: `${incrementalCalls}/${minimumIncremental}`,
      },
    ];
    if ('medianMs' in coldStart) {
      targets.push({ name: 'worker cold start to first answer ≤ 1000 ms', pass: coldStart.medianMs <= 1000, detail: `${coldStart.medianMs} ms` });
    }
    return {
      scale: refreshes.scale,
      full: { calls: full.calls, minimum, wallMsAtShortWindow: round(full.wallMs) },
      incremental: { calls: incremental.calls, minimum: minimumIncremental, wallMsAtShortWindow: round(incremental.wallMs) },
      rateLimits: {
        windowMsUsed: WINDOW_MS,
        /** Forced waits at the vendors' real 60/minute: whole windows after the first 60 calls of the busier API. */
        imposedWaitAtRealLimitsS: imposedMinutes * 60,
      },
      coldStart,
      storedSnapshot: {
        products: refreshes.size.products,
        storedMB: round(refreshes.size.storedMB, 2),
        apiJsonMB: round(refreshes.size.rawMB, 2),
        projectedMBAt200kProducts: round((refreshes.size.storedMB * 200_000) / Math.max(1, refreshes.size.products), 1),
      },
      rows: [
        { refresh: 'full', 'Cin7 calls': full.calls.cin7, 'Xero calls': full.calls.xero, minimum: minimumFull, ratio: round(fullCalls / minimumFull, 3) },
        {
          refresh: 'incremental',
          'Cin7 calls': incremental.calls.cin7,
          'Xero calls': incremental.calls.xero,
          minimum: minimumIncremental,
          ratio: round(incrementalCalls / minimumIncremental, 3),
        },
        { refresh: 'rate-limit wait (real limits)', 'Cin7 calls': full.calls.cin7, 'Xero calls': full.calls.xero, minimum: null, ratio: null, seconds: imposedMinutes * 60 },
        {
          refresh: 'worker cold start',
          'Cin7 calls': null,
          'Xero calls': null,
          minimum: null,
          ratio: null,
          ms: 'medianMs' in coldStart ? coldStart.medianMs : null,
        },
      ],
      targets,
    };
  },
};
