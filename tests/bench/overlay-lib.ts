// What the two overlay bench sections share: the content script's size, a plain Chromium with the same host mapping
// but no extension (the "without" side), host work measured in lockstep pairs, and the extension scripts' own CPU
// from a profile, and the time from the content script's start to the panel's counts. (Connecting both apps is the
// e2e harness's connectBothApps.)
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { median, round } from '../../scripts/lib/bench/stats';
import { EXTENSION_DIR } from '../../scripts/lib/build-extension';
import { findChromium } from '../../scripts/find-chromium';
import type { Sandbox } from '../../sandbox/index';
import { setTimeout as sleep } from 'node:timers/promises';

/** The content script's JS (+ CSS file, if the build still has one: the panel's CSS is now inside the JS), raw and gzipped. */
export function contentScriptSize(name: 'cin7' | 'xero'): { rawKB: number; gzipKB: number } {
  const files = [`content-scripts/${name}.js`, `content-scripts/${name}.css`]
    .map((file) => join(EXTENSION_DIR, file))
    .filter((path) => existsSync(path))
    .map((path) => readFileSync(path));
  const raw = files.reduce((sum, file) => sum + file.length, 0);
  const gzip = files.reduce((sum, file) => sum + gzipSync(file, { level: 9 }).length, 0);
  return { rawKB: round(raw / 1024, 1), gzipKB: round(gzip / 1024, 1) };
}

export interface PanelTiming {
  /** Our first content script's start → the counts on screen (the first frame presented after they were drawn). */
  ms: number;
  /** CPU (the trace's thread time) of compiling and running the start script (`content-scripts/<app>-start.js`). */
  startScriptCpuMs: number;
  /** When the counts were in the DOM (the start script's mark), from the start: the rest is the frame. */
  countsDrawnMs: number;
  /** When the tab's first message left (the start script's mark), from the start: from there to the counts, the reply. */
  messageSentMs?: number;
  /** The service worker's script runs between the message leaving and the counts (trace `FunctionCall`s of background.js), from the start. */
  workerRunsMs?: { at: number; ms: number }[];
  /** What the page's main thread did between the message leaving and the counts: trace event names by total ms. */
  pageWhileWaiting?: Record<string, number>;
  /** When the overlay's own bundle began compiling, from the start (undefined: not before the counts were found). */
  bundleStartMs?: number;
  /** CPU of compiling and running that bundle (`content-scripts/<app>.js`), after the counts. */
  bundleCpuMs?: number;
}

interface TraceEvent {
  name: string;
  ts: number;
  tid: number;
  /** Wall and thread (CPU) durations of a complete event, µs. */
  dur?: number;
  tdur?: number;
  args?: { fileName?: string; data?: { startTime?: number; url?: string } };
}

/**
 * ms from our first content script's start to the panel's counts (not "…") on screen, on one load of `url`, from a
 * trace of the load (categories `v8`, `blink.user_timing` and `devtools.timeline`):
 * - the start is when Chromium began compiling the app's start script in this page (its first `v8.compile`), so
 *   the script's own evaluation counts;
 * - the end is the first frame presented (`AnimationFrame::Presentation`, else the end of the first `Paint`) on the
 *   page's main thread after the start script drew the counts, which it marks (`mapping-guard:<app>:counts`,
 *   utils/overlay/start-script.ts).
 * The load waits for that mark without a test's polling: Playwright's first evaluation in a new document compiles its
 * injected script (about 330 kB) on the page's main thread, traced at 25–55 ms in the middle of the wait for the
 * reply, and filing the closed root through CDP every few ms takes the main thread too. Neither is a user's page load,
 * so the wait asks only, every 50 ms, whether the mark is there (a one-line `Runtime.evaluate`). Tracing costs the
 * page a little.
 */
export async function scriptStartToPanelMs(context: BrowserContext, url: string, app: 'cin7' | 'xero'): Promise<PanelTiming> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  try {
    await cdp.send('Tracing.start', { categories: 'v8,blink.user_timing,devtools.timeline', transferMode: 'ReportEvents' });
    await page.goto(url, { waitUntil: 'commit' });
    await waitForMark(cdp, `mapping-guard:${app}:counts`, 30_000);
    // Let the overlay's bundle start too, for its figures.
    await page.waitForTimeout(400);
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    const mark = events.find((event) => event.name === `mapping-guard:${app}:counts` && typeof event.args?.data?.startTime === 'number');
    if (!mark) throw new Error(`the trace has no mapping-guard:${app}:counts mark (the start script drew no counts)`);
    const onPage = (name: string, file?: string) =>
      events.filter((event) => event.name === name && event.tid === mark.tid && (!file || event.args?.fileName?.endsWith(file)));
    const startFile = `/content-scripts/${app}-start.js`;
    const bundleFile = `/content-scripts/${app}.js`;
    const sent = events.find((event) => event.name === `mapping-guard:${app}:sent` && event.tid === mark.tid && event.ts <= mark.ts);
    const startCompile = onPage('v8.compile', startFile).filter((event) => event.ts <= mark.ts).at(-1);
    if (!startCompile) throw new Error(`the trace has no compile of ${startFile} before the counts`);
    const start = startCompile.ts;
    const presented = onPage('AnimationFrame::Presentation').find((event) => event.ts >= mark.ts)?.ts;
    const painted = onPage('Paint').find((event) => event.ts >= mark.ts);
    const end = presented ?? (painted ? painted.ts + (painted.dur ?? 0) : undefined);
    if (end === undefined) throw new Error('the trace has no frame after the counts were drawn');
    const cpu = (list: TraceEvent[]) => list.reduce((sum, event) => sum + (event.tdur ?? 0), 0) / 1000;
    const startRuns = onPage('v8.run', startFile).filter((event) => event.ts >= start && event.ts <= mark.ts).slice(0, 1);
    const bundle = [...onPage('v8.compile', bundleFile), ...onPage('v8.run', bundleFile)].filter((event) => event.ts >= start);
    const bundleStart = bundle.length ? Math.min(...bundle.map((event) => event.ts)) : undefined;
    return {
      ms: (end - start) / 1000,
      startScriptCpuMs: cpu([startCompile, ...startRuns]),
      countsDrawnMs: (mark.ts - start) / 1000,
      ...(sent ? { messageSentMs: (sent.ts - start) / 1000 } : {}),
      pageWhileWaiting: busyByName(onPage, sent?.ts ?? start, mark.ts),
      workerRunsMs: events
        .filter((event) => event.name === 'FunctionCall' && event.args?.data?.url?.endsWith('/background.js') && event.ts >= (sent?.ts ?? start) && event.ts <= mark.ts)
        .map((event) => ({ at: Math.round((event.ts - start) / 100) / 10, ms: Math.round((event.dur ?? 0) / 100) / 10 })),
      ...(bundleStart === undefined ? {} : { bundleStartMs: (bundleStart - start) / 1000, bundleCpuMs: cpu(bundle) }),
    };
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}

/** Waits until the page's performance timeline has `name` (content scripts' marks are on the page's timeline too). */
async function waitForMark(cdp: CDPSession, name: string, timeoutMs: number): Promise<void> {
  const expression = `performance.getEntriesByName(${JSON.stringify(name)}).length > 0`;
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(50)) {
    const { result } = await cdp.send('Runtime.evaluate', { expression, returnByValue: true }).catch(() => ({ result: { value: false } }));
    if (result.value === true) return;
  }
  throw new Error(`no ${name} mark within ${timeoutMs} ms (the start script drew no counts)`);
}

/** A thread's complete events between two trace times, total ms by name (nested events count in their own name too). */
function busyByName(onPage: (name: string) => TraceEvent[], from: number, to: number): Record<string, number> {
  const names = ['RunTask', 'FunctionCall', 'EvaluateScript', 'v8.compile', 'ParseHTML', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'TimerFire', 'FireAnimationFrame', 'XHRReadyStateChange'];
  const out: Record<string, number> = {};
  for (const name of names) {
    const ms = onPage(name).filter((event) => event.ts >= from && event.ts <= to).reduce((sum, event) => sum + (event.dur ?? 0), 0) / 1000;
    if (ms >= 0.5) out[name] = Math.round(ms * 10) / 10;
  }
  return out;
}

/** Chromium with the sandbox's host mapping and no extension. */
export async function plainContext(sandbox: Sandbox): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'mapping-guard-bench-plain-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-extensions', ...sandbox.chromiumArgs],
    viewport: { width: 1280, height: 860 },
    ignoreHTTPSErrors: true,
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * ms of main-thread CPU spent in the extension's own scripts while `work` runs in `page` (CDP sampling profiler,
 * self time of chrome-extension:// frames). Run apart from the timed runs: the profiler adds its own cost.
 */
export async function extensionScriptMs(context: BrowserContext, page: Page, work: () => Promise<void>): Promise<number> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await work();
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  const selfMicros = new Map<number, number>();
  (profile.samples ?? []).forEach((id, index) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas?.[index] ?? 0)));
  let total = 0;
  for (const node of profile.nodes) if (node.callFrame.url.startsWith('chrome-extension://')) total += selfMicros.get(node.id) ?? 0;
  return total / 1000;
}

/**
 * A host-page workload cut into steps, so the "with" and "without" pages can take turns (see measurePairInLockstep).
 * Everything from `start` to `finish` is inside the measured window.
 */
export interface SteppedWorkload {
  /** Before the window: e.g. load the page and wait out the overlay's start-up when that is not the host's work. */
  prepare?(page: Page, withExtension: boolean): Promise<void>;
  /** First thing in the window (e.g. the page load itself, when start-up is part of what is measured). */
  start?(page: Page): Promise<void>;
  /** How many steps, read from the "without" page once `start` ran. */
  stepCount(page: Page): Promise<number>;
  step(page: Page, index: number): Promise<void>;
  /** Last thing in each page's window, before both settle (e.g. scroll back to the top). */
  finish?(page: Page): Promise<void>;
  /** Both pages idle this long at the end, inside the window: throttled observers the steps woke finish there. */
  settleMs: number;
}

export interface PairResult {
  withoutMs: number;
  withMs: number;
  ratio: number;
}

/**
 * Main-thread CPU ms (CDP ThreadTime) of one workload on two pages, one per browser, the pages taking turns step
 * by step. Why lockstep: on this kind of shared VM, CPU speed drifts by ±20 % over seconds, so two runs one after
 * the other differ more than a 5 % target (an A/A check of two extension-free browsers gave 0.82 from medians of 5
 * back-to-back runs). Interleaved steps see the same drift, which cancels in the ratio.
 */
export async function measurePairInLockstep(
  without: BrowserContext,
  withExtension: BrowserContext,
  workload: SteppedWorkload,
  options: { withFirst: boolean },
): Promise<PairResult> {
  const sides = [
    { context: without, withExtension: false },
    { context: withExtension, withExtension: true },
  ];
  const opened: { page: Page; cdp: CDPSession; withExtension: boolean; startMs: number }[] = [];
  try {
    for (const side of sides) {
      const page = await side.context.newPage();
      const cdp = await side.context.newCDPSession(page);
      opened.push({ page, cdp, withExtension: side.withExtension, startMs: 0 });
      await cdp.send('Performance.enable');
      await workload.prepare?.(page, side.withExtension);
    }
    const turns = options.withFirst ? [opened[1]!, opened[0]!] : [opened[0]!, opened[1]!];
    await waitForQuietMachine();
    for (const side of turns) side.startMs = await threadTimeMs(side.cdp);
    for (const side of turns) await workload.start?.(side.page);
    const steps = await workload.stepCount(opened[0]!.page);
    for (let index = 0; index < steps; index++) for (const side of turns) await workload.step(side.page, index);
    for (const side of turns) await workload.finish?.(side.page);
    await new Promise((resolve) => setTimeout(resolve, workload.settleMs));
    const [withoutMs, withMs] = [
      (await threadTimeMs(opened[0]!.cdp)) - opened[0]!.startMs,
      (await threadTimeMs(opened[1]!.cdp)) - opened[1]!.startMs,
    ] as [number, number];
    return { withoutMs, withMs, ratio: withMs / withoutMs };
  } finally {
    for (const side of opened) {
      await side.cdp.detach().catch(() => undefined);
      await side.page.close().catch(() => undefined);
    }
  }
}

async function threadTimeMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  // ThreadTime is the main thread's CPU time: unlike TaskDuration (wall time of tasks) it does not stretch when
  // another process takes the core.
  return (metrics.find((metric) => metric.name === 'ThreadTime')?.value ?? 0) * 1000;
}

/**
 * Waits (up to 15 s) until the machine is ≥ 95 % idle over half a second, so a closing page or a late garbage
 * collection of the previous pair does not run beside the next one. Where /proc/stat is missing, waits 1 s.
 */
export async function waitForQuietMachine(): Promise<void> {
  if (!existsSync('/proc/stat')) {
    await sleep(1000);
    return;
  }
  const sample = () => {
    const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
    return { idle: (fields[3] ?? 0) + (fields[4] ?? 0), total: fields.reduce((sum, value) => sum + value, 0) };
  };
  for (let attempt = 0; attempt < 30; attempt++) {
    const before = sample();
    await sleep(500);
    const after = sample();
    if ((after.idle - before.idle) / Math.max(1, after.total - before.total) >= 0.95) return;
  }
}

/** The `timeToPanelMs` figures of both overlay sections, from their warm loads (medians). */
export function panelFigures(runs: PanelTiming[]) {
  const of = (pick: (run: PanelTiming) => number | undefined) => {
    const values = runs.map(pick).filter((value): value is number => value !== undefined);
    return values.length ? round(median(values), 1) : null;
  };
  const figures = {
    median: of((run) => run.ms),
    runs: runs.map((run) => round(run.ms, 1)),
    from: 'the start script’s compile to the first frame presented with the counts',
    startScriptCpuMs: of((run) => run.startScriptCpuMs),
    messageSentMs: of((run) => run.messageSentMs),
    countsDrawnMs: of((run) => run.countsDrawnMs),
    bundleStartMs: of((run) => run.bundleStartMs),
    bundleCpuMs: of((run) => run.bundleCpuMs),
  };
  const text =
    `${Math.round(figures.median ?? NaN)} ms (start script CPU ${Math.round(figures.startScriptCpuMs ?? NaN)} ms; ` +
    `the overlay's bundle starts at ${Math.round(figures.bundleStartMs ?? NaN)} ms, CPU ${Math.round(figures.bundleCpuMs ?? NaN)} ms)`;
  return { figures, text };
}
