// Runs the demo's steps in order, each one writing its screenshots, and records what ran, what was skipped
// (a surface not built yet) and what failed.
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PANEL_ENGINE, trackClosedPanels } from '../../tests/e2e/closed-shadow.ts';
import { waitForOverlayPanel, type ExtensionSession } from '../../tests/e2e/harness.ts';

export interface DemoContext {
  session: ExtensionSession;
  outDir: string;
  scenario: string;
  /** Writes a PNG (full page unless `fullPage: false`) named after the step and `name`; returns its path. */
  shoot(name: string, page: Page, options?: { fullPage?: boolean }): Promise<string>;
  /** Opens url in a new tab, waits for it and for our overlay to settle, and returns the page. */
  visit(url: string): Promise<Page>;
  log(line: string): void;
}

export interface DemoStep {
  id: string;
  title: string;
  /** Why this step cannot run in this build (its surface does not exist yet), or undefined when it can. */
  unavailable?(context: DemoContext): string | undefined | Promise<string | undefined>;
  run(context: DemoContext): Promise<void>;
}

export interface StepOutcome {
  id: string;
  title: string;
  status: 'done' | 'skipped' | 'failed';
  note?: string;
  screenshots: string[];
}

/** True when the loaded build contains `file` (e.g. options.html once the options page exists). */
export function extensionHas(context: DemoContext, file: string): boolean {
  return existsSync(join(context.session.extensionDir, file));
}

/** Removes what an earlier walk wrote (numbered screenshots, audit reports, the report page's export), so no stale screen survives. */
function clearEarlierOutput(outDir: string): void {
  for (const name of readdirSync(outDir)) {
    if (/^\d\d-.*\.png$/.test(name) || /^(audit|report)-.*\.(md|json)$/.test(name)) rmSync(join(outDir, name));
  }
}

/**
 * Waits until the page's visible text, our panels' included, has not changed for ~1 s (at most 8 s): UIs fill in
 * from worker round trips, which networkidle does not see. Screenshots then show the settled state.
 */
export async function waitForTextToSettle(page: Page): Promise<void> {
  trackClosedPanels(page); // our panels' roots are closed: read through DevTools (tests/e2e/closed-shadow.ts)
  const visibleText = async () =>
    [await page.evaluate(() => document.body?.innerText ?? ''), ...(await page.locator(`${PANEL_ENGINE}=body`).allTextContents())].join('|');
  let last = await visibleText();
  let stableFor = 0;
  for (let waited = 0; waited < 8_000 && stableFor < 1_000; waited += 250) {
    await page.waitForTimeout(250);
    const now = await visibleText();
    stableFor = now === last ? stableFor + 250 : 0;
    last = now;
  }
}

export async function walkDemo(
  steps: readonly DemoStep[],
  base: Omit<DemoContext, 'shoot' | 'visit'>,
): Promise<StepOutcome[]> {
  mkdirSync(base.outDir, { recursive: true });
  clearEarlierOutput(base.outDir);
  const outcomes: StepOutcome[] = [];
  for (const [index, step] of steps.entries()) {
    const screenshots: string[] = [];
    const prefix = `${String(index + 1).padStart(2, '0')}-${step.id}`;
    const context: DemoContext = {
      ...base,
      async shoot(name, page, options = {}) {
        const path = join(base.outDir, `${prefix}${name ? `-${name}` : ''}.png`);
        await page.screenshot({ path, fullPage: options.fullPage ?? true });
        screenshots.push(path);
        return path;
      },
      async visit(url) {
        const page = await base.session.context.newPage();
        const response = await page.goto(url, { waitUntil: 'load' });
        if (response && response.status() >= 400) throw new Error(`${url} answered HTTP ${response.status()}`);
        await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
        // Not every page has a panel; where one mounts, let it finish its round trips to the worker.
        await waitForOverlayPanel(page, { timeout: 3_000 }).catch(() => undefined);
        await waitForTextToSettle(page);
        return page;
      },
    };
    const reason = await step.unavailable?.(context);
    if (reason) {
      base.log(`- ${step.title}: skipped (${reason})`);
      outcomes.push({ id: step.id, title: step.title, status: 'skipped', note: reason, screenshots });
      continue;
    }
    try {
      await step.run(context);
      base.log(`- ${step.title}: done`);
      outcomes.push({ id: step.id, title: step.title, status: 'done', screenshots });
    } catch (error) {
      const note = error instanceof Error ? error.message.split('\n')[0] : String(error);
      base.log(`- ${step.title}: FAILED (${note})`);
      outcomes.push({ id: step.id, title: step.title, status: 'failed', note, screenshots });
    }
    // Each step opens its own tabs: close them so the next screenshots start clean and memory stays flat.
    for (const page of base.session.context.pages()) await page.close().catch(() => undefined);
  }
  return outcomes;
}
