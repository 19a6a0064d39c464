// Xero overlay: the shared start-up (utils/overlay/start-overlay) with the Xero features. The organisation shown
// (short code / name) binds the tab to its pair: it is read again on each navigation, since the newer app changes
// organisation without a page load, and sent to the background when it changes. The pair facts load once per page.
// Injected by the background when the page's start script asks (../xero-start.content.ts), which has already sent the
// tab's first message and drawn the counts: this bundle adopts both (takeEarlyStart).
import '../../utils/zod-jitless';
import '../../utils/overlay/quiet-start';
import { takeEarlyStart } from '../../utils/overlay/early-status';
import { pageIdentity } from './identity';
import { appMatchPattern } from '../../utils/apps';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startOverlay } from '../../utils/overlay/start-overlay';
import { readOrganisation, type OrganisationRead } from '../../utils/xero/page/organisation';
import type { XeroAppEnv } from './environment';
import { createFactsStore } from './facts';
import { XERO_FEATURES } from './features';

export default defineContentScript({
  matches: [appMatchPattern('xero')],
  registration: 'runtime',
  // The panel's stylesheet is bundled as text into its shadow root (health-panel-feature): nothing injected or fetched.
  cssInjectionMode: 'manual',
  main(ctx) {
    let organisation: OrganisationRead = {};
    startOverlay<XeroAppEnv>({
      app: 'xero',
      ctx,
      early: takeEarlyStart(),
      features: XERO_FEATURES,
      // The title may name the organisation only once the page has rendered: read again, not only on navigation.
      identify: (url) => pageIdentity((organisation = readOrganisation(document, url))),
      appEnv: ({ status, signal, background }) => {
        const facts = createFactsStore(() => background.getXeroPageFacts(), status, signal);
        return () => ({ organisation, facts });
      },
    });
  },
});
