// The host page's controls and dialogs that the panel must not cover, as viewport rectangles. Generic on purpose:
// anything a user can click, type in or tab to, on any page of either app, plus open dialogs as a whole.
import { isOwnNode, OWN_NODE_ATTRIBUTE } from './observe';
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

/** Element names HOST_CONTROL_SELECTOR can match without an attribute below (`localName`: SVG's `a` too). */
const CONTROL_NAMES = new Set(['a', 'button', 'input', 'select', 'textarea', 'summary', 'label']);

/**
 * A cheap first look before the selector: most of a page is plain divs, spans and cells, and matching the whole
 * control selector against each was most of a placement's cost after every scroll of a long chart.
 */
function mayBeControl(element: Element): boolean {
  return CONTROL_NAMES.has(element.localName) || element.hasAttribute('role') || element.hasAttribute('tabindex') || element.hasAttribute('contenteditable');
}

/** Sibling lists longer than this are searched for the part in view instead of walked whole. */
const LONG_LIST = 48;

/**
 * Every obstacle in the viewport. Walks the page, but a long list of siblings (the rows of a grid) is cut down to
 * the rows in view by a binary search on their boxes, so a 5,000-row grid costs a few dozen box reads, not tens
 * of thousands. Dialogs may sit anywhere: they come from `dialogs` (a trackDialogs lookup) when given, else from a
 * query of the whole document.
 */
export function collectObstacles(root: ParentNode = document, viewport = viewportSize(), dialogs?: Iterable<Element>): Rect[] {
  const obstacles: Rect[] = [];
  const node = root as Node;
  const start = node.nodeType === Node.DOCUMENT_NODE ? (node as Document).body : node.nodeType === Node.ELEMENT_NODE ? (node as Element) : null;
  if (start) visit(start, viewport, obstacles);
  for (const element of dialogs ?? root.querySelectorAll(HOST_DIALOG_SELECTOR)) {
    const rect = obstacleRect(element, true, viewport);
    if (rect) obstacles.push(rect);
  }
  return obstacles;
}

function visit(element: Element, viewport: { width: number; height: number }, obstacles: Rect[]): void {
  if (element.hasAttribute(OWN_NODE_ATTRIBUTE)) return;
  if (mayBeControl(element) && element.matches(HOST_CONTROL_SELECTOR)) {
    const rect = obstacleRect(element, false, viewport);
    if (rect) obstacles.push(rect);
  }
  const children = element.children;
  const [from, to] = children.length > LONG_LIST ? rowsInView(children, viewport.height) : [0, children.length];
  for (let index = from; index < to; index++) visit(children[index] as Element, viewport, obstacles);
}

/**
 * The index range [from, to) of `children` whose boxes may reach into the viewport, when they are stacked top to
 * bottom (rows); the whole range when they are not, or when that cannot be told.
 */
function rowsInView(children: HTMLCollection, viewportHeight: number): [number, number] {
  const count = children.length;
  const top = (index: number) => children[index]?.getBoundingClientRect();
  // A hidden row has an all-zero box: probe the next visible one instead (`step` -1 searches backwards).
  const probe = (index: number, step = 1) => {
    for (let tries = 0; tries < 8 && index >= 0 && index < count; tries++, index += step) {
      const rect = top(index);
      if (rect && (rect.width > 0 || rect.height > 0)) return rect;
    }
    return null;
  };
  // Only a vertical stack can be searched: first above middle above last, each box with a height. (Visible rows:
  // a hidden first row reads as top 0, below every row scrolled past, and the whole list was walked.)
  const first = probe(0);
  const last = probe(count - 1, -1);
  const middle = probe(count >> 1);
  if (!first || !last || !middle || !(first.top <= middle.top && middle.top <= last.top && first.top < last.top)) return [0, count];
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >> 1;
    const rect = probe(mid);
    if (!rect) return [0, count];
    if (rect.bottom <= 0) low = mid + 1;
    else high = mid;
  }
  const from = Math.max(0, low - 1);
  low = from;
  high = count;
  while (low < high) {
    const mid = (low + high) >> 1;
    const rect = probe(mid);
    if (!rect) return [0, count];
    if (rect.top < viewportHeight) low = mid + 1;
    else high = mid;
  }
  return [from, Math.min(count, low + 8)];
}

/** The layout viewport without scrollbars: the panel must not cover the page's scrollbar either. */
export function viewportSize(): { width: number; height: number } {
  const root = document.documentElement;
  return { width: root.clientWidth || window.innerWidth, height: root.clientHeight || window.innerHeight };
}
