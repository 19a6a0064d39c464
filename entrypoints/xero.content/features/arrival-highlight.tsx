// Arrival highlight on Xero pages: an account, item, currency or lock date (utils/overlay).
import { defineArrivalHighlightFeature } from '../../../utils/overlay/arrival-highlight-feature';
import { findXeroTarget } from '../../../utils/xero/page/targets';
import { isEveryPage } from '../../../utils/xero/page/routes';
import type { XeroFeatureEnv } from '../environment';

export default defineArrivalHighlightFeature<XeroFeatureEnv>({ include: [isEveryPage], find: findXeroTarget });
