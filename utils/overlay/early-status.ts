// The tab's first message, sent while the browser is still evaluating the rest of the content script: each overlay
// entry imports its `early.ts` (which imports this) before anything else, so this runs before zod's schemas and
// React DOM are built, and the worker reads the status in the meantime. Identification and status travel in one
// action (`identifyTabWithStatus`). Nothing heavy here (no zod, no polyfill): main() checks the reply with the
// action's zod schemas (start-overlay.ts) before anything reads it. No failure reaches the page.
import type { TabIdentity } from '../protocol/shapes';

export interface EarlyStart {
  /** What the page showed when the message left (start-overlay does not send it again). */
  identity: TabIdentity;
  /** The background's raw reply (unchecked). */
  reply: Promise<unknown>;
}

interface RuntimeLike {
  sendMessage?: (message: unknown) => Promise<unknown> | undefined;
}

/** Sends `identifyTabWithStatus` with what `read` finds on the page; undefined where the runtime is missing. */
export function sendEarlyStatus(read: () => TabIdentity): EarlyStart | undefined {
  try {
    const scope = globalThis as { browser?: { runtime?: RuntimeLike }; chrome?: { runtime?: RuntimeLike } };
    // Both promise-based in MV3 (Chromium's `chrome`, Firefox's `browser`).
    const runtime = scope.browser?.runtime ?? scope.chrome?.runtime;
    if (typeof runtime?.sendMessage !== 'function') return undefined;
    let identity: TabIdentity = {};
    try {
      identity = read();
    } catch {
      // An unreadable page is "cannot tell", as for every later identification.
    }
    const reply = Promise.resolve(runtime.sendMessage({ mgAction: 'identifyTabWithStatus', args: identity }));
    reply.catch(() => undefined); // read (and reported) by start-overlay; never an unhandled rejection on the page
    return { identity, reply };
  } catch {
    return undefined;
  }
}

/**
 * WXT's content-script context announces itself with `window.postMessage` while the bundle's top-level function is
 * still on the stack. Chromium records the caller's source location for every postMessage, and for that V8 compiles
 * the source positions of each function on the stack: here the bundle's whole top level, about 30 ms of CPU per page
 * (a CDP trace: `DOMWindow::DoPostMessage`). This sends the calls made in the bundle's first task one task later,
 * from a short stack, instead. Only this content script's world is touched: the page's `window` is its own object.
 * Chromium only: in Firefox a content script's `window` is an Xray wrapper whose `postMessage` is read-only (it threw
 * "postMessage is read-only" there), and Firefox does not record the caller's location.
 */
export function deferStartPostMessages(): void {
  try {
    const original = window.postMessage;
    const deferred: typeof window.postMessage = (...args: Parameters<typeof window.postMessage>) => {
      setTimeout(() => original.apply(window, args as Parameters<typeof original>), 0);
    };
    window.postMessage = deferred;
    setTimeout(() => {
      try {
        if (window.postMessage === deferred) window.postMessage = original;
      } catch {
        // Nothing to restore where the property could not be replaced.
      }
    }, 0);
  } catch {
    // Left as it is: only slower.
  }
}
