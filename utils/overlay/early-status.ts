// The tab's first message, sent by the app's small start script (start-script.ts) before the overlay's bundle is
// even loaded, and handed to that bundle when it starts (start-overlay.ts). Identification and status travel in one
// action (`identifyTabWithStatus`). Nothing heavy here (no zod, no polyfill): the overlay checks the reply with the
// action's zod schemas before anything of its own reads it. No failure reaches the page.
import type { TabIdentity } from '../protocol/shapes';

export interface EarlyStart {
  /** What the page showed when the message left (start-overlay does not send it again). */
  identity: TabIdentity;
  /** The background's raw reply (unchecked). */
  reply: Promise<unknown>;
  /** The counts the start script drew from the reply (start-script.ts), until the overlay's panel replaces them. */
  frame?: StartFrame;
  /**
   * The bundle was loaded after the page had been idle (wake.ts): the reply may be old, so the overlay asks for the
   * status again (the tab's identification still stands).
   */
  late?: boolean;
  /** The user asked for the panel (the tab's button, the shortcut) before the bundle was loaded: it opens. */
  openPanel?: boolean;
}

/** The collapsed tab the start script drew. */
export interface StartFrame {
  remove(): void;
  /** Until the bundle is needed: a working button (`onOpen`), placed again as the panel's tab would be. */
  standIn?(onOpen: () => void, signal: AbortSignal): void;
  /** Whether its button has focus. */
  hasFocus?(): boolean;
}

interface RuntimeLike {
  id?: string;
  sendMessage?: (message: unknown) => Promise<unknown> | undefined;
}

/** The extension runtime, promise-based in MV3 (Chromium's `chrome`, Firefox's `browser`), without the polyfill. */
export function runtimeOf(): RuntimeLike | undefined {
  const scope = globalThis as { browser?: { runtime?: RuntimeLike }; chrome?: { runtime?: RuntimeLike } };
  // `runtime.id`, as WXT checks: a page element named "browser" is no extension API.
  return scope.browser?.runtime?.id ? scope.browser.runtime : scope.chrome?.runtime;
}

/**
 * The start script and the overlay's bundle are separate scripts in the same isolated world (the extension's own,
 * never the page's): the first message and frame pass from one to the other through this slot, taken once.
 */
const EARLY_SLOT = Symbol.for('mapping-guard.early-start');

export function publishEarlyStart(early: EarlyStart): void {
  (globalThis as Record<symbol, unknown>)[EARLY_SLOT] = early;
}

/** The start script's first message and frame, once (undefined when the bundle was injected without it). */
export function takeEarlyStart(): EarlyStart | undefined {
  const scope = globalThis as Record<symbol, EarlyStart | undefined>;
  const early = scope[EARLY_SLOT];
  delete scope[EARLY_SLOT];
  return early;
}

/** Sends `identifyTabWithStatus` with what `read` finds on the page; undefined where the runtime is missing. */
export function sendEarlyStatus(read: () => TabIdentity): EarlyStart | undefined {
  try {
    const runtime = runtimeOf();
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
