// The top layer without React (the start script's first frame uses it too): see useTopLayer.ts for why the panel
// lives there.

export type PopoverElement = HTMLElement & { showPopover?: () => void; hidePopover?: () => void };

/** Shows `element` as a manual popover; false (and left an ordinary element) where the API is missing or refuses. */
export function enterTopLayer(element: PopoverElement): boolean {
  if (typeof element.showPopover !== 'function') return false;
  element.setAttribute('popover', 'manual');
  try {
    element.showPopover();
    return true;
  } catch {
    // e.g. not connected yet, or a host page that patched the API: a fixed element is fine too.
    element.removeAttribute('popover');
    return false;
  }
}
