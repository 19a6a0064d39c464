// Cin7 Core overlay: the shared start-up (utils/overlay/start-overlay) with the Cin7 Core features. Each feature
// declares its routes; the runner starts and stops them as the single-page app navigates.
import '../../utils/zod-jitless';
import './style.css';
import { appMatchPattern } from '../../utils/apps';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startOverlay } from '../../utils/overlay/start-overlay';
import { CIN7_FEATURES } from './features';

export default defineContentScript({
  matches: [appMatchPattern('cin7')],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  main(ctx) {
    startOverlay({ app: 'cin7', ctx, features: CIN7_FEATURES });
  },
});
