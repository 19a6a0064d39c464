// End-to-end harness: the PRODUCTION build (.output/chrome-mv3, made by the vitest globalSetup or the demo) in
// real Chromium, talking to the sandbox on the real hostnames. Nothing here changes the extension.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { copyExtensionBuild, E2E_BUILD_ENV, EXTENSION_DIR } from '../../scripts/lib/build-extension.ts';
import { findChromium } from '../../scripts/find-chromium.ts';
import { startSandbox, type Sandbox, type ScenarioName } from '../../sandbox/index.ts';
import { PANEL_ENGINE, panelLocator, registerPanelEngine, trackClosedPanels } from './closed-shadow.ts';
import { connectXeroInOptions, saveCin7KeysInOptions, type ConnectXeroOptions } from './connect-apps.ts';
import { baseChromiumArgs, callWithExtensionApi, extensionIdOf, waitForExtensionWorker, type ExtensionApi } from './extension-worker.ts';

export interface LaunchOptions {
  /** Sandbox scenario when the harness starts its own sandbox (default `broken`). */
  scenario?: ScenarioName;
  /** A sandbox the caller started (and will close); the harness then leaves it running on close(). */
  sandbox?: Sandbox;
  headless?: boolean;
  /** Where screenshot(name) writes; default .output/e2e-screenshots (git-ignored). */
  screenshotDir?: string;
  viewport?: { width: number; height: number };
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  /** The loaded copy of .output/chrome-mv3 (check which surfaces this build has). */
  extensionDir: string;
  /** The extension's service worker as it is now (MV3 may restart it; see evalInServiceWorker). */
  serviceWorker: Worker;
  sandbox: Sandbox;
  /** Opens a new tab at url and waits for its load event. */
  page(url: string): Promise<Page>;
  openPopup(): Promise<Page>;
  openOptions(): Promise<Page>;
  /**
   * Runs fn inside the service worker with the extension API as its first parameter (fn is sent as source text:
   * it cannot close over test variables; pass JSON data as `arg`).
   */
  evalInServiceWorker<R, A = null>(fn: (ext: ExtensionApi, arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Sends a raw runtime message from an extension page (as the popup/options do) and returns the reply. */
  sendFromExtensionPage(message: unknown): Promise<unknown>;
  /** Options page → Connect Xero → sandbox consent page → choose organisation → Allow. Returns the options page. */
  connectXero(options?: ConnectXeroOptions): Promise<Page>;
  /** Options page → Cin7 Core account id + application key from the sandbox → Save. Returns the options page. */
  saveCin7Keys(): Promise<Page>;
  /** PNG of `page` (default: the page opened last); returns its path. */
  screenshot(name: string, page?: Page): Promise<string>;
  close(): Promise<void>;
}

export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const executablePath = findChromium();
  await registerPanelEngine();
  const userDataDir = mkdtempSync(join(tmpdir(), 'mapping-guard-e2e-'));
  let extensionDir: string;
  try {
    // The build this run checked (globalSetup snapshots it), else the current one; always loaded from a copy.
    extensionDir = copyExtensionBuild(join(userDataDir, 'extension'), process.env[E2E_BUILD_ENV] ?? EXTENSION_DIR);
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
  const ownsSandbox = options.sandbox === undefined;
  const sandbox = options.sandbox ?? (await startSandbox({ scenario: options.scenario ?? 'broken', port: 0 }));
  const screenshotDir = resolve(options.screenshotDir ?? '.output/e2e-screenshots');

  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: options.headless ?? true,
      args: [...baseChromiumArgs(extensionDir), ...sandbox.chromiumArgs],
      viewport: options.viewport ?? { width: 1280, height: 860 },
      ignoreHTTPSErrors: true,
    });
  } catch (error) {
    if (ownsSandbox) await sandbox.close();
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }

  let worker: Worker;
  try {
    worker = await waitForExtensionWorker(context);
  } catch (error) {
    await context.close();
    if (ownsSandbox) await sandbox.close();
    rmSync(userDataDir, { recursive: true, force: true });
    throw new Error(`The extension's service worker did not start (is ${EXTENSION_DIR} a valid build?)`, {
      cause: error,
    });
  }
  const extensionId = extensionIdOf(worker) as string;
  let lastPage: Page | undefined;

  const session: ExtensionSession = {
    context,
    extensionId,
    extensionDir,
    get serviceWorker() {
      return context.serviceWorkers().find((w) => extensionIdOf(w) === extensionId) ?? worker;
    },
    sandbox,

    async page(url) {
      const page = await context.newPage();
      lastPage = page;
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    openPopup() {
      return session.page(`chrome-extension://${extensionId}/popup.html`);
    },
    openOptions() {
      return session.page(`chrome-extension://${extensionId}/options.html`);
    },

    async evalInServiceWorker(fn, arg) {
      // A stopped MV3 worker leaves a dead handle: wait for the live one (starting it by opening an extension page
      // is the caller's business; Playwright's attachment normally keeps it alive).
      const live = await waitForExtensionWorker(context, extensionId);
      return (await live.evaluate(callWithExtensionApi(fn, arg))) as never;
    },

    async sendFromExtensionPage(message) {
      // A blank extension page: it runs none of the popup's own code, and counts as an extension sender.
      const page = await context.newPage();
      try {
        await page.goto(`chrome-extension://${extensionId}/manifest.json`);
        const send = (ext: ExtensionApi, msg: unknown) => ext.runtime.sendMessage(msg);
        return await page.evaluate(callWithExtensionApi(send, message));
      } finally {
        await page.close();
      }
    },

    async connectXero(connectOptions) {
      lastPage = await connectXeroInOptions(session, connectOptions);
      return lastPage;
    },

    async saveCin7Keys() {
      lastPage = await saveCin7KeysInOptions(session);
      return lastPage;
    },

    async screenshot(name, page) {
      const target = page ?? lastPage;
      if (!target) throw new Error('screenshot(): no page opened yet');
      mkdirSync(screenshotDir, { recursive: true });
      const path = join(screenshotDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
      await target.screenshot({ path, fullPage: true });
      return path;
    },

    async close() {
      await context.close().catch(() => undefined);
      if (ownsSandbox) await sandbox.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return session;
}

export { panelLocator } from './closed-shadow.ts';

/**
 * Waits until our panel's tab works on `page`: the React panel's, or the start script's where it stands in for the
 * panel because the overlay's bundle is not loaded (utils/overlay/wake.ts; a click on it loads the bundle). Not the
 * start script's tab while the bundle loads: its button is disabled then, and the panel that replaces it may open
 * (the user keeps it open). The shadow roots are closed: they are found through CDP (closed-shadow.ts), as
 * `panelLocator(page)` does. Throws on timeout.
 */
export async function waitForOverlayPanel(page: Page, options: { timeout?: number } = {}): Promise<void> {
  trackClosedPanels(page);
  await page
    .locator(`${PANEL_ENGINE}=.mg-toggle:not([disabled])`)
    .filter({ hasText: /\S/ })
    .first()
    .waitFor({ state: 'attached', timeout: options.timeout ?? 20_000 });
}

/** Waits until the overlay's React panel (not the start script's tab) is on `page`. */
export async function waitForOverlayBundle(page: Page, options: { timeout?: number } = {}): Promise<void> {
  trackClosedPanels(page);
  await page
    .locator(`${PANEL_ENGINE}=body`)
    .filter({ hasText: /\S/ })
    .first()
    .waitFor({ state: 'attached', timeout: options.timeout ?? 20_000 }); // the root's <body> has no box of its own
}

/** Opens the panel on `page` as a user would (a click on its tab, which loads the bundle where it was not), and waits for it. */
export async function openOverlayPanel(page: Page, options: { timeout?: number } = {}): Promise<void> {
  await waitForOverlayPanel(page, options);
  const toggle = panelLocator(page).locator('.mg-toggle').first();
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await panelLocator(page).locator('.mg-toggle[aria-expanded="true"]').first().waitFor({ state: 'attached', timeout: options.timeout ?? 20_000 });
}

/** Opens `url` in a new tab of the session, collects the page's uncaught errors into `pageErrors`, waits for our panel. */
export async function openWithPanel(session: ExtensionSession, url: string, pageErrors: string[]): Promise<Page> {
  const page = await session.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${url}: ${error.message}`));
  await page.goto(url, { waitUntil: 'load' });
  await waitForOverlayPanel(page);
  return page;
}
