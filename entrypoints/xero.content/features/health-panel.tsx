// The health panel on every Xero page: the same panel as in Cin7 Core, for the pair of the organisation shown
// (the status store asks with the page's short code / organisation name). Stays mounted across navigation.
import { ConnectedHealthPanel } from '../../../components/panel/ConnectedHealthPanel';
import { cin7AccountMappingLink } from '../../../utils/audit/links';
import { defineFeature } from '../../../utils/overlay/feature-registry';
import { mountShadowPanel } from '../../../utils/overlay/mount-panel';
import { isEveryPage } from '../../../utils/xero/routes';
import type { XeroFeatureEnv } from '../environment';

export const PANEL_ELEMENT_NAME = 'mapping-guard-panel';

export default defineFeature<XeroFeatureEnv>({
  id: 'health-panel',
  include: [isEveryPage],
  restartOn: 'never',
  async init(signal, env) {
    void env.status.load();
    void env.facts.load();
    if (!env.ctx) return;
    const panel = await mountShadowPanel(
      env.ctx,
      PANEL_ELEMENT_NAME,
      <ConnectedHealthPanel
        currentApp="xero"
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
