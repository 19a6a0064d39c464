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

export function collectObstacles(root: ParentNode = document, viewport = viewportSize()): Rect[] {
  const obstacles: Rect[] = [];
  const viewportArea = viewport.width * viewport.height;
  const consider = (element: Element, isDialog: boolean) => {
    const rect = element.getBoundingClientRect();
    if (rect.width <= 0 || rect.height <= 0) return;
    if (rect.right <= 0 || rect.bottom <= 0 || rect.left >= viewport.width || rect.top >= viewport.height) return;
    if (!isDialog && rect.width * rect.height > viewportArea * CONTAINER_SHARE) return;
    if (isOwnNode(element)) return;
    if (element.checkVisibility && !element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return;
    obstacles.push({ left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom });
  };
  for (const element of root.querySelectorAll(HOST_CONTROL_SELECTOR)) consider(element, false);
  for (const element of root.querySelectorAll(HOST_DIALOG_SELECTOR)) consider(element, true);
  return obstacles;
}

/** The layout viewport without scrollbars: the panel must not cover the page's scrollbar either. */
export function viewportSize(): { width: number; height: number } {
  const root = document.documentElement;
  return { width: root.clientWidth || window.innerWidth, height: root.clientHeight || window.innerHeight };
}
