// Puts the floating panel in the browser's top layer (Popover API, `manual`: no light dismiss, focus untouched).
// Why: a position: fixed element above a long scrolled page makes Chromium re-record more of the page on every
// scroll frame; on the sandbox's 5,000-row grid that was about a quarter more paint work for the host, while a
// top-layer element is painted apart from the document and costs the host nothing measurable. The top layer is
// also out of reach of the host's z-indexes and of a transform on <body>. Where the API is missing (older
// browsers, test DOMs) or refuses, the panel stays an ordinary fixed element: same look, same placement.
import { useLayoutEffect, type RefObject } from 'react';
import { enterTopLayer, type PopoverElement } from './top-layer';

/** Shows `ref`'s element as a manual popover for as long as the component is mounted; returns nothing. */
export function useTopLayer(ref: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const element = ref.current as PopoverElement | null;
    if (!element || !enterTopLayer(element)) return;
    return () => {
      try {
        element.hidePopover?.();
      } catch {
        // Already hidden (the element left the document first).
      }
      element.removeAttribute('popover');
    };
  }, [ref]);
}

