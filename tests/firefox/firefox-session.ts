// Firefox smoke harness: the PRODUCTION Firefox build (.output/firefox-mv3, snapshotted by the globalSetup) as a
// temporary add-on in real Firefox ESR, driven over WebDriver BiDi by puppeteer-core. Firefox has no host-resolver
// rules: its proxy prefs send every connection to connect-proxy.ts, which tunnels the sandbox's real hostnames to
// the sandbox and refuses the rest. Nothing here changes the extension.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { Browser as WebExtensionApi } from 'webextension-polyfill';
import { z } from 'zod';
import { extensionDirOf } from '../../scripts/lib/build-extension.ts';
import { findFirefox } from '../../scripts/find-firefox.ts';
import { startSandbox, type Sandbox } from '../../sandbox/index.ts';
import { startConnectProxy, type ConnectProxy } from './connect-proxy.ts';
import { BrowserOutput } from './browser-output.ts';

/** Set by the Firefox globalSetup: the snapshot of .output/firefox-mv3 this run loads. */
export const FIREFOX_BUILD_ENV = 'MAPPING_GUARD_FIREFOX_BUILD';

export interface FirefoxSession {
  browser: Browser;
  sandbox: Sandbox;
  proxy: ConnectProxy;
  /** The add-on id from the built manifest (browser_specific_settings.gecko.id). */
  geckoId: string;
  /** The moz-extension host, fixed through `extensions.webextensions.uuids` so pages have known URLs. */
  uuid: string;
  /** Firefox's stdout and stderr, line by line (extension errors and console calls land here: browser-output.ts). */
  output: BrowserOutput;
  /** Opens `moz-extension://<uuid>/<path>` in a new tab and waits for its load event. */
  openExtensionPage(path: string): Promise<Page>;
  /** Opens a web page in a new tab and waits for its load event. */
  openPage(url: string): Promise<Page>;
  /** Sends a runtime message from a blank extension page (counts as an extension sender) and returns the reply. */
  sendFromExtensionPage(message: unknown): Promise<unknown>;
  /** Runs `work` with the extension's `browser` in a blank extension page (no user gesture) and returns its result. */
  inExtensionPage<A, R>(work: (api: WebExtensionApi, arg: A) => Promise<R>, arg: A): Promise<R>;
  /** Sends a raw WebDriver BiDi command (puppeteer's own connection). */
  bidi<T>(method: string, params: object): Promise<T>;
  close(): Promise<void>;
}

const manifestSchema = z.object({ browser_specific_settings: z.object({ gecko: z.object({ id: z.string().min(1) }) }) });

// Firefox's own traffic off (the machine may have no internet; the proxy refuses what is left anyway). puppeteer and
// Firefox's Remote Agent already turn off updates, telemetry upload, safe browsing and most start-up requests.
const QUIET_PREFS = {
  'app.normandy.enabled': false,
  'browser.newtabpage.activity-stream.feeds.topsites': false,
  'browser.newtabpage.activity-stream.showSponsoredTopSites': false,
  'browser.topsites.contile.enabled': false,
  'extensions.blocklist.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'services.settings.poll_interval': 86_400,
  'toolkit.telemetry.enabled': false,
  'browser.ping-centre.telemetry': false,
  // Firefox's built-in web-compat add-on logs its own console.warn at start; console lines carry no source
  // (browser-output.ts), and the sandbox's pages need none of its interventions.
  'extensions.webcompat.perform_injections': false,
  'extensions.webcompat.perform_ua_overrides': false,
  'extensions.webcompat.enable_shims': false,
};

function proxyPrefs(port: number) {
  return {
    'network.proxy.type': 1, // manual
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': port,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': port,
    'network.proxy.allow_hijacking_localhost': true,
    'network.proxy.no_proxies_on': '',
    'network.proxy.share_proxy_settings': false,
  };
}

/**
 * Firefox grants an extension's `permissions.request` (optional permissions and host permissions alike: its
 * ext-permissions.js skips only the prompt) without showing its prompt, which a headless test cannot answer. The
 * request still needs a real user gesture. Only the launches that click "Grant access" or turn notifications on pass it.
 */
export const GRANT_PERMISSION_REQUESTS = { 'extensions.webextOptionalPermissionPrompts': false } as const;

/** The BiDi browsing-context id of a puppeteer page (`Frame._id`: puppeteer-internal, not in its typings). */
export function contextIdOf(page: Page): string {
  const id = (page.mainFrame() as unknown as { _id?: unknown })._id;
  if (typeof id !== 'string') throw new Error('puppeteer page without a BiDi browsing-context id');
  return id;
}

export async function launchFirefox(options: { extensionDir?: string; prefs?: Record<string, string | number | boolean> } = {}): Promise<FirefoxSession> {
  const executablePath = findFirefox();
  const extensionDir = options.extensionDir ?? process.env[FIREFOX_BUILD_ENV] ?? extensionDirOf('firefox');
  const geckoId = manifestSchema.parse(JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')))
    .browser_specific_settings.gecko.id;
  const uuid = randomUUID();
  const sandbox = await startSandbox({ scenario: 'broken', port: 0 });
  const proxy = await startConnectProxy(sandbox.hosts, sandbox.port);
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      protocol: 'webDriverBiDi',
      headless: true,
      acceptInsecureCerts: true, // the sandbox's self-signed certificate (extension fetches included)
      // Lets the Remote Agent's recommended prefs point remote settings at a dummy server (release builds ignore that
      // override without it): no polling of firefox.settings.services.mozilla.com.
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      extraPrefsFirefox: {
        ...QUIET_PREFS,
        ...proxyPrefs(proxy.port),
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
        // Console calls of web pages and extension pages (background included) on stdout; Firefox's own stay off.
        'devtools.console.stdout.content': true,
        'devtools.console.stdout.chrome': false,
        ...options.prefs,
      },
    });
  } catch (error) {
    await proxy.close();
    await sandbox.close();
    throw error;
  }
  const output = new BrowserOutput(browser.process());
  // puppeteer's BiDi browser exposes its connection (not in the Browser typings): raw BiDi for what it has no API for.
  const connection = (browser as unknown as { connection: { send(method: string, params: object): Promise<{ result: unknown }> } }).connection;
  const bidi = async <T>(method: string, params: object) => (await connection.send(method, params)).result as T;

  let probe: Promise<Page> | undefined;
  const session: FirefoxSession = {
    browser,
    sandbox,
    proxy,
    geckoId,
    uuid,
    output,
    bidi,
    async openExtensionPage(path) {
      const page = await browser.newPage();
      // page.goto never sees moz-extension loads finish over BiDi (Firefox 140): navigate with BiDi's own wait.
      await bidi('browsingContext.navigate', { context: contextIdOf(page), url: `moz-extension://${uuid}/${path}`, wait: 'complete' });
      return page;
    },
    async openPage(url) {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    sendFromExtensionPage: (message) => session.inExtensionPage((api, msg) => api.runtime.sendMessage(msg), message),
    async inExtensionPage<A, R>(work: (api: WebExtensionApi, arg: A) => Promise<R>, arg: A) {
      // One blank extension page, kept open: once Firefox shows a notification (its own alert window, the most recent
      // window), BiDi cannot open tabs until that window closes, and an open page is quicker anyway.
      // The function's source, called in the page with the page's own `browser` (an expression: BiDi evaluates it
      // outside the page's CSP, as puppeteer does with a function). `arg` travels as JSON.
      const page = await (probe ??= session.openExtensionPage('manifest.json'));
      return (await page.evaluate(`(${work.toString()})(globalThis.browser, ${JSON.stringify(arg) ?? 'undefined'})`)) as R;
    },
    async close() {
      await browser.close().catch(() => undefined);
      await proxy.close();
      await sandbox.close();
    },
  };
  try {
    const installed = await browser.installExtension(extensionDir);
    if (installed !== geckoId) throw new Error(`Firefox installed "${installed}", expected the manifest's "${geckoId}"`);
  } catch (error) {
    await session.close();
    throw error;
  }
  return session;
}

/** What an extension page's global offers (the WebExtension API, as `browser`). */
export interface ExtensionGlobal {
  browser: WebExtensionApi;
}
