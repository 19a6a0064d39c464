// The extension inside Chromium: the flags that side-load it, and its service worker (id, the live handle, and
// evaluating code with the extension API there or on an extension page).
import type { BrowserContext, Worker } from 'playwright-core';
import type { Browser } from 'wxt/browser';

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
    // Profiling only: V8 flags for every isolate (MG_JS_FLAGS=--trace-gc shows the worker's collections).
    ...(process.env.MG_JS_FLAGS ? [`--js-flags=${process.env.MG_JS_FLAGS}`] : []),
  ];
}

/** The `chrome.*` API as seen inside the extension (service worker or extension page). */
export type ExtensionApi = typeof Browser;

/**
 * Source text that calls `fn(chrome, arg)` where it is evaluated. Playwright evaluates strings over CDP, which the
 * extension's CSP does not restrict; `arg` must be JSON.
 */
export function callWithExtensionApi(fn: (...args: never[]) => unknown, arg: unknown): string {
  return `(${fn.toString()})(globalThis.chrome, ${JSON.stringify(arg ?? null)})`;
}

const EXTENSION_WORKER_TIMEOUT_MS = 20_000;

export function extensionIdOf(worker: Worker): string | undefined {
  const url = new URL(worker.url());
  return url.protocol === 'chrome-extension:' ? url.host : undefined;
}

export async function waitForExtensionWorker(context: BrowserContext, extensionId?: string): Promise<Worker> {
  const matches = (worker: Worker) => {
    const id = extensionIdOf(worker);
    return id !== undefined && (extensionId === undefined || id === extensionId);
  };
  const existing = context.serviceWorkers().find(matches);
  if (existing) return existing;
  return context.waitForEvent('serviceworker', { predicate: matches, timeout: EXTENSION_WORKER_TIMEOUT_MS });
}
