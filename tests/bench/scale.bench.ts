// Issue #17 at its size: the extension in Chromium against the sandbox's `large` scenario at 200,000 products (scale
// 4), at short rate-limit windows. A full refresh's calls against the minimum; a second full refresh whose service
// worker is really stopped half-way (CDP ServiceWorker.stopAllWorkers) and resumes; then in the worker: what the
// extension's origin stores, the audit's time (the worker's re-audit: read the stored pages, audit, store the result) and the
// worker's JS heap at its largest meanwhile (CDP Runtime.getHeapUsage on the worker, sampled).
import type { CDPSession } from 'playwright-core';
import { startSandbox } from '../../sandbox/index';
import { loadScenario } from '../../utils/scenarios';
import type { BenchContext, BenchResult, BenchSection, BenchTarget } from '../../scripts/lib/bench/section';
import { median, round } from '../../scripts/lib/bench/stats';
import { workerSession } from '../../scripts/lib/worker-session';

const WINDOW_MS = 200;
const SCALE = 4;

/** Runtime.getHeapUsage on the extension's service worker. */
async function workerHeap(cdp: CDPSession, extensionId: string): Promise<() => Promise<{ usedMB: number; totalMB: number }>> {
  const { send } = await workerSession(cdp, extensionId);
  return async () => {
    const usage = await send<{ usedSize: number; totalSize: number }>('Runtime.getHeapUsage');
    return { usedMB: usage.usedSize / 1e6, totalMB: usage.totalSize / 1e6 };
  };
}

async function measure(context: BenchContext | undefined) {
  const { launchExtension } = await import('../e2e/harness');
  const { ensureExtensionBuild } = await import('../../scripts/lib/build-extension');
  const stop = await import('../e2e/worker-stop');
  await ensureExtensionBuild({ log: (line) => context?.log(`  scale: ${line}`) });
  const scale = context?.quick ? 0.05 : SCALE;
  const log = (message: string) => context?.log(`  scale: ${message}`);
  const sandbox = await startSandbox({ snapshot: loadScenario('large', { scale }), port: 0, rateLimitWindowMs: WINDOW_MS, singleTenant: true });
  const session = await launchExtension({ sandbox });
  try {
    const products = sandbox.snapshot().cin7?.products?.length ?? 0;
    await stop.matchWindows(session, WINDOW_MS);
    await stop.send(session, 'setXeroClientId', { clientId: sandbox.xeroClientId });
    await session.connectXero();
    await session.saveCin7Keys();
    log(`first refresh of ${products} products…`);
    await stop.status(session);
    await stop.untilSettled(session, 900_000);

    log('full refresh…');
    const before = stop.apiCalls(sandbox);
    const detailsBefore = stop.detailCalls(sandbox);
    const since = new Date(Date.now() - 1_000).toISOString();
    await stop.send(session, 'refresh', { full: true });
    await stop.untilSettled(session, 900_000, since);
    const fullCalls = stop.apiCalls(sandbox) - before;
    const fullMinimum = stop.minimumFullCalls(sandbox) + Math.min(stop.detailCalls(sandbox) - detailsBefore, 100);

    log('full refresh with the worker stopped half-way…');
    const stopped = await stop.fullRefreshStoppedAt(session, sandbox, { stopAfterCalls: Math.floor(stop.minimumFullCalls(sandbox) / 2), windowMs: WINDOW_MS, timeoutMs: context?.quick ? 120_000 : 900_000 });

    log('stored size and the audit in the worker…');
    const page = await session.page(`chrome-extension://${session.extensionId}/manifest.json`);
    const cdp = await page.context().newCDPSession(page);
    let heap: Awaited<ReturnType<typeof workerHeap>> | undefined;
    let heapError: string | undefined;
    try {
      heap = await workerHeap(cdp, session.extensionId);
    } catch (error) {
      heapError = error instanceof Error ? error.message : String(error);
    }
    const stored = await session.evalInServiceWorker(async () => {
      const estimate = (await navigator.storage.estimate()) as StorageEstimate & { usageDetails?: { indexedDB?: number } };
      return { usage: estimate.usage ?? 0, indexedDB: estimate.usageDetails?.indexedDB };
    });
    const runs: number[] = [];
    let peak = { usedMB: 0, totalMB: 0 };
    for (let run = 0; run < (context?.quick ? 1 : 3); run++) {
      let sampling = true;
      const sampler = (async () => {
        while (sampling && heap) {
          const now = await heap();
          peak = { usedMB: Math.max(peak.usedMB, now.usedMB), totalMB: Math.max(peak.totalMB, now.totalMB) };
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
      })();
      const ms = await session.evalInServiceWorker(async () => {
        type Service = {
          refresher: { reaudit(id: string): Promise<unknown> };
          resolvePair(c: object): Promise<{ id: string } | undefined>;
        };
        const mg = (globalThis as unknown as { mappingGuard: { service: Service } }).mappingGuard;
        const pair = await mg.service.resolvePair({ caller: 'extension' });
        const started = performance.now();
        // The worker's own re-audit (a mapping saved, an update): the stored pages read with the fields rules read.
        await mg.service.refresher.reaudit(pair?.id ?? '');
        return performance.now() - started;
      });
      sampling = false;
      await sampler;
      runs.push(ms);
    }
    return { scale, products, fullCalls, fullMinimum, stopped, stored, auditRuns: runs, peak, heapError };
  } finally {
    await session.close();
    await sandbox.close();
  }
}

export const section: BenchSection = {
  name: 'scale',
  description: '200,000 products in Chromium: full refresh calls, a refresh resumed after the worker stopped, stored size, audit time and heap in the worker',
  async run(context?: BenchContext): Promise<BenchResult> {
    const m = await measure(context);
    const storedMB = round((m.stored.indexedDB ?? m.stored.usage) / 1e6, 1);
    const workerAuditMs = round(median(m.auditRuns), 0);
    const workerPeakMB = m.heapError ? null : round(m.peak.totalMB, 1);
    const remainingMinimum = m.stopped.minimum - m.stopped.stoppedAtCall;
    const targets: BenchTarget[] = [
      { name: 'products ≥ 200,000', pass: m.products >= 200_000, detail: String(m.products) },
      { name: 'stored ≤ 60 MB', pass: storedMB <= 60, detail: `${storedMB} MB` },
      { name: 'worker audit ≤ 1000 ms', pass: workerAuditMs <= 1000, detail: `${workerAuditMs} ms` },
      { name: 'worker peak ≤ 300 MB', pass: workerPeakMB !== null && workerPeakMB <= 300, detail: workerPeakMB === null ? String(m.heapError) : `${workerPeakMB} MB` },
      { name: 'full refresh calls = minimum', pass: m.fullCalls === m.fullMinimum, detail: `${m.fullCalls}/${m.fullMinimum}` },
      {
        name: 'resumed: calls after the stop ≤ the minimum left + 2 on the wire',
        pass: m.stopped.sawResumed && m.stopped.callsAfterResume <= remainingMinimum + 2 && !m.stopped.status.lastError,
        detail: `${m.stopped.callsAfterResume}/${remainingMinimum}${m.stopped.sawResumed ? '' : ' (never said resumed)'}`,
      },
    ];
    return {
      scale: m.scale,
      products: m.products,
      storedMB,
      storedOriginMB: round(m.stored.usage / 1e6, 1),
      workerAuditMs,
      workerAuditRunsMs: m.auditRuns.map((ms) => round(ms, 0)),
      workerPeakMB,
      workerPeakUsedMB: m.heapError ? null : round(m.peak.usedMB, 1),
      ...(m.heapError ? { workerPeakError: m.heapError } : {}),
      fullRefresh: { calls: m.fullCalls, minimum: m.fullMinimum },
      resume: { stoppedAtCall: m.stopped.stoppedAtCall, callsAfterResume: m.stopped.callsAfterResume, remainingMinimum, sawResumed: m.stopped.sawResumed },
      windowMsUsed: WINDOW_MS,
      targets,
    };
  },
};
