// The only script the manifest injects into Xero pages: small, so the tab's first message leaves and the panel's counts show
// before the overlay's bundle (./xero.content, injected by the background on request) is even loaded.
// First, for its side effect: WXT's start-up postMessage (stopOldScripts, before main runs) leaves a task later, from a
// short stack, instead of costing the tab's first message about 8 ms of source-position compiling (quiet-start.ts).
import '../utils/overlay/quiet-start';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { appMatchPattern } from '../utils/apps';
import { drawStartFrame } from '../components/panel/start-frame';
import { runStartScript } from '../utils/overlay/start-script';
import { readIdentity } from './xero.content/identity';

export default defineContentScript({
  matches: [appMatchPattern('xero')],
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  main() {
    runStartScript('xero', readIdentity, drawStartFrame);
  },
});
