// The only script the manifest injects into Cin7 Core pages: small, so the tab's first message leaves and the panel's counts show
// before the overlay's bundle (./cin7.content, injected by the background on request) is even loaded.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { appMatchPattern } from '../utils/apps';
import { drawStartFrame } from '../components/panel/start-frame';
import { runStartScript } from '../utils/overlay/start-script';
import { readIdentity } from './cin7.content/identity';

export default defineContentScript({
  matches: [appMatchPattern('cin7')],
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  main() {
    runStartScript('cin7', readIdentity, drawStartFrame);
  },
});
