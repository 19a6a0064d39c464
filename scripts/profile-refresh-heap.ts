// The worker's heap after a refresh (issue #17), in Chromium against the sandbox's `large` scenario at short
// rate-limit windows: a first refresh, then full ones; after each, the worker's heap (CDP Runtime.getHeapUsage)
// before and after a forced collection, and with HEAP_SNAPSHOT=1 a heap snapshot summarised by constructor with the
// retainer chains of the largest kinds. `tsx scripts/profile-refresh-heap.ts [scale] [full refreshes]`.
// BENCH=1: as the bench's scale section goes (no forced collection; the last full refresh stopped half-way and resumed;
// the heap's committed size sampled every 25 ms during the re-audits), to see its peak at a smaller scale.
// PHASES=1: also a re-audit in phases (IndexedDB alone, the audit's read, the whole re-audit), three times.
import { createWriteStream, readFileSync } from 'node:fs';
import { startSandbox } from '../sandbox/index';
import { loadScenario } from '../utils/scenarios';
import { launchExtension } from '../tests/e2e/harness';
import { ensureExtensionBuild } from './lib/build-extension';
import * as stop from '../tests/e2e/worker-stop';
import { AUDIT_READ } from '../utils/background/snapshot-store';
import { workerSession } from './lib/worker-session';
import { summariseCpuProfile, summariseHeapSnapshot, type CpuProfile } from './lib/heap-summary';

const WINDOW_MS = 200;
const scale = Number(process.argv[2] ?? 1);
const fullRefreshes = Number(process.argv[3] ?? 1);
const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

const sandbox = await startSandbox({ snapshot: loadScenario('large', { scale }), port: 0, rateLimitWindowMs: WINDOW_MS, singleTenant: true });
await ensureExtensionBuild({ log: console.log });
const session = await launchExtension({ sandbox });
try {
  console.log(`products ${sandbox.snapshot().cin7?.products?.length}`);
  await stop.matchWindows(session, WINDOW_MS);
  await stop.send(session, 'setXeroClientId', { clientId: sandbox.xeroClientId });
  await session.connectXero();
  await session.saveCin7Keys();
  const bench = process.env.BENCH === '1';
  const page = await session.page(`chrome-extension://${session.extensionId}/manifest.json`);
  let worker = await workerSession(await page.context().newCDPSession(page), session.extensionId);
  const heap = async (label: string) => {
    if (bench) return;
    const before = await worker.send<{ usedSize: number; totalSize: number }>('Runtime.getHeapUsage');
    await worker.send('HeapProfiler.collectGarbage');
    const after = await worker.send<{ usedSize: number; totalSize: number }>('Runtime.getHeapUsage');
    console.log(`${label}: used ${mb(before.usedSize)} / total ${mb(before.totalSize)} MB; after GC used ${mb(after.usedSize)} / total ${mb(after.totalSize)} MB`);
  };
  await heap('connected');
  let started = Date.now();
  await stop.status(session);
  await stop.untilSettled(session, 900_000);
  console.log(`first refresh ${Date.now() - started} ms`);
  await heap('after the first refresh');
  for (let n = 0; n < fullRefreshes; n++) {
    started = Date.now();
    const since = new Date(Date.now() - 1_000).toISOString();
    await stop.send(session, 'refresh', { full: true });
    await stop.untilSettled(session, 900_000, since);
    console.log(`full refresh ${Date.now() - started} ms`);
    await heap(`after full refresh ${n + 1}`);
  }
  let peak = 0;
  let sampling = false;
  if (bench) {
    started = Date.now();
    const windowMs = WINDOW_MS;
    const stopped = await stop.fullRefreshStoppedAt(session, sandbox, { stopAfterCalls: Math.floor(stop.minimumFullCalls(sandbox) / 2), windowMs, timeoutMs: 900_000 });
    console.log(`resumed full refresh ${Date.now() - started} ms (resumed: ${stopped.sawResumed})`);
    worker = await workerSession(await page.context().newCDPSession(page), session.extensionId);
  }
  const sampler = async () => {
    while (sampling) {
      peak = Math.max(peak, (await worker.send<{ totalSize: number }>('Runtime.getHeapUsage')).totalSize);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  if (bench) console.log(`before the re-audits: total ${mb((await worker.send<{ totalSize: number }>('Runtime.getHeapUsage')).totalSize)} MB`);
  // The worker's re-audit, as the bench's scale section times it; CPU_PROFILE=1: where its time goes.
  if (process.env.CPU_PROFILE === '1') {
    await worker.send('Profiler.enable');
    await worker.send('Profiler.setSamplingInterval', { interval: 500 });
    await worker.send('Profiler.start');
  }
  for (let run = 0; run < 3; run++) {
    sampling = bench;
    const sampled = sampler();
    const ms = await session.evalInServiceWorker(async () => {
      type Service = { refresher: { reaudit(id: string): Promise<unknown> }; resolvePair(c: object): Promise<{ id: string } | undefined> };
      const mg = (globalThis as unknown as { mappingGuard: { service: Service } }).mappingGuard;
      const pair = await mg.service.resolvePair({ caller: 'extension' });
      const started = performance.now();
      await mg.service.refresher.reaudit(pair?.id ?? '');
      return performance.now() - started;
    });
    sampling = false;
    await sampled;
    console.log(`reaudit ${Math.round(ms)} ms${bench ? `; peak committed so far ${mb(peak)} MB` : ''}`);
  }
  // PHASES=1: where a re-audit's time goes: IndexedDB alone (every stored part read, structured clone only), the
  // audit's read (decoded, AUDIT_READ), then the whole re-audit (read, engine, result stored).
  if (process.env.PHASES === '1') {
    for (let run = 0; run < 3; run++) {
      const phases = await session.evalInServiceWorker(async (_ext, read) => {
        type Data = { getSnapshot(id: string, options: object): Promise<unknown> };
        type Service = { data: Data; refresher: { reaudit(id: string): Promise<unknown> }; resolvePair(c: object): Promise<{ id: string } | undefined> };
        const mg = (globalThis as unknown as { mappingGuard: { service: Service } }).mappingGuard;
        const pair = await mg.service.resolvePair({ caller: 'extension' });
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('mapping-guard-data-snapshots');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        let started = performance.now();
        const parts = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction('parts', 'readonly').objectStore('parts').getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const idbAllMs = performance.now() - started;
        db.close();
        started = performance.now();
        await mg.service.data.getSnapshot(pair?.id ?? '', read);
        const readMs = performance.now() - started;
        started = performance.now();
        await mg.service.refresher.reaudit(pair?.id ?? '');
        return { parts: parts.length, idbAllMs: Math.round(idbAllMs), readMs: Math.round(readMs), reauditMs: Math.round(performance.now() - started) };
      }, AUDIT_READ);
      console.log(`phases ${JSON.stringify(phases)}`);
    }
  }
  if (process.env.CPU_PROFILE === '1') {
    const { profile } = await worker.send<{ profile: CpuProfile }>('Profiler.stop');
    console.log(summariseCpuProfile(profile));
  }
  const heapSnapshot = async () => {
    const path = `/tmp/worker-${Date.now()}.heapsnapshot`;
    const out = createWriteStream(path);
    worker.on((method, params) => {
      if (method === 'HeapProfiler.addHeapSnapshotChunk') out.write((params as { chunk: string }).chunk);
    });
    await worker.send('HeapProfiler.enable');
    await worker.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    await new Promise<void>((resolve) => out.end(resolve));
    console.log(`heap snapshot ${path}`);
    console.log(summariseHeapSnapshot(JSON.parse(readFileSync(path, 'utf8'))));
  };
  // LIVE=1: what the audit's read of the stored snapshot holds once collected (its live size in the worker).
  if (process.env.LIVE === '1') {
    const used = async () => {
      await worker.send('HeapProfiler.collectGarbage');
      return (await worker.send<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize;
    };
    const before = await used();
    await session.evalInServiceWorker(async (_ext, read) => {
      type Data = { getSnapshot(id: string, options: object): Promise<unknown> };
      const mg = (globalThis as unknown as { mappingGuard: { service: { data: Data; resolvePair(c: object): Promise<{ id: string } | undefined> } } }).mappingGuard;
      const pair = await mg.service.resolvePair({ caller: 'extension' });
      Object.assign(globalThis, { heldForProfile: await mg.service.data.getSnapshot(pair?.id ?? '', read) });
    }, AUDIT_READ);
    const held = await used();
    if (process.env.HEAP_SNAPSHOT === '1') await heapSnapshot(); // what it holds, by kind
    await session.evalInServiceWorker(() => void Object.assign(globalThis, { heldForProfile: undefined }));
    console.log(`the audit's read holds ${mb(held - before)} MB (worker ${mb(before)} MB without it)`);
  } else if (process.env.HEAP_SNAPSHOT === '1') await heapSnapshot();
} finally {
  await session.close();
  await sandbox.close();
}
