// The health panel on every Xero page, for the pair of the organisation shown (the status store asks with the page's
// short code / organisation name); it also loads the pair facts the chart and lock-date features share.
import { defineHealthPanelFeature } from '../../../components/panel/health-panel-feature';
import { isEveryPage } from '../../../utils/xero/page/routes';
import type { XeroFeatureEnv } from '../environment';

export default defineHealthPanelFeature<XeroFeatureEnv>({
  app: 'xero',
  include: [isEveryPage],
  onStart: (env) => void env.facts.load(),
});
