// Imported FIRST by the Cin7 Core entry (see utils/overlay/early-status.ts): what the page's header shows, and the
// tab's first message, sent before the rest of the bundle evaluates.
import { readHeaderTexts } from '../../utils/cin7/page/organisation';
import { deferStartPostMessages, sendEarlyStatus } from '../../utils/overlay/early-status';
import type { TabIdentity } from '../../utils/protocol/shapes';

export const readIdentity = (): TabIdentity => ({ cin7Texts: readHeaderTexts(document) });

export const early = sendEarlyStatus(readIdentity);

if (!import.meta.env.FIREFOX) deferStartPostMessages();
