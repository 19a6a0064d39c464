// The panel's first frame as the start script draws it (utils/overlay/start-script.ts), before the overlay's bundle is
// loaded: the same plain-DOM tab as first-frame.ts, in its own closed shadow root at the end of <body> (marked as ours
// for the overlay's observers), styled by the same stylesheet. Until the overlay's bundle is needed it stands in for
// the panel (start-script.ts); the React panel removes it in the commit that first shows the panel
// (health-panel-feature.tsx), as it removes its own first frame.
import panelCss from './panel.css?inline';
import type { PanelCounts } from '../../utils/protocol/panel-counts';
import { markOwnNode } from '../../utils/overlay/observe';
import { dropUntrustedEvents } from '../../utils/overlay/trusted-events';
import { renderFirstFrame, type FirstFrame } from './first-frame';

export const START_FRAME_ELEMENT = 'mapping-guard-start';

/** Draws the collapsed tab with these counts; undefined where the page has no <body> to hold it. */
export function drawStartFrame(counts: PanelCounts): Pick<FirstFrame, 'remove' | 'standIn' | 'hasFocus'> | undefined {
  if (!document.body) return undefined;
  const host = markOwnNode(document.createElement(START_FRAME_ELEMENT));
  const shadow = host.attachShadow({ mode: 'closed' });
  // Its button works while it stands in for the panel: only for the user, as the panel's (trusted-events.ts); and its
  // keys stay ours, as the panel's (mount-panel.tsx, WXT's isolateEvents): Enter or Space on it is no host shortcut.
  dropUntrustedEvents(shadow);
  for (const type of ['keydown', 'keyup', 'keypress']) shadow.addEventListener(type, (event) => event.stopPropagation());
  const style = document.createElement('style');
  // WXT's reset for its shadow-root UIs, so the tab looks the same as the panel that replaces it.
  style.textContent = `:host{all:initial !important;}\n${panelCss}`;
  const container = document.createElement('div');
  shadow.append(style, container);
  document.body.append(host);
  const state = { status: counts, error: null };
  const frame = renderFirstFrame(container, { getState: () => state, subscribe: () => () => undefined });
  return {
    remove() {
      frame.remove();
      host.remove();
    },
    standIn: (onOpen, signal) => frame.standIn(onOpen, signal),
    hasFocus: () => frame.hasFocus(),
  };
}
