// Arrival highlight on Cin7 Core pages: a mapping role, an account code or a record field (utils/overlay).
import { isEveryPage } from '../../../utils/cin7/page/routes';
import { findTargetElement } from '../../../utils/cin7/page/targets';
import { defineArrivalHighlightFeature } from '../../../utils/overlay/arrival-highlight-feature';
import type { Cin7FeatureEnv } from '../environment';

export default defineArrivalHighlightFeature<Cin7FeatureEnv>({ include: [isEveryPage], find: findTargetElement });
