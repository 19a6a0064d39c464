// What every overlay feature receives, in either app: the URL it started on, the panel's contribution store, the
// status store, a client for the background actions it may call (the derived protocol client; tests pass a fake of
// the same shape), and guarded ways to follow the page bound to the feature's signal. Work that runs later, from
// observers, timers and host events, is outside the runner's try/catch: these helpers report its failures in the
// panel so that no exception reaches the host page, and stop it when the feature stops.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ActionName } from '../protocol/actions';
import type { ClientOf } from '../protocol/client';
import { guarded } from './guard';
import { keepUpdated } from './keep-updated';
import type { PanelContributionStore } from './panel-state';
import type { StatusStore } from './status-store';

/** The collapsed tab the start script drew, as the health panel adopts it. */
export interface AdoptedStartFrame {
  remove(): void;
  /**
   * Read when the panel first renders: whether the user asked for it on the tab (start-script.ts: a click or the
   * shortcut, also while the bundle was starting), and whether the tab's button has focus. The panel then opens, or
   * takes the focus on its own toggle.
   */
  userState(): { openPanel: boolean; focused: boolean };
}

export interface WatchOptions {
  /** The feature's badge key: its badges are removed when it stops. */
  badgeKey?: string;
  /** Minimum time between two runs on page changes (ms, default 300). */
  waitMs?: number;
  /** False when the feature follows the status itself (default: status changes re-run `update` too). */
  followStatus?: boolean;
}

/** A subscription in the zustand / storage-item style: takes a listener, returns the unsubscribe function. */
export type Subscribe<A extends unknown[]> = (listener: (...args: A) => void) => () => void;

export interface OverlayEnv<Actions extends ActionName = never> {
  url: URL;
  /** Null in unit tests that don't mount shadow-root UI. */
  ctx: ContentScriptContext | null;
  panel: PanelContributionStore;
  status: StatusStore;
  /** The background actions this overlay calls; every overlay may open the options page. */
  background: ClientOf<Actions | 'openOptions'>;
  /** The counts the start script drew (start-script.ts), for the panel to replace; once, then undefined. */
  takeStartFrame(): AdoptedStartFrame | undefined;
  /** Reports a failure to the panel without stopping the feature. */
  reportProblem(error: unknown): void;
  /** Runs `update` now, on (throttled) page changes and on status changes, guarded, until the feature stops. */
  watch(update: () => void, options?: WatchOptions): void;
  /** Subscribes `listener`, guarded, until the feature stops (facts store, status details, storage items). */
  listen<A extends unknown[]>(subscribe: Subscribe<A>, listener: (...args: A) => void): void;
  /** `task` for an event handler or timer: a failure is reported in the panel, never thrown to the page. */
  guard<A extends unknown[]>(task: (...args: A) => void): (...args: A) => void;
}

export interface OverlayEnvParts<Actions extends ActionName> {
  url: URL;
  ctx: ContentScriptContext | null;
  panel: PanelContributionStore;
  status: StatusStore;
  background: ClientOf<Actions | 'openOptions'>;
  /** The id the panel shows with this feature's problems. */
  featureId: string;
  takeStartFrame?: () => AdoptedStartFrame | undefined;
  /** The feature run's signal: everything the helpers start stops with it. */
  signal: AbortSignal;
}

export function createOverlayEnv<Actions extends ActionName>(parts: OverlayEnvParts<Actions>): OverlayEnv<Actions> {
  const { url, ctx, panel, status, background, featureId, signal, takeStartFrame = () => undefined } = parts;
  const reportProblem = (error: unknown) => panel.reportProblem(featureId, error);
  const guard = <A extends unknown[]>(task: (...args: A) => void) => guarded(reportProblem, task);
  return {
    url,
    ctx,
    panel,
    status,
    background,
    takeStartFrame,
    reportProblem,
    guard,
    watch(update, options = {}) {
      const { followStatus = true, ...rest } = options;
      keepUpdated({ update: guard(update), signal, ...(followStatus ? { status } : {}), ...rest });
    },
    listen(subscribe, listener) {
      if (signal.aborted) return;
      const unsubscribe = subscribe(guard(listener));
      signal.addEventListener('abort', unsubscribe, { once: true });
    },
  };
}
