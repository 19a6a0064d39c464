// Where the time to the panel goes (issue #17): the cin7-overlay bench's set-up (the `broken` scenario, both apps
// connected, the mapping read), then warm loads of the Cin7 Core dashboard timed as the bench times them, with the
// service worker's CPU profiled meanwhile (CDP Profiler on the worker): its busy time per load and its hottest
// functions. `tsx scripts/profile-panel.ts [loads] [cin7|xero]`.
import { startSandbox } from '../sandbox/index';
import { launchExtension } from '../tests/e2e/harness';
import { connectBothApps } from '../tests/e2e/connect-apps';
import { scriptStartToPanelMs } from '../tests/bench/overlay-lib';
import { ensureExtensionBuild } from './lib/build-extension';
import { workerSession } from './lib/worker-session';
import { summariseCpuProfile, type CpuProfile } from './lib/heap-summary';

const loads = Number(process.argv[2] ?? 5);
const app = (process.argv[3] ?? 'cin7') as 'cin7' | 'xero';
const URLS = { cin7: 'https://inventory.dearsystems.com/Dashboard', xero: 'https://go.xero.com/Dashboard' };

/** One load with the page's CPU profiled: what its main thread ran, in 5 ms bins from the first content-script sample. */
async function pageTimeline(context: import('playwright-core').BrowserContext, url: string, name: string): Promise<string> {
  const page = await context.newPage();
  const { trackClosedPanels } = await import('../tests/e2e/closed-shadow');
  trackClosedPanels(page, { pollMs: 10 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => {
    const roots = (globalThis as Record<symbol, ShadowRoot[] | undefined>)[Symbol.for('mg-e2e-closed-roots')] ?? [];
    const counts = roots.map((root) => root.querySelector('.mg-counts')?.textContent ?? '').find(Boolean) ?? '';
    return counts !== '' && counts !== '…';
  }, undefined, { timeout: 30_000, polling: 'raf' });
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile & { startTime: number } };
  await page.close();
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes as (CpuProfile['nodes'][number] & { children?: number[] })[]) for (const child of node.children ?? []) parent.set(child, node.id);
  let t = profile.startTime;
  const samples = profile.samples.map((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    // The outermost frame of ours decides the kind; the leaf names it.
    let kind = byNode.get(id)?.callFrame.functionName || '(anonymous)';
    let ours = false;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) if (byNode.get(at)?.callFrame.url.includes(`content-scripts/${name}`)) ours = true;
    const leaf = byNode.get(id)?.callFrame;
    if (leaf && ['(idle)', '(program)', '(garbage collector)'].includes(leaf.functionName)) kind = leaf.functionName;
    else kind = ours ? `ours:${leaf?.functionName || '(anon)'}:${leaf?.lineNumber}:${leaf?.url.split('/').pop()}` : `page:${leaf?.functionName}`;
    return { t: t / 1000, kind, ms: (profile.timeDeltas[i + 1] ?? 0) / 1000 };
  });
  const first = samples.find((sample) => sample.kind.startsWith('ours'))?.t ?? 0;
  // The start script's own run, by function (the first 40 ms from its first sample).
  const early = new Map<string, number>();
  for (const sample of samples) if (sample.t >= first && sample.t < first + 40) early.set(sample.kind, (early.get(sample.kind) ?? 0) + sample.ms);
  console.log('first 40 ms by function:', [...early].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([kind, ms]) => `${kind} ${ms.toFixed(1)}`).join(' | '));
  const bins = new Map<number, Map<string, number>>();
  for (const sample of samples) {
    if (sample.t < first - 5) continue;
    const bin = Math.floor((sample.t - first) / 5) * 5;
    const kinds = bins.get(bin) ?? new Map<string, number>();
    kinds.set(sample.kind, (kinds.get(sample.kind) ?? 0) + sample.ms);
    bins.set(bin, kinds);
  }
  const lines = ['page main thread from the first content-script sample (5 ms bins, top kinds):'];
  for (const [bin, kinds] of [...bins].sort((a, b) => a[0] - b[0])) {
    const top = [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([kind, ms]) => `${kind} ${ms.toFixed(1)}`);
    lines.push(`${String(bin).padStart(5)} ${top.join(' | ')}`);
  }
  return lines.join('\n');
}

await ensureExtensionBuild({ log: console.log });
const sandbox = await startSandbox({ scenario: 'broken', port: 0 });
const session = await launchExtension({ sandbox });
try {
  await connectBothApps(session);
  const page = await session.page(`chrome-extension://${session.extensionId}/manifest.json`);
  const { send: worker } = await workerSession(await page.context().newCDPSession(page), session.extensionId);
  await scriptStartToPanelMs(session.context, URLS[app], app); // warm-up
  // The worker's own time for the early message's handler, called directly (no messaging, no page).
  const handlerRuns = await session.evalInServiceWorker(async (ext, appName) => {
    type Handler = (args: object, context: object) => Promise<unknown>;
    const mg = (globalThis as unknown as { mappingGuard: { service: { handlers: Record<string, Handler> } } }).mappingGuard;
    const [tab] = await (ext as unknown as { tabs: { query(q: object): Promise<{ id?: number }[]> } }).tabs.query({});
    const times: Record<string, number[]> = { identifyTabWithStatus: [], identifyTab: [], getStatus: [] };
    for (let i = 0; i < 8; i++) {
      for (const name of Object.keys(times)) {
        const started = performance.now();
        await mg.service.handlers[name]!(name === 'getStatus' ? {} : { cin7Texts: [] }, { caller: 'content', tabId: tab?.id ?? 1, app: appName });
        times[name]!.push(Math.round((performance.now() - started) * 10) / 10);
      }
    }
    return times;
  }, app);
  console.log('handlers in the worker (ms):', JSON.stringify(handlerRuns));
  await worker('Profiler.enable');
  await worker('Profiler.setSamplingInterval', { interval: 100 });
  await worker('Profiler.start');
  const runs = [];
  for (let i = 0; i < loads; i++) runs.push(await scriptStartToPanelMs(session.context, URLS[app], app));
  const { profile } = await worker<{ profile: CpuProfile }>('Profiler.stop');
  console.log(runs.map((run) => `panel ${run.ms.toFixed(1)} ms (sent at ${run.messageSentMs?.toFixed(1)}, worker ran ${(run.workerRunsMs ?? []).map((r) => `${r.at}+${r.ms}`).join(' ')}, page while waiting ${JSON.stringify(run.pageWhileWaiting)}, counts drawn at ${run.countsDrawnMs.toFixed(1)}, start script CPU ${run.startScriptCpuMs.toFixed(1)}, bundle at ${run.bundleStartMs?.toFixed(1)} CPU ${run.bundleCpuMs?.toFixed(1)})`).join('\n'));
  console.log(`worker, ${loads} loads:`);
  console.log(summariseCpuProfile(profile, 40));
  console.log(await pageTimeline(session.context, URLS[app], app));
} finally {
  await session.close();
  await sandbox.close();
}
