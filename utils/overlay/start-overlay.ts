// One start-up for both overlays: the panel's contribution store, the status store for the page's pair, the feature
// runner handing each feature its environment, and the navigation watch. No failure reaches the host page: a
// feature's is reported in the panel (with a console trace for support: the panel may be what failed), and a
// failure to start at all only in the console.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { AppId } from '../apps';
import type { ActionArgs, ActionName } from '../protocol/actions';
import { background } from '../protocol/client';
import { FeatureRunner, type FeatureDefinition } from './feature-registry';
import { watchLocation } from './location';
import { createOverlayEnv, type OverlayEnv } from './overlay-env';
import { createPanelContributionStore } from './panel-state';
import { backgroundStatusClient, createStatusStore, type StatusStore } from './status-store';

/** The bench measures from these marks to the panel showing. */
const START_MARK: Record<AppId, string> = { cin7: 'mapping-guard:cin7:start', xero: 'mapping-guard:xero:start' };

/** What the page shows beyond its app (Xero's organisation), so the background picks that page's pair. */
export type PageIdentity = Omit<NonNullable<ActionArgs<'getStatus'>>, 'host'>;

/** The full environment a feature may receive: every action, plus the app's own part. */
export type FullEnv<Extra extends object> = OverlayEnv<ActionName> & Extra;

export interface StartOverlayOptions<Extra extends object> {
  app: AppId;
  ctx: ContentScriptContext;
  features: readonly FeatureDefinition<NoInfer<FullEnv<Extra>>>[];
  /** Read at each status request (the newer Xero app changes organisation without a page load). */
  pageIdentity?: () => PageIdentity;
  /** Runs on the first URL and on each navigation, before the features follow it. */
  onNavigate?: (url: URL) => void;
  /** The app's own part of each feature's environment, set up once the shared stores exist. */
  appEnv?: (shared: { status: StatusStore; signal: AbortSignal }) => (url: URL) => Extra;
}

export function startOverlay<Extra extends object = Record<never, never>>(options: StartOverlayOptions<Extra>): void {
  const { app, ctx, features, pageIdentity, onNavigate } = options;
  try {
    performance.mark?.(START_MARK[app]);
    const panel = createPanelContributionStore();
    const status = createStatusStore(backgroundStatusClient, { signal: ctx.signal, query: () => ({ host: app, ...pageIdentity?.() }) });
    // Without `appEnv` the app has no part of its own (Extra stays its empty default).
    const appEnv = options.appEnv?.({ status, signal: ctx.signal }) ?? (() => ({}) as Extra);
    const runner = new FeatureRunner<FullEnv<Extra>>(features, {
      signal: ctx.signal,
      environment: (url, featureId, signal) => ({
        ...createOverlayEnv({ url, ctx, panel, status, background, featureId, signal }),
        ...appEnv(url),
      }),
      onError: (featureId, error) => {
        panel.reportProblem(featureId, error);
        console.warn(`Mapping Guard: feature "${featureId}" failed.`, error);
      },
    });
    const follow = (url: URL) => {
      onNavigate?.(url);
      runner.update(url);
    };
    follow(new URL(location.href));
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
