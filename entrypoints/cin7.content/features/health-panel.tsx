// The health panel on every Cin7 Core page: errors and warnings of the tab's pair, data age, refresh, top findings
// with their fix jumps, and the "not connected" / "mapping not read yet" states. Stays mounted across navigation.
import { ConnectedHealthPanel } from '../../../components/panel/ConnectedHealthPanel';
import { cin7AccountMappingLink } from '../../../utils/audit/links';
import { isEveryPage } from '../../../utils/cin7/routes';
import { defineFeature } from '../../../utils/overlay/feature-registry';
import { mountShadowPanel } from '../../../utils/overlay/mount-panel';
import type { Cin7FeatureEnv } from '../environment';

export const PANEL_ELEMENT_NAME = 'mapping-guard-panel';

export default defineFeature<Cin7FeatureEnv>({
  id: 'health-panel',
  include: [isEveryPage],
  restartOn: 'never',
  async init(signal, env) {
    void env.status.load();
    if (!env.ctx) return;
    const panel = await mountShadowPanel(
      env.ctx,
      PANEL_ELEMENT_NAME,
      <ConnectedHealthPanel
        currentApp="cin7"
        statusStore={env.status}
        contributions={env.panel}
        mappingPageUrl={cin7AccountMappingLink().url}
        openOptions={env.services.openOptions}
      />,
    );
    if (signal.aborted) panel.remove();
    else signal.addEventListener('abort', () => panel.remove(), { once: true });
  },
});
