// The health panel feature both overlays run on every page: the pair's errors and warnings, data age, refresh, top
// findings with their fix jumps, and the "not connected" / "mapping not read yet" states. Stays mounted across
// navigation; each overlay only says which app it is in and what else to load when it starts.
import { ConnectedHealthPanel } from './ConnectedHealthPanel';
import { renderFirstFrame } from './first-frame';
// Bundled as text (the entries' `cssInjectionMode: 'manual'`): nothing to fetch before the first frame.
import panelCss from './panel.css?inline';
import { cin7AccountMappingLink } from '../../utils/audit/links';
import { defineFeature, type FeatureDefinition, type RouteTest } from '../../utils/overlay/feature-registry';
import { mountShadowPanel } from '../../utils/overlay/mount-panel';
import { requestOptionsPage } from '../../utils/overlay/open-options';
import type { OverlayEnv } from '../../utils/overlay/overlay-env';

export const PANEL_ELEMENT_NAME = 'mapping-guard-panel';

export type HealthPanelEnv = Pick<OverlayEnv, 'ctx' | 'status' | 'panel' | 'background' | 'takeStartFrame'>;

export function defineHealthPanelFeature<Env extends HealthPanelEnv>(options: {
  app: 'cin7' | 'xero';
  include: readonly RouteTest[];
  /** Extra data the overlay's other features share, loaded when the panel starts. */
  onStart?: (env: Env) => void;
}): FeatureDefinition<Env> {
  return defineFeature<Env>({
    id: 'health-panel',
    include: options.include,
    restartOn: 'never',
    async init(signal, env) {
      void env.status.load();
      options.onStart?.(env);
      if (!env.ctx) return;
      // The counts in plain DOM first (the start script's, else drawn here): React DOM is evaluated after they are painted.
      const start = env.takeStartFrame();
      const panel = await mountShadowPanel(
        env.ctx,
        PANEL_ELEMENT_NAME,
        panelCss,
        <ConnectedHealthPanel
          currentApp={options.app}
          statusStore={env.status}
          contributions={env.panel}
          mappingPage={cin7AccountMappingLink()}
          openOptions={() => requestOptionsPage(env.background)}
          fromStartTab={start?.userState}
        />,
        (parent) => (start ? { ready: Promise.resolve(), remove: () => start.remove() } : renderFirstFrame(parent, env.status)),
      );
      if (signal.aborted) panel.remove();
      else signal.addEventListener('abort', () => panel.remove(), { once: true });
    },
  });
}
