// Keeps the floating panel off the host app's controls: measures the panel, collects the host's controls and
// dialogs, and picks a free spot (utils/overlay/placement). When the open panel fits nowhere (a big dialog is up)
// it shows as the small tab meanwhile ("yielded"), and when even the tab fits nowhere it is hidden until there is
// room again. Rechecked on resize, after scrolling, when the page adds or opens something at its top level, when a
// host control under the panel takes focus, and every few seconds while open. Triggers are debounced and coalesced
// into one animation frame, so a burst of scrolling or mutations costs the host page one placement.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type RefObject } from 'react';
import { sharedDialogTracker, type DialogLookup } from '../../utils/overlay/dialog-tracker';
import { collectObstacles, viewportSize } from '../../utils/overlay/obstacles';
import { choosePlacement } from '../../utils/overlay/placement';
import { createPlacementScheduler, watchPlacementTriggers } from '../../utils/overlay/placement-triggers';

export interface PanelPlacementState {
  /** Inline position for the panel; empty until measured (the CSS home corner applies). */
  style: CSSProperties;
  /** Max height for the panel's scrolling body when the panel had to be shortened. */
  bodyMaxHeight: number | undefined;
  /** Open was asked for but there is no room: show the tab. */
  yielded: boolean;
  /** Not even the tab fits without covering the app: hidden for now. */
  hidden: boolean;
}

interface Measured {
  width: number;
  height: number;
  /** Header and borders: the height that is not the scrolling body. */
  chrome: number;
}

/** Least body height worth opening the panel for (a few findings). */
const MIN_BODY_HEIGHT = 120;
const RECHECK_OPEN_MS = 2500;

export function usePanelPlacement(options: {
  enabled: boolean;
  /** The user's choice: collapsed (tab) or open. */
  collapsed: boolean;
  panelRef: RefObject<HTMLElement | null>;
  headerRef: RefObject<HTMLElement | null>;
  bodyRef: RefObject<HTMLElement | null>;
}): PanelPlacementState {
  const { enabled, collapsed, panelRef, headerRef, bodyRef } = options;
  const [state, setState] = useState<PanelPlacementState>({ style: {}, bodyMaxHeight: undefined, yielded: false, hidden: false });
  const sizes = useRef<{ open?: Measured; tab?: Measured }>({});
  // Set up with the listeners below; until then (the very first placement) the document is queried.
  const dialogs = useRef<DialogLookup | undefined>(undefined);
  const stateRef = useRef(state);
  useLayoutEffect(() => {
    stateRef.current = state;
  });

  const measure = useCallback((): void => {
    const panel = panelRef.current;
    const header = headerRef.current;
    if (!panel || !header) return;
    const showingOpen = !collapsed && !stateRef.current.yielded;
    const chrome = header.offsetHeight + panel.offsetHeight - panel.clientHeight;
    if (showingOpen) {
      // The natural height, not the shortened one: the body's whole content up to its usual cap.
      const body = bodyRef.current;
      const bodyHeight = body ? Math.min(body.scrollHeight + body.offsetHeight - body.clientHeight, bodyCap()) : 0;
      sizes.current.open = { width: panel.offsetWidth, height: chrome + bodyHeight, chrome };
    } else {
      sizes.current.tab = { width: panel.offsetWidth, height: panel.offsetHeight, chrome };
    }
  }, [collapsed, panelRef, headerRef, bodyRef]);

  const place = useCallback((): void => {
    const panel = panelRef.current;
    // No layout (display: none, or a DOM without a layout engine): nothing to place.
    if (!enabled || !panel || (panel.offsetWidth === 0 && panel.offsetHeight === 0)) return;
    measure();
    const viewport = viewportSize();
    const obstacles = collectObstacles(document, viewport, dialogs.current?.());
    let next: PanelPlacementState | undefined;
    const open = sizes.current.open;
    if (!collapsed && open) {
      const minHeight = Math.min(open.height, open.chrome + MIN_BODY_HEIGHT);
      const size = { width: open.width, height: open.height, minHeight };
      const spot = choosePlacement({ viewport, size, obstacles });
      if (spot.free) {
        next = {
          style: { left: spot.left, top: spot.top, bottom: 'auto' },
          bodyMaxHeight: spot.height < open.height ? Math.max(0, spot.height - open.chrome) : undefined,
          yielded: false,
          hidden: false,
        };
      }
    }
    if (!next) {
      // Before the tab was ever shown (opened on load, then a dialog), estimate it from the header.
      const tab = sizes.current.tab ?? { width: 220, height: headerRef.current?.offsetHeight || 32, chrome: 0 };
      const size = { width: tab.width, height: tab.height };
      const spot = choosePlacement({ viewport, size, obstacles });
      next = {
        style: { left: spot.left, top: spot.top, bottom: 'auto' },
        bodyMaxHeight: undefined,
        yielded: !collapsed,
        hidden: !spot.free,
      };
    }
    if (!samePlacement(next, stateRef.current)) setState(next);
  }, [enabled, collapsed, panelRef, headerRef, measure]);

  // Right after a render that changed what is shown (open, tab), measure and place before the browser paints.
  useLayoutEffect(() => {
    if (!enabled) return;
    try {
      place();
    } catch (error) {
      console.warn('Mapping Guard could not place its panel.', error);
    }
  }, [enabled, collapsed, state.yielded, place]);

  // Every other trigger is coalesced into one frame, after the page has been quiet for a moment: a scroll or a resize
  // sends many events, and the host must not pay for a placement per frame. (A placement reads only the boxes of
  // controls in view: see collectObstacles.)
  useEffect(() => {
    if (!enabled) return;
    const listeners = new AbortController();
    const scheduler = createPlacementScheduler(place);
    dialogs.current = sharedDialogTracker(document, listeners.signal);
    watchPlacementTriggers(() => panelRef.current, scheduler.schedule, listeners.signal);
    const interval = collapsed
      ? undefined
      : setInterval(() => {
          if (document.visibilityState === 'visible') scheduler.schedule();
        }, RECHECK_OPEN_MS);
    return () => {
      listeners.abort();
      dialogs.current = undefined;
      if (interval !== undefined) clearInterval(interval);
      scheduler.cancel();
    };
  }, [enabled, collapsed, panelRef, place]);

  return state;
}

/** The body's usual height cap: the same as `.mg-body { max-height: min(50vh, 440px) }` in panel.css. */
function bodyCap(): number {
  return Math.min(window.innerHeight * 0.5, 440);
}

function samePlacement(a: PanelPlacementState, b: PanelPlacementState): boolean {
  return (
    a.style.left === b.style.left &&
    a.style.top === b.style.top &&
    a.bodyMaxHeight === b.bodyMaxHeight &&
    a.yielded === b.yielded &&
    a.hidden === b.hidden
  );
}
