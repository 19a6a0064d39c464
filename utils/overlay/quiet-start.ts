// Imported FIRST by each start script (entrypoints/<app>-start.content.ts) and each overlay bundle
// (entrypoints/<app>.content/index.tsx), for its side effect: WXT's start-up postMessage leaves from a short stack
// (early-status.ts deferStartPostMessages says why). Chromium only.
import { deferStartPostMessages } from './early-status';

if (!import.meta.env.FIREFOX) deferStartPostMessages();
