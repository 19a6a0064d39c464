// Cin7 Core overlay: wires the features to the page. Each feature declares its routes; the runner starts and
// stops them as the single-page app navigates, and reports any failure in the panel instead of the host page.
import '../../utils/zod-jitless';
import './style.css';
import { appMatchPattern } from '../../utils/apps';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { FeatureRunner } from '../../utils/overlay/feature-registry';
import { watchLocation } from '../../utils/overlay/location';
import { requestOptionsPage } from '../../utils/overlay/open-options';
import { createPanelContributionStore } from '../../utils/overlay/panel-state';
import { createStatusStore, messagingStatusClient } from '../../utils/overlay/status-store';
import { messagingServices, type Cin7FeatureEnv } from './environment';
import { CIN7_FEATURES } from './features';

export default defineContentScript({
  matches: [appMatchPattern('cin7')],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  main(ctx) {
    startOverlay(ctx);
  },
});

function startOverlay(ctx: ContentScriptContext): void {
  try {
    performance.mark?.('mapping-guard:cin7:start');
    const panel = createPanelContributionStore();
    const status = createStatusStore(messagingStatusClient('cin7'), { signal: ctx.signal });
    const services = messagingServices(requestOptionsPage);
    const runner = new FeatureRunner<Cin7FeatureEnv>(CIN7_FEATURES, {
      signal: ctx.signal,
      environment: (url, featureId) => ({
        url,
        ctx,
        panel,
        status,
        services,
        reportProblem: (error) => panel.reportProblem(featureId, error),
      }),
      onError: (featureId, error) => {
        panel.reportProblem(featureId, error);
        // The panel may be the thing that failed: leave a trace for support too.
        console.warn(`Mapping Guard: feature "${featureId}" failed.`, error);
      },
    });
    runner.update(new URL(location.href));
    watchLocation(ctx, (url) => {
      try {
        runner.update(url);
      } catch (error) {
        panel.reportProblem('navigation', error);
      }
    });
  } catch (error) {
    // Never let our failure reach the host page.
    console.warn('Mapping Guard could not start on this page.', error);
  }
}
