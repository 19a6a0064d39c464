// Reading visible text and values from Xero's pages, skipping scripts and our own nodes. Shared by the readers.
import { NOT_CONTENT_TEXT } from './selectors';

/** Collapses whitespace (including non-breaking spaces) and trims. */
export function cleanText(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
}

/** The text a user sees in `element`, without scripts, hidden parts or Mapping Guard's own badges. */
export function visibleText(element: Element): string {
  const parts: string[] = [];
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.closest(NOT_CONTENT_TEXT)) continue;
    parts.push(node.nodeValue ?? '');
  }
  return cleanText(parts.join(' '));
}

/** Lower-case words only, for comparing labels and headings ("Tax Rate" = "tax rate:"). */
export function normalise(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** The value a control shows: the chosen option's text, an input's value, a combo box's value text. */
export function controlValue(control: Element): string {
  if (control instanceof HTMLSelectElement) {
    const option = control.selectedIndex >= 0 ? control.options[control.selectedIndex] : undefined;
    return cleanText(option?.textContent ?? '');
  }
  if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) return cleanText(control.value);
  const input = control.querySelector('input');
  return cleanText(control.getAttribute('aria-valuetext') ?? (input ? input.value : control.textContent));
}

/** The raw value of a select (the API code, e.g. `DIRECTCOSTS`), or null for other controls. */
export function selectCode(control: Element): string | null {
  return control instanceof HTMLSelectElement && control.selectedIndex >= 0 ? (control.options[control.selectedIndex]?.value ?? null) : null;
}
