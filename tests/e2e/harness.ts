// End-to-end harness: the PRODUCTION build (.output/chrome-mv3, made by the vitest globalSetup or the demo) in
// real Chromium, talking to the sandbox on the real hostnames. Nothing here changes the extension.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page, type Worker } from 'playwright-core';
import type { Browser } from 'wxt/browser';
import { copyExtensionBuild, E2E_BUILD_ENV, EXTENSION_DIR } from '../../scripts/lib/build-extension.ts';
import { findChromium } from '../../scripts/find-chromium.ts';
import { startSandbox, type Sandbox, type ScenarioName } from '../../sandbox/index.ts';

/** Flags checked in design/TOOLING.md: extension side-loading, and no traffic to the (closed) internet. */
export function baseChromiumArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

/** The `chrome.*` API as seen inside the extension (service worker or extension page). */
export type ExtensionApi = typeof Browser;

/**
 * Source text that calls `fn(chrome, arg)` where it is evaluated. Playwright evaluates strings over CDP, which the
 * extension's CSP does not restrict; `arg` must be JSON.
 */
function callWithExtensionApi(fn: (...args: never[]) => unknown, arg: unknown): string {
  return `(${fn.toString()})(globalThis.chrome, ${JSON.stringify(arg ?? null)})`;
}

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

export interface ConnectXeroOptions {
  /** Organisation to choose on the consent page (default: the first). */
  organisation?: string;
  /** Called with the consent page once the organisation is chosen, before Allow (e.g. to screenshot it). */
  onConsentPage?: (consent: Page) => Promise<void>;
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

const EXTENSION_WORKER_TIMEOUT_MS = 20_000;

function extensionIdOf(worker: Worker): string | undefined {
  const url = new URL(worker.url());
  return url.protocol === 'chrome-extension:' ? url.host : undefined;
}

async function waitForExtensionWorker(context: BrowserContext, extensionId?: string): Promise<Worker> {
  const matches = (worker: Worker) => {
    const id = extensionIdOf(worker);
    return id !== undefined && (extensionId === undefined || id === extensionId);
  };
  const existing = context.serviceWorkers().find(matches);
  if (existing) return existing;
  return context.waitForEvent('serviceworker', { predicate: matches, timeout: EXTENSION_WORKER_TIMEOUT_MS });
}

export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const executablePath = findChromium();
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

    async connectXero(connectOptions = {}) {
      const options = await session.openOptions();
      const state = options.getByTestId('xero-state');
      await state.waitFor();
      if ((await state.textContent())?.trim() === 'Connected') return options;
      // The production build has no client id of its own: the user enters their Xero app's (here the sandbox's).
      const clientIdField = options.getByLabel(/xero app client id/i);
      if ((await clientIdField.inputValue()) !== sandbox.xeroClientId) {
        await clientIdField.fill(sandbox.xeroClientId);
        await options.getByRole('button', { name: /use this client id/i }).click();
        await options.getByTestId('xero-message').filter({ hasText: /client id saved/i }).waitFor({ timeout: 15_000 });
      }
      const consentPagePromise = context.waitForEvent('page', {
        predicate: (page) => page.url().includes('login.xero.com') || page.url() === 'about:blank',
        timeout: 15_000,
      });
      await options.getByRole('button', { name: /^(re)?connect xero$/i }).click();
      const consent = await consentPagePromise;
      await consent.waitForURL(/login\.xero\.com/, { timeout: 15_000 });
      await consent.waitForLoadState('load');
      await chooseOrganisation(consent, connectOptions.organisation);
      await connectOptions.onConsentPage?.(consent);
      await consent.getByRole('button', { name: /^allow/i }).or(consent.getByRole('link', { name: /^allow/i })).first().click();
      // launchWebAuthFlow closes the window on the redirect to chromiumapp.org; the worker then fetches the token.
      await expectText(state, /^Connected$/, 30_000, () => options.getByTestId('xero-message').textContent());
      lastPage = options;
      return options;
    },

    async saveCin7Keys() {
      const options = await session.openOptions();
      const { accountId, applicationKey } = sandbox.cin7Credentials;
      await options.getByLabel(/^account id$/i).fill(accountId);
      await options.getByLabel(/^application key$/i).fill(applicationKey);
      await options.getByRole('button', { name: /save cin7 keys/i }).click();
      const message = options.getByTestId('cin7-message');
      await expectText(message, /cin7 core connected/i, 30_000, () => message.textContent());
      lastPage = options;
      return options;
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

/**
 * Waits until one of our shadow-root panels shows content on `page`. The overlay marks its hosts `data-mg-own`
 * (utils/overlay/observe.ts); WXT names them after the UI. Throws on timeout.
 */
/**
 * Connects Xero through the sandbox's consent page and saves the sandbox's Cin7 Core keys, all through the worker's
 * extension-page actions (what the options page does). Throws when the worker refuses a step.
 */
export async function connectBothApps(session: ExtensionSession): Promise<void> {
  const { sandbox } = session;
  const expectOk = (step: string, reply: unknown) => {
    if (!(reply && typeof reply === 'object' && (reply as { ok?: unknown }).ok === true)) {
      throw new Error(`${step} failed: ${JSON.stringify(reply).slice(0, 300)}`);
    }
  };
  expectOk('setXeroClientId', await session.sendFromExtensionPage({ mgAction: 'setXeroClientId', args: { clientId: sandbox.xeroClientId } }));
  const connecting = session.sendFromExtensionPage({ mgAction: 'connectXero' });
  // The sender's own blank extension page opens first: wait for the tab that reaches the consent page.
  let consent: Page | undefined;
  for (const deadline = Date.now() + 20_000; !consent && Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200))) {
    consent = session.context.pages().find((page) => page.url().includes('login.xero.com'));
  }
  if (!consent) throw new Error('the Xero consent page never opened');
  await consent.waitForLoadState('load');
  await consent.getByRole('button', { name: /^allow/i }).or(consent.getByRole('link', { name: /^allow/i })).first().click();
  expectOk('connectXero', await connecting);
  expectOk('saveCin7Credentials', await session.sendFromExtensionPage({ mgAction: 'saveCin7Credentials', args: sandbox.cin7Credentials }));
}

export async function waitForOverlayPanel(page: Page, options: { timeout?: number } = {}): Promise<void> {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('*')].some(
        (element) =>
          (element.hasAttribute('data-mg-own') || element.tagName.toLowerCase().startsWith('mapping-guard')) &&
          (element.shadowRoot?.textContent ?? '').trim().length > 0,
      ),
    undefined,
    { timeout: options.timeout ?? 20_000 },
  );
}

/** Waits until `locator`'s text matches; on timeout, the error carries what the page said instead. */
async function expectText(
  locator: Locator,
  pattern: RegExp,
  timeout: number,
  explain: () => Promise<string | null>,
): Promise<void> {
  try {
    await locator.filter({ hasText: pattern }).waitFor({ timeout });
  } catch (error) {
    const said = await explain().catch(() => null);
    throw new Error(`Expected ${pattern} on the options page; it says: ${said ?? '(nothing)'}`, { cause: error });
  }
}

/** Picks the organisation on the sandbox's consent page: a <select>, radio buttons or a list of links/buttons. */
async function chooseOrganisation(consent: Page, organisation?: string): Promise<void> {
  const select = consent.locator('select');
  if ((await select.count()) > 0) {
    if (organisation) await select.first().selectOption({ label: organisation });
    return; // the first organisation is preselected
  }
  const radios = consent.getByRole('radio');
  if ((await radios.count()) > 0) {
    const radio = organisation ? consent.getByRole('radio', { name: organisation }) : radios.first();
    await radio.check();
  }
}
