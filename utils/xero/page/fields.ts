// Form fields by their label text: `<label for>`, a label wrapping its control, or an `aria-label`.
import { FIELD_LABEL, VALUE_CONTROL } from './selectors';
import { cleanText, normalise } from './dom-text';

/** A label's own words, without the text of controls it wraps (a select's options, an input's value). */
export function labelOwnText(label: Element): string {
  const parts: string[] = [];
  const walker = label.ownerDocument.createTreeWalker(label, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.closest('select, option, textarea, button, script, style, [aria-hidden="true"], [data-mg-own]')) continue;
    parts.push(node.nodeValue ?? '');
  }
  return cleanText(parts.join(' '));
}

/** The control labelled `wanted` (normalised, or a predicate on the normalised label) inside `root`, or null. */
export function controlByLabel(root: ParentNode & Node, wanted: string | ((label: string) => boolean)): HTMLElement | null {
  const matches = typeof wanted === 'string' ? (label: string) => label === wanted : wanted;
  for (const label of root.querySelectorAll<HTMLLabelElement>(FIELD_LABEL)) {
    if (!matches(normalise(labelOwnText(label)))) continue;
    const id = label.getAttribute('for');
    const byId = id ? (root.ownerDocument ?? (root as Document)).getElementById(id) : null;
    if (byId && root.contains(byId)) return byId;
    const inner = label.querySelector<HTMLElement>(VALUE_CONTROL);
    if (inner) return inner;
    // "label then control" rows without `for`.
    const next = label.nextElementSibling;
    if (next?.matches(VALUE_CONTROL)) return next as HTMLElement;
  }
  for (const control of root.querySelectorAll<HTMLElement>(VALUE_CONTROL)) {
    const aria = control.getAttribute('aria-label');
    if (aria && matches(normalise(aria))) return control;
  }
  return null;
}
