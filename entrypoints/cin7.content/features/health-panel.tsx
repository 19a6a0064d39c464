// The health panel on every Cin7 Core page (components/panel/health-panel-feature).
import { isEveryPage } from '../../../utils/cin7/page/routes';
import { defineHealthPanelFeature } from '../../../components/panel/health-panel-feature';
import type { Cin7FeatureEnv } from '../environment';

export default defineHealthPanelFeature<Cin7FeatureEnv>({ app: 'cin7', include: [isEveryPage] });
