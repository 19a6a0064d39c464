// Cin7 Core overlay: the shared start-up (utils/overlay/start-overlay) with the Cin7 Core features. Each feature
// declares its routes; the runner starts and stops them as the single-page app navigates. The page's header texts
// tell the background which organisation of the login this tab shows (one login, several organisations).
import '../../utils/zod-jitless';
import './style.css';
import { appMatchPattern } from '../../utils/apps';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { readHeaderTexts } from '../../utils/cin7/page/organisation';
import { startOverlay } from '../../utils/overlay/start-overlay';
import { CIN7_FEATURES } from './features';

export default defineContentScript({
  matches: [appMatchPattern('cin7')],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  main(ctx) {
    startOverlay({ app: 'cin7', ctx, features: CIN7_FEATURES, identify: () => ({ cin7Texts: readHeaderTexts(document) }) });
  },
});
