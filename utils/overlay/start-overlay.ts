// One start-up for both overlays: the panel's contribution store, the status store for the page's pair, the feature
// runner handing each feature its environment, and the navigation watch. No failure reaches the host page: a
// feature's is reported in the panel (with a console trace for support: the panel may be what failed), and a
// failure to start at all only in the console.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { AppId } from '../apps';
import type { ActionName } from '../protocol/actions';
import { background, onStatusChanged, readReply, type BackgroundClient } from '../protocol/client';
import type { TabIdentity } from '../protocol/shapes';
import { FeatureRunner, type FeatureDefinition } from './feature-registry';
import type { EarlyStart } from './early-status';
import { afterIdentification, createTabIdentifier } from './identify-tab';
import { watchLocation } from './location';
import { createOverlayEnv, type AdoptedStartFrame, type OverlayEnv } from './overlay-env';
import { createPanelContributionStore } from './panel-state';
import { createStatusStore, type StatusStore } from './status-store';
import { IDENTIFY_AGAIN_MS } from './wake';

/** The bench measures from these marks to the panel showing. */
const START_MARK: Record<AppId, string> = { cin7: 'mapping-guard:cin7:start', xero: 'mapping-guard:xero:start' };

/** The full environment a feature may receive: every action, plus the app's own part. */
export type FullEnv<Extra extends object> = OverlayEnv<ActionName> & Extra;

export interface StartOverlayOptions<Extra extends object> {
  app: AppId;
  ctx: ContentScriptContext;
  features: readonly FeatureDefinition<NoInfer<FullEnv<Extra>>>[];
  /**
   * Which organisation the page shows, read at start, on each navigation and shortly after start; sent to the
   * background when it changes, which binds this tab to that organisation's pair.
   */
  identify?: (url: URL) => TabIdentity;
  /** Runs on the first URL and on each navigation, before the features follow it. */
  onNavigate?: (url: URL) => void;
  /** The tab's first message, sent by the start script (early-status.ts): its answer is the first status. */
  early?: EarlyStart;
  /** The app's own part of each feature's environment, set up once the shared stores exist. */
  appEnv?: (shared: { status: StatusStore; signal: AbortSignal; background: BackgroundClient }) => (url: URL) => Extra;
}

export function startOverlay<Extra extends object = Record<never, never>>(options: StartOverlayOptions<Extra>): void {
  const { app, ctx, features, identify, onNavigate, early } = options;
  try {
    performance.mark?.(START_MARK[app]);
    const panel = createPanelContributionStore();
    let startFrame = early?.frame;
    const takeStartFrame = (): AdoptedStartFrame | undefined => {
      const frame = startFrame;
      startFrame = undefined;
      return frame && { remove: () => frame.remove(), userState: () => ({ openPanel: early?.openPanel === true, focused: frame.hasFocus?.() === true }) };
    };
    let currentUrl = new URL(location.href);
    const identifier = createTabIdentifier(
      () => identify?.(currentUrl) ?? {},
      (identity) => background.identifyTab(identity),
      early && { identity: early.identity, answered: early.reply },
    );
    const client = afterIdentification(background, identifier);
    // Loaded late (the page was idle), the first answer may be old: the status is asked for again.
    const getStatus = early && !early.late ? firstFromEarly(early, client.getStatus) : client.getStatus;
    const status = createStatusStore({ getStatus, refresh: client.refresh, onStatusChanged }, { signal: ctx.signal });
    let started = false;
    const identifyAgain = () =>
      void identifier.check().then((changed) => {
        // The first identification comes before any status load; a later change re-binds the tab: reload.
        if (changed && started && !ctx.signal.aborted) void status.load();
        started = true;
      });
    // Without `appEnv` the app has no part of its own (Extra stays its empty default).
    const appEnv = options.appEnv?.({ status, signal: ctx.signal, background: client }) ?? (() => ({}) as Extra);
    const runner = new FeatureRunner<FullEnv<Extra>>(features, {
      signal: ctx.signal,
      environment: (url, featureId, signal) => ({
        ...createOverlayEnv({ url, ctx, panel, status, background: client, featureId, signal, takeStartFrame }),
        ...appEnv(url),
      }),
      onError: (featureId, error) => {
        panel.reportProblem(featureId, error);
        console.warn(`Mapping Guard: feature "${featureId}" failed.`, error);
      },
    });
    const follow = (url: URL) => {
      currentUrl = url;
      onNavigate?.(url);
      identifyAgain();
      runner.update(url);
    };
    follow(currentUrl);
    for (const delay of IDENTIFY_AGAIN_MS) ctx.setTimeout(() => identifyAgain(), delay);
    watchLocation(ctx, (url) => {
      try {
        follow(url);
      } catch (error) {
        panel.reportProblem('navigation', error);
      }
    });
  } catch (error) {
    // Never let our failure reach the host page.
    console.warn('Mapping Guard could not start on this page.', error);
  }
}

/** The first status is the early message's answer, checked like any reply; when that failed, a plain `getStatus`. */
function firstFromEarly(early: EarlyStart, getStatus: BackgroundClient['getStatus']): BackgroundClient['getStatus'] {
  let first: Promise<unknown> | undefined = early.reply;
  return (...args) => {
    const reply = first;
    first = undefined;
    return reply ? reply.then((raw) => readReply('identifyTabWithStatus', raw)).catch(() => getStatus(...args)) : getStatus(...args);
  };
}
