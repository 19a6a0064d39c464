// What the two overlay bench sections share: the content script's size, a plain Chromium with the same host mapping
// but no extension (the "without" side), and the extension scripts' own CPU from a profile. (Connecting both apps is
// the e2e harness's connectBothApps.)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { round } from '../../scripts/lib/bench/stats';
import { EXTENSION_DIR } from '../../scripts/lib/build-extension';
import { findChromium } from '../../scripts/find-chromium';
import type { Sandbox } from '../../sandbox/index';

/** The content script's JS + CSS in the production build, raw and gzipped. */
export function contentScriptSize(name: 'cin7' | 'xero'): { rawKB: number; gzipKB: number } {
  const files = [`content-scripts/${name}.js`, `content-scripts/${name}.css`].map((file) => readFileSync(join(EXTENSION_DIR, file)));
  const raw = files.reduce((sum, file) => sum + file.length, 0);
  const gzip = files.reduce((sum, file) => sum + gzipSync(file, { level: 9 }).length, 0);
  return { rawKB: round(raw / 1024, 1), gzipKB: round(gzip / 1024, 1) };
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
