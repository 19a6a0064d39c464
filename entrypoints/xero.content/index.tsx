// Xero overlay: wires the features to the page. The organisation shown (short code / name) picks the pair; each
// feature declares its routes and the runner starts and stops them as the app navigates. No failure reaches the
// host page: it is reported in the panel instead.
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
import { readOrganisation, type OrganisationRead } from '../../utils/xero/page/organisation';
import { messagingServices, type XeroFeatureEnv } from './environment';
import { createFactsStore } from './facts';
import { XERO_FEATURES } from './features';

export default defineContentScript({
  matches: [appMatchPattern('xero')],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  main(ctx) {
    startOverlay(ctx);
  },
});

function pageIdentity(organisation: OrganisationRead) {
  return {
    ...(organisation.shortCode ? { xeroShortCode: organisation.shortCode } : {}),
    ...(organisation.name ? { xeroOrgName: organisation.name } : {}),
  };
}

function startOverlay(ctx: ContentScriptContext): void {
  try {
    performance.mark?.('mapping-guard:xero:start');
    // Read again on each request: the newer app changes organisation without a page load.
    let organisation = readOrganisation(document, new URL(location.href));
    const identity = () => pageIdentity(organisation);
    const panel = createPanelContributionStore();
    const status = createStatusStore(messagingStatusClient('xero', identity), { signal: ctx.signal });
    const services = messagingServices(requestOptionsPage);
    const facts = createFactsStore(() => services.getXeroPageFacts(identity()), status, ctx.signal);
    const runner = new FeatureRunner<XeroFeatureEnv>(XERO_FEATURES, {
      signal: ctx.signal,
      environment: (url, featureId) => ({
        url,
        ctx,
        organisation,
        panel,
        status,
        facts,
        services,
        reportProblem: (error) => panel.reportProblem(featureId, error),
      }),
      onError: (featureId, error) => panel.reportProblem(featureId, error),
    });
    runner.update(new URL(location.href));
    watchLocation(ctx, (url) => {
      try {
        organisation = readOrganisation(document, url);
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
