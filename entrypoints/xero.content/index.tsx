// Xero overlay: the shared start-up (utils/overlay/start-overlay) with the Xero features. The organisation shown
// (short code / name) picks the pair: it is read again on each navigation, since the newer app changes organisation
// without a page load, and sent with each request. The pair facts the features share load once per page.
import '../../utils/zod-jitless';
import './style.css';
import { appMatchPattern } from '../../utils/apps';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { background } from '../../utils/protocol/client';
import { startOverlay, type PageIdentity } from '../../utils/overlay/start-overlay';
import { readOrganisation, type OrganisationRead } from '../../utils/xero/page/organisation';
import type { XeroAppEnv } from './environment';
import { createFactsStore } from './facts';
import { XERO_FEATURES } from './features';

export default defineContentScript({
  matches: [appMatchPattern('xero')],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  main(ctx) {
    let organisation: OrganisationRead = {};
    const identity = () => pageIdentity(organisation);
    startOverlay<XeroAppEnv>({
      app: 'xero',
      ctx,
      features: XERO_FEATURES,
      pageIdentity: identity,
      onNavigate: (url) => {
        organisation = readOrganisation(document, url);
      },
      appEnv: ({ status, signal }) => {
        const facts = createFactsStore(() => background.getXeroPageFacts(identity()), status, signal);
        return () => ({ organisation, facts });
      },
    });
  },
});

function pageIdentity(organisation: OrganisationRead): PageIdentity {
  return {
    ...(organisation.shortCode ? { xeroShortCode: organisation.shortCode } : {}),
    ...(organisation.name ? { xeroOrgName: organisation.name } : {}),
  };
}
