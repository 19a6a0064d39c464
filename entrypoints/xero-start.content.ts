// The only script the manifest injects into Xero pages: small, so the tab's first message leaves and the panel's counts show
// before the overlay's bundle (./xero.content, injected by the background on request) is even loaded; that bundle is
// asked for only where the page needs it (./xero.content/wake.ts).
// First, for its side effect: WXT's start-up postMessage (stopOldScripts, before main runs) leaves a task later, from a
// short stack, instead of costing the tab's first message about 8 ms of source-position compiling (quiet-start.ts).
import '../utils/overlay/quiet-start';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { appMatchPattern } from '../utils/apps';
import { drawStartFrame } from '../components/panel/start-frame';
import { runStartScript } from '../utils/overlay/start-script';
import { readIdentity } from './xero.content/identity';
import { XERO_WAKE } from './xero.content/wake';

export default defineContentScript({
  matches: [appMatchPattern('xero')],
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  main(ctx) {
    runStartScript('xero', readIdentity, drawStartFrame, { wake: XERO_WAKE, ctx });
  },
});
