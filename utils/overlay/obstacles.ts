// The host page's controls and dialogs that the panel must not cover, as viewport rectangles. Generic on purpose:
// anything a user can click, type in or tab to, on any page of either app, plus open dialogs as a whole.
import { isOwnNode } from './observe';
import type { Rect } from './placement';

export const HOST_CONTROL_SELECTOR = [
  'a[href]',
  'button',
  'input:not([type="hidden"])',
  'select',
  'textarea',
  'summary',
  'label[for]',
  '[contenteditable=""]',
  '[contenteditable="true"]',
  '[tabindex]:not([tabindex="-1"])',
  ...['button', 'link', 'checkbox', 'radio', 'switch', 'combobox', 'textbox', 'searchbox', 'slider', 'spinbutton', 'tab', 'menuitem', 'option'].map(
    (role) => `[role="${role}"]`,
  ),
].join(',');

export const HOST_DIALOG_SELECTOR = 'dialog[open],[role="dialog"],[role="alertdialog"],[aria-modal="true"]';

/** A focusable element this much of the viewport or larger is a container (a grid, the app shell), not a control. */
const CONTAINER_SHARE = 0.3;

/** The rectangle of `element` when it is an obstacle: visible, in the viewport, not ours, not a big container. */
function obstacleRect(element: Element, isDialog: boolean, viewport: { width: number; height: number }): Rect | null {
  const rect = element.getBoundingClientRect();
  if (rect.width <= 0 || rect.height <= 0) return null;
  if (rect.right <= 0 || rect.bottom <= 0 || rect.left >= viewport.width || rect.top >= viewport.height) return null;
  if (!isDialog && rect.width * rect.height > viewport.width * viewport.height * CONTAINER_SHARE) return null;
  if (isOwnNode(element)) return null;
  if (element.checkVisibility && !element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return null;
  return { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
}

/** Every obstacle in the viewport. Reads every control's box: meant for when something changed, not per frame. */
export function collectObstacles(root: ParentNode = document, viewport = viewportSize()): Rect[] {
  const obstacles: Rect[] = [];
  for (const element of root.querySelectorAll(HOST_CONTROL_SELECTOR)) {
    const rect = obstacleRect(element, false, viewport);
    if (rect) obstacles.push(rect);
  }
  for (const element of root.querySelectorAll(HOST_DIALOG_SELECTOR)) {
    const rect = obstacleRect(element, true, viewport);
    if (rect) obstacles.push(rect);
  }
  return obstacles;
}

/**
 * Whether any host control or dialog lies under `area`, by hit-testing a grid of points (every `stepPx`, edges
 * included) through the whole stack at each point. Cheap enough to run after every scroll, unlike
 * `collectObstacles` on a page with thousands of rows; controls smaller than the step can slip between points.
 */
export function controlsUnder(area: Rect, options: { stepPx?: number; viewport?: { width: number; height: number } } = {}): boolean {
  if (typeof document.elementsFromPoint !== 'function') return false;
  const step = options.stepPx ?? 12;
  const viewport = options.viewport ?? viewportSize();
  const checked = new Set<Element>();
  for (const y of samplePoints(area.top, area.bottom, step)) {
    for (const x of samplePoints(area.left, area.right, step)) {
      for (const element of document.elementsFromPoint(x, y)) {
        if (checked.has(element)) continue;
        checked.add(element);
        const isDialog = element.matches(HOST_DIALOG_SELECTOR);
        if (!isDialog && !element.matches(HOST_CONTROL_SELECTOR)) continue;
        if (obstacleRect(element, isDialog, viewport)) return true;
      }
    }
  }
  return false;
}

/** Points from `from` to `to`, `step` apart, always including both ends (1 px inside). */
function samplePoints(from: number, to: number, step: number): number[] {
  const first = from + 1;
  const last = to - 1;
  if (last <= first) return [Math.round((from + to) / 2)];
  const points: number[] = [];
  for (let point = first; point < last; point += step) points.push(point);
  points.push(last);
  return points;
}

/** The layout viewport without scrollbars: the panel must not cover the page's scrollbar either. */
export function viewportSize(): { width: number; height: number } {
  const root = document.documentElement;
  return { width: root.clientWidth || window.innerWidth, height: root.clientHeight || window.innerHeight };
}
