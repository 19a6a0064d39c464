// Cin7 Core overlay: the shared start-up (utils/overlay/start-overlay) with the Cin7 Core features. Each feature
// declares its routes; the runner starts and stops them as the single-page app navigates. The page's header texts
// tell the background which organisation of the login this tab shows (one login, several organisations).
// `./early` first: the tab's first message leaves before the rest of the bundle evaluates.
import { early, readIdentity } from './early';
import '../../utils/zod-jitless';
import { appMatchPattern } from '../../utils/apps';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startOverlay } from '../../utils/overlay/start-overlay';
import { CIN7_FEATURES } from './features';

export default defineContentScript({
  matches: [appMatchPattern('cin7')],
  runAt: 'document_idle',
  // The panel's stylesheet is bundled as text into its shadow root (health-panel-feature): nothing injected or fetched.
  cssInjectionMode: 'manual',
  main(ctx) {
    startOverlay({ app: 'cin7', ctx, features: CIN7_FEATURES, identify: readIdentity, early });
  },
});
