// What each app's start script does (entrypoints/<app>-start.content.ts), the only script the manifest injects into
// the apps' pages. It is small, so it runs at once: it sends the tab's first message (identification and status in
// one round trip), draws the panel's counts from the reply in plain DOM, and once they are painted asks the background
// to inject the overlay's own bundle (action `loadOverlay`), which adopts that first message and frame
// (early-status.ts). The bundle's compile and start-up, the larger part of a page's cost for us, never delay the
// counts. Nothing here may import React or zod's full build; no failure reaches the page.
import type { AppId } from '../apps';
import { readPanelCounts, type PanelCounts } from '../protocol/panel-counts';
import type { TabIdentity } from '../protocol/shapes';
import { afterPaint } from './after-paint';
import { publishEarlyStart, runtimeOf, sendEarlyStatus } from './early-status';

/** Trace marks for the bench (tests/bench/overlay-lib.ts): the counts are in the DOM; the first message has left. */
export const COUNTS_MARK: Record<AppId, string> = { cin7: 'mapping-guard:cin7:counts', xero: 'mapping-guard:xero:counts' };
export const SENT_MARK: Record<AppId, string> = { cin7: 'mapping-guard:cin7:sent', xero: 'mapping-guard:xero:sent' };

/** Past this, the overlay is asked for even if no frame was painted (a tab in the background paints none). */
const PAINT_WAIT_MS = 200;

/** Draws the counts (components/panel/start-frame.ts, passed in by the entry: utils/ never imports components/). */
export type DrawCounts = (counts: PanelCounts) => { remove(): void } | undefined;

export function runStartScript(app: AppId, read: () => TabIdentity, draw: DrawCounts): void {
  try {
    const early = sendEarlyStatus(read);
    if (!early) return;
    performance.mark?.(SENT_MARK[app]);
    publishEarlyStart(early);
    void early.reply
      .then((raw) => {
        const counts = readPanelCounts(raw);
        if (!counts) return;
        early.frame = draw(counts);
        if (early.frame) performance.mark?.(COUNTS_MARK[app]);
      })
      .catch(() => undefined)
      .then(() => afterPaint(PAINT_WAIT_MS))
      .then(() => runtimeOf()?.sendMessage?.({ mgAction: 'loadOverlay' }))
      .catch(() => undefined);
  } catch {
    // Never the page's problem; the overlay is not loaded then (the next page load tries again).
  }
}
