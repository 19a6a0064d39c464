// What each app's start script does (entrypoints/<app>-start.content.ts), the only script the manifest injects into
// the apps' pages. It is small, so it runs at once: it sends the tab's first message (identification and status in
// one round trip) and draws the panel's counts from the reply in plain DOM. Once they are painted, the overlay's own
// bundle (action `loadOverlay`), which adopts that first message and frame (early-status.ts), is asked for when the
// page needs it (wake.ts): at once on a page a feature claims, otherwise when something calls for it, the tab
// standing in for the panel until then. The bundle's compile and start-up, the larger part of a page's cost for us,
// never delay the counts, and pages no feature claims never pay for them. Nothing here may import React or zod's
// full build; no failure reaches the page.
import type { AppId } from '../apps';
import { readPanelCounts, type PanelCounts } from '../protocol/panel-counts';
import type { TabIdentity } from '../protocol/shapes';
import { afterPaint } from './after-paint';
import { publishEarlyStart, runtimeOf, sendEarlyStatus, type EarlyStart, type StartFrame } from './early-status';
import type { LocationWatchContext } from './location';
import { claimsText, claimsUrl, listenToBackground, pageText, panelKeptOpen, watchForWake, type OverlayWake, type WakeReason } from './wake';

/** Trace marks for the bench (tests/bench/overlay-lib.ts): the counts are in the DOM; the first message has left. */
export const COUNTS_MARK: Record<AppId, string> = { cin7: 'mapping-guard:cin7:counts', xero: 'mapping-guard:xero:counts' };
export const SENT_MARK: Record<AppId, string> = { cin7: 'mapping-guard:cin7:sent', xero: 'mapping-guard:xero:sent' };

/** Past this, the overlay is asked for even if no frame was painted (a tab in the background paints none). */
const PAINT_WAIT_MS = 200;

/** Draws the counts (components/panel/start-frame.ts, passed in by the entry: utils/ never imports components/). */
export type DrawCounts = (counts: PanelCounts) => StartFrame | undefined;

export interface StartScriptOptions {
  /** What the app's features claim; without it the bundle is loaded on every page. */
  wake?: OverlayWake;
  /** The content script's context: navigation, and its end (the extension was updated or reloaded). */
  ctx?: LocationWatchContext & { signal: AbortSignal };
}

export function runStartScript(app: AppId, read: () => TabIdentity, draw: DrawCounts, options: StartScriptOptions = {}): void {
  try {
    const early = sendEarlyStatus(read);
    if (!early) return;
    performance.mark?.(SENT_MARK[app]);
    publishEarlyStart(early);
    const waker = createWaker(early, read, options);
    void early.reply
      .then((raw) => {
        const counts = readPanelCounts(raw);
        if (!counts) return;
        early.frame = draw(counts);
        if (early.frame) performance.mark?.(COUNTS_MARK[app]);
      })
      .catch(() => undefined)
      .then(() => afterPaint(PAINT_WAIT_MS))
      .then(() => waker.decide())
      .catch(() => waker.load());
  } catch {
    // Never the page's problem; the overlay is not loaded then (the next page load tries again).
  }
}

/** Loads the bundle once: at once where the page needs it, else when something calls for it (wake.ts). */
function createWaker(early: EarlyStart, read: () => TabIdentity, { wake, ctx }: StartScriptOptions) {
  let idle = new AbortController();
  let loaded = false;
  /** Until the counts are drawn and the decision made, wakes are only noted: the bundle adopts a drawn frame. */
  let deciding = true;
  let wanted = false;

  const load = () => {
    if (loaded) return;
    loaded = true;
    idle.abort();
    void Promise.resolve(runtimeOf()?.sendMessage?.({ mgAction: 'loadOverlay' }))
      .then((reply) => {
        if ((reply as { ok?: unknown } | undefined)?.ok !== true) throw new Error('not loaded');
      })
      .catch(() => notLoaded());
  };
  /** The injection failed: the tab stands in again (a click retries), or goes with the extension (updated, removed). */
  const notLoaded = () => {
    loaded = false;
    if (!runtimeOf()?.id || ctx?.signal.aborted) early.frame?.remove();
    else standIn();
  };
  const wakeUp = (reason: WakeReason) => {
    if (reason === 'user') early.openPanel = true;
    // After a while idle, or with the status changed, the first answer may be old: the bundle asks again.
    if (!deciding || reason === 'status') early.late = true;
    if (deciding) wanted = true;
    else load();
  };
  // From the start until the content script ends, so nothing is missed: while the bundle starts, a status change
  // still makes the first answer old (the bundle then asks again) and the shortcut still opens the panel.
  const listening = new AbortController();
  listenToBackground(wakeUp, listening.signal);
  // The content script ends (the extension was updated or removed): nothing more is watched, and the tab goes.
  ctx?.signal.addEventListener(
    'abort',
    () => {
      idle.abort();
      listening.abort();
      early.frame?.remove();
    },
    { once: true },
  );

  /** The drawn tab works as the panel's tab until something calls for the bundle. */
  const standIn = () => {
    const frame = early.frame;
    if (!wake || !ctx || !frame?.standIn || ctx.signal.aborted) return;
    idle = new AbortController();
    frame.standIn(() => wakeUp('user'), idle.signal);
    watchForWake({ wake, identity: early.identity, read, ctx, onWake: wakeUp, signal: idle.signal });
  };

  return {
    load,
    async decide(): Promise<void> {
      // No counts drawn (no status, a refusal): the bundle's panel explains. No wake list: the bundle everywhere.
      const canStandIn = Boolean(wake && ctx && early.frame?.standIn);
      const keptOpen = canStandIn && (await panelKeptOpen());
      deciding = false;
      if (!canStandIn || !wake || wanted || keptOpen || claimsUrl(wake, new URL(location.href)) || claimsText(wake, pageText())) return load();
      // Everything that could call for the bundle is watched from here on, in the same task as the checks above.
      standIn();
    },
  };
}
