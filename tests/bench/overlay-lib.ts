// What the two overlay bench sections share: the content script's size, a plain Chromium with the same host mapping
// but no extension (the "without" side), host work measured in lockstep pairs, and the extension scripts' own CPU
// from a profile, and the time from the content script's start to the panel's counts. (Connecting both apps is the
// e2e harness's connectBothApps.)
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { round } from '../../scripts/lib/bench/stats';
import { EXTENSION_DIR } from '../../scripts/lib/build-extension';
import { findChromium } from '../../scripts/find-chromium';
import type { Sandbox } from '../../sandbox/index';
import { trackClosedPanels } from '../e2e/closed-shadow';

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
  /** Content script start → counts shown. */
  ms: number;
  /** Of which: start → the script's main() (compiling and evaluating the bundle). */
  evaluationMs: number;
  /**
   * CPU time (the trace's thread time) of compiling and running the bundle, main()'s synchronous start included:
   * unlike the wall times above, barely stretched by the machine's load.
   */
  evaluationCpuMs: number;
  /** Of which: compiling it (a cached compile is short). */
  compileCpuMs: number;
}

interface TraceEvent {
  name: string;
  ts: number;
  tid: number;
  /** Thread (CPU) duration of a complete event, µs. */
  tdur?: number;
  args?: { fileName?: string; data?: { startTime?: number } };
}

/**
 * ms from the content script's start to the panel showing the pair's counts (not "…"), on one load of `url`.
 *
 * The start is when Chromium began compiling the content script (`content-scripts/<app>.js`) in this page: the
 * `v8.compile` / `v8.run` events of a trace (categories `v8` and `blink.user_timing` only, the light ones), so the
 * bundle's own evaluation counts. The trace's clock is put on the page's through the performance mark the script
 * already makes at the start of its main() (`mapping-guard:<app>:start`; the trace records its `startTime`), so
 * the extension is measured unchanged. The end is the first animation frame in which the panel's counts read as
 * numbers; the panel's root is closed, so the harness files it through CDP, here every 10 ms (tracing and that
 * polling cost the page a little: the figure errs on the slow side).
 */
export async function scriptStartToPanelMs(context: BrowserContext, url: string, app: 'cin7' | 'xero'): Promise<PanelTiming> {
  const page = await context.newPage();
  trackClosedPanels(page, { pollMs: 10 });
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  try {
    await cdp.send('Tracing.start', { categories: 'v8,blink.user_timing', transferMode: 'ReportEvents' });
    await page.goto(url, { waitUntil: 'commit' });
    const shown = await page.waitForFunction(
      () => {
        // The panel's root is closed: read it where the harness files it (tests/e2e/closed-shadow.ts).
        const roots = (globalThis as Record<symbol, ShadowRoot[] | undefined>)[Symbol.for('mg-e2e-closed-roots')] ?? [];
        const counts = roots.map((root) => root.querySelector('.mg-counts')?.textContent ?? '').find(Boolean) ?? '';
        return counts !== '' && counts !== '…' ? performance.now() : null;
      },
      undefined,
      { timeout: 30_000, polling: 'raf' },
    );
    const shownAt = (await shown.jsonValue()) as number;
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    const mark = events.find((event) => event.name === `mapping-guard:${app}:start` && typeof event.args?.data?.startTime === 'number');
    if (!mark) throw new Error(`the trace has no mapping-guard:${app}:start mark`);
    const script = `/content-scripts/${app}.js`;
    const eventsOfScript = (name: string, before: number) =>
      events.filter((event) => event.name === name && event.tid === mark.tid && event.ts <= before && event.args?.fileName?.endsWith(script));
    const ofScript = (name: string, before: number) => eventsOfScript(name, before).map((event) => event.ts);
    // This frame's run of the script is the last before the mark; it starts with its compile (a cached one is short).
    const run = Math.max(...ofScript('v8.run', mark.ts));
    if (!Number.isFinite(run)) throw new Error(`the trace has no run of ${script} before its start mark`);
    const previousRun = Math.max(...ofScript('v8.run', run - 1));
    const compiles = eventsOfScript('v8.compile', run).filter((event) => event.ts > previousRun);
    const scriptStart = mark.args!.data!.startTime! - (mark.ts - Math.min(run, ...compiles.map((event) => event.ts))) / 1000;
    const cpu = (list: TraceEvent[]) => list.reduce((sum, event) => sum + (event.tdur ?? 0), 0) / 1000;
    const cpuMs = cpu([...compiles, ...eventsOfScript('v8.run', run).filter((event) => event.ts === run)]);
    return { ms: shownAt - scriptStart, evaluationMs: mark.args!.data!.startTime! - scriptStart, evaluationCpuMs: cpuMs, compileCpuMs: cpu(compiles) };
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
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
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
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
