// Cin7 Core overlay: the shared start-up (utils/overlay/start-overlay) with the Cin7 Core features. Each feature
// declares its routes; the runner starts and stops them as the single-page app navigates. The page's header texts
// tell the background which organisation of the login this tab shows (one login, several organisations).
// Injected by the background when the page's start script asks (../cin7-start.content.ts), which has already sent the
// tab's first message and drawn the counts: this bundle adopts both (takeEarlyStart).
import '../../utils/zod-jitless';
import '../../utils/overlay/quiet-start';
import { takeEarlyStart } from '../../utils/overlay/early-status';
import { readIdentity } from './identity';
import { appMatchPattern } from '../../utils/apps';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startOverlay } from '../../utils/overlay/start-overlay';
import { CIN7_FEATURES } from './features';

export default defineContentScript({
  matches: [appMatchPattern('cin7')],
  registration: 'runtime',
  // The panel's stylesheet is bundled as text into its shadow root (health-panel-feature): nothing injected or fetched.
  cssInjectionMode: 'manual',
  main(ctx) {
    startOverlay({ app: 'cin7', ctx, features: CIN7_FEATURES, identify: readIdentity, early: takeEarlyStart() });
  },
});
