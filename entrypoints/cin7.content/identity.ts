// Which organisation a Cin7 Core page shows: the header's short texts (one login can hold several organisations).
// Read by the start script for the tab's first message and by the overlay on each navigation.
import { readHeaderTexts } from '../../utils/cin7/page/organisation';
import type { TabIdentity } from '../../utils/protocol/shapes';

export const readIdentity = (): TabIdentity => ({ cin7Texts: readHeaderTexts(document) });
