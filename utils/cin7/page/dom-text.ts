// Reading text and chosen values from the host page, by structure. Shared by the Cin7 readers.
import { CELL, NOT_LABEL_TEXT, VALUE_CONTROL } from './selectors';

/** Collapses whitespace (including non-breaking spaces) and trims. */
export function cleanText(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
}

/** The visible label text of `element`: its text without form controls, option lists, buttons or our own nodes. */
export function labelText(element: Element): string {
  const parts: string[] = [];
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.closest(NOT_LABEL_TEXT)) continue;
    parts.push(node.nodeValue ?? '');
  }
  return cleanText(parts.join(' '));
}

/** Texts shown for "nothing chosen" by selects and combo boxes. */
const PLACEHOLDER = /^(?:-+|—|none|not mapped|not set|unmapped|select(?: an?)?(?: account)?(?:\.\.\.|…)?|please select.*|choose.*)$/i;

export function isPlaceholder(text: string): boolean {
  return text === '' || PLACEHOLDER.test(text);
}

/** The value a control shows: the selected option's text, an input's value, a combo box's value text. */
export function controlValue(control: Element): string {
  let text = '';
  if (control instanceof HTMLSelectElement) {
    // selectedIndex follows script-set values too (some DOMs keep a stale selectedOptions).
    const option = control.selectedIndex >= 0 ? control.options[control.selectedIndex] : undefined;
    text = option && option.value !== '' ? cleanText(option.textContent) : '';
    if (option && option.value !== '' && !text) text = cleanText(option.value);
  } else if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) {
    text = cleanText(control.value);
  } else {
    const input = control.querySelector('input');
    text = cleanText(control.getAttribute('aria-valuetext') ?? (input ? input.value : control.textContent));
  }
  return isPlaceholder(text) ? '' : text;
}

/** The value shown in a grid/table cell: a control's value when it has one, else its text. */
export function cellValue(cell: Element): string {
  const control = cell.matches(VALUE_CONTROL) ? cell : cell.querySelector(VALUE_CONTROL);
  if (control) return controlValue(control);
  const text = labelText(cell);
  return isPlaceholder(text) ? '' : text;
}

/** The cells of a row: its cell children, or (ARIA grids built of divs) cells whose nearest row is this row. */
export function cellsOf(row: Element): Element[] {
  const direct = [...row.children].filter((child) => child.matches(CELL));
  if (direct.length > 0) return direct;
  return [...row.querySelectorAll(CELL)].filter((cell) => cell.parentElement?.closest('[role="row"], tr') === row);
}
