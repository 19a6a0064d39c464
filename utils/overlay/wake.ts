// When an app tab needs the overlay's bundle (React, zod, every feature). The start script (start-script.ts) draws
// the collapsed tab with the pair's counts; the bundle is injected only when the page needs more than that tab:
// - at once, on a page a feature claims: by its URL (the feature's routes, a fix link's arrival target) or by the
//   text it shows (Cin7 Core's pages without a published URL, sync errors), or while the user keeps the panel open;
// - later, when the user opens the tab (click, keyboard, the shortcut), the panel is opened in another tab, the
//   pair's status changes, the page shows another organisation, or the single-page app goes to a claimed URL or
//   shows a claimed text.
// On the pages no feature claims (lists, dashboards: most of a working day) the host pays for the start script only.
// Plain DOM and the bare extension API: no zod, no React, no polyfill. No failure reaches the page.
import { readTarget } from '../audit/links';
import type { TabIdentity } from '../protocol/shapes';
import { watchLocation, type LocationWatchContext } from './location';
import { isOwnNode } from './observe';
import { PANEL_COLLAPSED_KEY } from './panel-preference';

/** What each app's features claim, so that the start script loads the bundle where they have work. */
export interface OverlayWake {
  /** URLs a feature runs on (its routes). */
  routes: readonly ((url: URL) => boolean)[];
  /** Features that find their page by what it shows, by feature id: whether lower-case page text may be theirs. */
  texts: Readonly<Record<string, (text: string) => boolean>>;
  /**
   * Whether text the page added holds one sign of such a page: then the whole page's text is checked (a page's rows
   * may arrive in several batches, as the features' own spotters allow).
   */
  hints?: (text: string) => boolean;
}

export type WakeReason = 'user' | 'url' | 'text' | 'panel-open' | 'status' | 'identity';

/** Headers often render after the page loads: what the page shows is read again this long after start (ms). */
export const IDENTIFY_AGAIN_MS = [1500, 5000];
/** Added nodes kept for one text check; beyond this the whole body is checked instead. */
const MAX_PENDING_NODES = 300;
/** Text the page adds is checked at most this often (ms). */
const TEXT_WAIT_MS = 500;

/** A feature runs on `url`, or it carries a fix link's arrival target (every overlay highlights it). */
export function claimsUrl(wake: OverlayWake, url: URL): boolean {
  return readTarget(url.href) !== null || wake.routes.some((route) => route(url));
}

/** Lower-case page text that a feature may recognise. */
export function claimsText(wake: OverlayWake, text: string): boolean {
  return Object.values(wake.texts).some((claims) => claims(text));
}

/** The body's text, lower case. */
export function pageText(): string {
  return (document.body?.textContent ?? '').toLowerCase();
}

interface MessageSenderLike {
  id?: string;
}
interface ExtensionApiLike {
  runtime?: {
    id?: string;
    onMessage?: {
      addListener(listener: (message: unknown, sender: MessageSenderLike) => void): void;
      removeListener(listener: (message: unknown, sender: MessageSenderLike) => void): void;
    };
  };
  storage?: {
    local?: { get(key: string): Promise<Record<string, unknown>> | undefined };
    onChanged?: {
      addListener(listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
      removeListener(listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
    };
  };
}

/** The extension API without the polyfill (Chromium's `chrome`, Firefox's `browser`; both promise-based in MV3). */
function extensionApi(): ExtensionApiLike | undefined {
  const scope = globalThis as { browser?: ExtensionApiLike; chrome?: ExtensionApiLike };
  // `runtime.id`, as WXT checks: a page element named "browser" is no extension API.
  return scope.browser?.runtime?.id ? scope.browser : scope.chrome;
}

/** Whether the user left the panel open (the preference every app tab shares; utils/overlay/preferences.ts). */
export async function panelKeptOpen(): Promise<boolean> {
  try {
    const stored = await extensionApi()?.storage?.local?.get(PANEL_COLLAPSED_KEY);
    return stored?.[PANEL_COLLAPSED_KEY] === false;
  } catch {
    return false;
  }
}

/**
 * Calls `onEvent` with 'user' when the background relays the panel shortcut and 'status' when the pair's status
 * changed, from the tab's start until `signal` aborts (the bundle's own listeners take over then).
 */
export function listenToBackground(onEvent: (reason: 'user' | 'status') => void, signal: AbortSignal): void {
  const api = extensionApi();
  const onMessage = api?.runtime?.onMessage;
  if (!onMessage) return;
  const listener = (message: unknown, sender: MessageSenderLike) => {
    if (sender?.id !== api.runtime?.id || typeof message !== 'object' || message === null) return;
    const event = (message as { mgEvent?: unknown }).mgEvent;
    if (event === 'togglePanel') onEvent('user');
    else if (event === 'statusChanged') onEvent('status');
  };
  onMessage.addListener(listener);
  signal.addEventListener('abort', () => onMessage.removeListener(listener), { once: true });
}

export interface WakeWatchOptions {
  wake: OverlayWake;
  /** What the tab's first message said the page shows. */
  identity: TabIdentity;
  read: () => TabIdentity;
  ctx: LocationWatchContext;
  onWake(reason: WakeReason): void;
  signal: AbortSignal;
}

/** Watches, until `signal` aborts, for what makes a page idle so far need the bundle (see the top of this file). */
export function watchForWake(options: WakeWatchOptions): void {
  const { wake, ctx, onWake, signal } = options;
  if (signal.aborted) return;
  const first = JSON.stringify(options.identity);
  const identityChanged = () => {
    try {
      return JSON.stringify(options.read()) !== first;
    } catch {
      return false;
    }
  };
  const timers = IDENTIFY_AGAIN_MS.map((delay) => setTimeout(() => identityChanged() && onWake('identity'), delay));

  watchLocation(ctx, (url) => {
    if (signal.aborted) return;
    if (claimsUrl(wake, url)) onWake('url');
    else if (identityChanged()) onWake('identity');
  });

  const api = extensionApi();
  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[PANEL_COLLAPSED_KEY]?.newValue === false) onWake('panel-open');
  };
  api?.storage?.onChanged?.addListener(onStorage);

  let pending: Node[] = [];
  let wholeBody = false;
  let textTimer: ReturnType<typeof setTimeout> | undefined;
  const checkText = () => {
    textTimer = undefined;
    let text = wholeBody ? pageText() : pending.map((node) => node.textContent ?? '').join('\n').toLowerCase();
    const checkedBody = wholeBody;
    pending = [];
    wholeBody = false;
    if (!text) return;
    if (!checkedBody && !claimsText(wake, text) && wake.hints?.(text)) text = pageText();
    if (claimsText(wake, text)) onWake('text');
  };
  const mutations = new MutationObserver((records) => {
    for (const record of records) {
      if (isOwnNode(record.target)) continue;
      // Text edited in place counts as added; own nodes (the tab, badges) are never the page's.
      const added = record.type === 'characterData' ? [record.target] : record.addedNodes;
      for (const node of added) {
        if (wholeBody || isOwnNode(node)) continue;
        if (pending.length >= MAX_PENDING_NODES) wholeBody = true;
        else pending.push(node);
      }
    }
    if ((pending.length > 0 || wholeBody) && textTimer === undefined) textTimer = setTimeout(checkText, TEXT_WAIT_MS);
  });
  if (document.body && Object.keys(wake.texts).length > 0) mutations.observe(document.body, { childList: true, subtree: true, characterData: true });

  signal.addEventListener(
    'abort',
    () => {
      for (const timer of timers) clearTimeout(timer);
      if (textTimer !== undefined) clearTimeout(textTimer);
      mutations.disconnect();
      api?.storage?.onChanged?.removeListener(onStorage);
    },
    { once: true },
  );
}
