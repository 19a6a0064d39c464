// When the floating panel or tab must be placed again, for both its forms: the React panel (usePanelPlacement) and the
// start script's tab while the overlay's bundle is not loaded (components/panel/first-frame.ts, keepPlaced). Triggers
// are debounced and coalesced into one animation frame, so a burst of scrolling or mutations costs the host page one
// placement. No React and no zod here: the start script uses it.
import { isOwnNode, onlyOwnNodesChanged } from './observe';
import { intersects } from './placement';

/** The page has been quiet this long (ms) before a placement runs. */
export const PLACEMENT_QUIET_MS = 200;

export interface PlacementScheduler {
  schedule(): void;
  cancel(): void;
}

/** Runs `place` once per quiet moment, in an animation frame; its exceptions go to the console, never the page. */
export function createPlacementScheduler(place: () => void, quietMs = PLACEMENT_QUIET_MS): PlacementScheduler {
  let frame: number | undefined;
  let quiet: ReturnType<typeof setTimeout> | undefined;
  return {
    schedule() {
      if (quiet !== undefined) clearTimeout(quiet);
      quiet = setTimeout(() => {
        quiet = undefined;
        if (frame !== undefined) return;
        frame = requestAnimationFrame(() => {
          frame = undefined;
          try {
            place();
          } catch (error) {
            console.warn('Mapping Guard could not place its panel.', error);
          }
        });
      }, quietMs);
    },
    cancel() {
      if (frame !== undefined) cancelAnimationFrame(frame);
      if (quiet !== undefined) clearTimeout(quiet);
      frame = undefined;
      quiet = undefined;
    },
  };
}

/**
 * Calls `schedule` on resize, after scrolling, on navigation, when the page adds something at the top level of
 * <body> or opens a dialog, when `panel` changes size, and when a host control under `panel` takes focus; until
 * `signal` aborts.
 */
export function watchPlacementTriggers(panel: () => HTMLElement | null, schedule: () => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const onFocus = (event: FocusEvent) => {
    const target = event.target;
    const own = panel();
    if (!(target instanceof Element) || isOwnNode(target) || !own) return;
    if (intersects(target.getBoundingClientRect(), own.getBoundingClientRect())) schedule();
  };
  window.addEventListener('resize', schedule, { signal, passive: true });
  document.addEventListener('scrollend', schedule, { signal, capture: true, passive: true });
  document.addEventListener('focusin', onFocus, { signal, capture: true });
  window.addEventListener('popstate', schedule, { signal });
  window.addEventListener('hashchange', schedule, { signal });
  const resize = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(schedule);
  const element = panel();
  if (element) resize?.observe(element);
  // Dialogs and menus are added at the top level of <body>, or opened by these attributes.
  const mutations = new MutationObserver((records) => {
    if (records.some((record) => !isOwnNode(record.target) && !onlyOwnNodesChanged(record))) schedule();
  });
  if (document.body) mutations.observe(document.body, { childList: true });
  mutations.observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ['open', 'aria-modal', 'aria-hidden', 'hidden'] });
  signal.addEventListener(
    'abort',
    () => {
      resize?.disconnect();
      mutations.disconnect();
    },
    { once: true },
  );
}
