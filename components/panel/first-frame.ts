// The panel's first frame, drawn before React DOM is evaluated (React DOM is about half of the content script's
// start-up CPU): the collapsed tab with the pair's counts, in plain DOM inside the same closed shadow root, placed off
// the host's controls as the tab is (utils/overlay/placement) and shown in the top layer as the panel is
// (useTopLayer). Its button is disabled: the React panel replaces this frame in the commit that first shows it
// (mount-panel.tsx), a frame or two later. Drawn by the start script, it stands in for the panel until the overlay's
// bundle is needed (standIn).
import { sharedDialogTracker } from '../../utils/overlay/dialog-tracker';
import { collectObstacles, viewportSize } from '../../utils/overlay/obstacles';
import { choosePlacement } from '../../utils/overlay/placement';
import { createPlacementScheduler, watchPlacementTriggers } from '../../utils/overlay/placement-triggers';
import type { PanelCounts } from '../../utils/protocol/panel-counts';
import { countsText, panelTone } from './counts';
import { enterTopLayer } from './top-layer';

/** React takes over after this long even without a status (the React panel then says it is loading). */
const WAIT_FOR_STATUS_MS = 1000;

export interface FirstFrame {
  /** Resolves once the counts (or a failure) are shown, or after WAIT_FOR_STATUS_MS. */
  ready: Promise<void>;
  remove(): void;
  /**
   * The tab stands in for the panel while the overlay's bundle is not loaded (utils/overlay/start-script.ts): its
   * button works (`onOpen`, by click or keyboard), and until `signal` aborts it is placed again on the same triggers
   * as the React panel's tab.
   */
  standIn(onOpen: () => void, signal: AbortSignal): void;
  /** Whether its button has focus (the panel that replaces it then takes the focus). */
  hasFocus(): boolean;
}

/** What the frame reads: the overlay's status store, or the start script's one reply (start-frame.ts). */
export interface FrameState {
  status: PanelCounts | null;
  error: string | null;
}
export interface FrameSource {
  getState(): FrameState;
  subscribe(listener: (state: FrameState) => void): () => void;
}

export function renderFirstFrame(parent: HTMLElement, store: FrameSource): FirstFrame {
  const section = document.createElement('section');
  section.setAttribute('aria-label', 'Mapping Guard');
  // Hidden until the counts are known and the tab is placed.
  section.style.visibility = 'hidden';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'mg-toggle';
  button.disabled = true;
  button.setAttribute('aria-expanded', 'false');
  const counts = span('mg-counts', '…');
  const dot = span('mg-dot', '');
  dot.setAttribute('aria-hidden', 'true');
  button.append(dot, span('mg-title', 'Mapping Guard'), counts);
  section.append(button);
  parent.append(section);
  enterTopLayer(section);

  let placed = false;
  let clickable = false;
  let openPanel = () => {};
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const timer = setTimeout(markReady, WAIT_FOR_STATUS_MS);
  const show = ({ status, error }: FrameState) => {
    section.className = `mg-panel mg-collapsed mg-tone-${panelTone(status)}`;
    counts.textContent = countsText(status);
    if ((!status && !error) || placed) return;
    placed = true;
    place(section);
    markReady();
  };
  show(store.getState());
  const unsubscribe = store.subscribe(show);
  return {
    ready,
    remove() {
      clearTimeout(timer);
      unsubscribe();
      section.remove();
    },
    hasFocus: () => (section.getRootNode() as Document | ShadowRoot).activeElement === button,
    standIn(onOpen, signal) {
      button.disabled = false;
      button.removeAttribute('aria-busy');
      // Kept after `signal` aborts: a click while the bundle starts still asks for the panel.
      openPanel = onOpen;
      if (!clickable) {
        clickable = true;
        button.addEventListener('click', () => {
          button.setAttribute('aria-busy', 'true');
          openPanel();
        });
      }
      const dialogs = sharedDialogTracker(document, signal);
      const scheduler = createPlacementScheduler(() => place(section, dialogs()));
      watchPlacementTriggers(() => section, scheduler.schedule, signal);
      signal.addEventListener('abort', () => scheduler.cancel(), { once: true });
    },
  };
}

/** The tab's spot as usePanelPlacement picks it on its first layout; hidden where even the tab would cover the app. */
function place(section: HTMLElement, dialogs?: Iterable<Element>): void {
  let free = true;
  // No layout (a DOM without a layout engine): the CSS home corner.
  if (section.offsetWidth > 0 || section.offsetHeight > 0) {
    const viewport = viewportSize();
    const size = { width: section.offsetWidth, height: section.offsetHeight };
    const spot = choosePlacement({ viewport, size, obstacles: collectObstacles(document, viewport, dialogs) });
    Object.assign(section.style, { left: `${spot.left}px`, top: `${spot.top}px`, bottom: 'auto' });
    free = spot.free;
  }
  section.style.visibility = free ? '' : 'hidden';
}

function span(className: string, text: string): HTMLSpanElement {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}
