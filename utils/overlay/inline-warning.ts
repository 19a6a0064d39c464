// A warning box placed inside the host page (a dialog, above a table): plain DOM, text only, marked as ours so the
// observers skip it, inline styles because our stylesheet lives in a shadow root.
import { markOwnNode } from './observe';

export const WARNING_ATTRIBUTE = 'data-mg-warning';

/** Puts (or updates) the warning as the first child of `host`; removes it when `lines` is empty. */
export function renderInlineWarning(host: Element, key: string, lines: readonly string[], heading = 'Mapping Guard: Cin7 Core depends on this account'): HTMLElement | null {
  const existing = [...host.children].find((child): child is HTMLElement => child instanceof HTMLElement && child.getAttribute(WARNING_ATTRIBUTE) === key);
  if (lines.length === 0) {
    existing?.remove();
    return null;
  }
  const signature = JSON.stringify([heading, ...lines]);
  if (existing?.dataset.mgSignature === signature) return existing;
  const box = existing ?? markOwnNode(host.ownerDocument.createElement('div'));
  box.setAttribute(WARNING_ATTRIBUTE, key);
  box.setAttribute('role', 'alert');
  box.dataset.mgSignature = signature;
  // A max width: long lines must not widen the host's dialog (and push its buttons under our panel).
  box.style.cssText =
    'box-sizing:border-box;max-width:30rem;margin:0 0 12px;padding:10px 12px;border:1px solid #f59e0b;border-left:4px solid #d97706;background:#fffbeb;color:#78350f;font:13px/1.45 system-ui,sans-serif;border-radius:4px';
  const title = host.ownerDocument.createElement('strong');
  title.textContent = heading;
  title.style.cssText = 'display:block;margin-bottom:4px';
  const paragraphs = lines.map((line) => {
    const paragraph = host.ownerDocument.createElement('p');
    paragraph.textContent = line;
    paragraph.style.cssText = 'margin:2px 0';
    return paragraph;
  });
  box.replaceChildren(title, ...paragraphs);
  if (!existing) host.prepend(box);
  return box;
}

export function removeInlineWarnings(root: ParentNode, key?: string): void {
  const selector = key ? `[${WARNING_ATTRIBUTE}="${CSS.escape(key)}"]` : `[${WARNING_ATTRIBUTE}]`;
  for (const box of root.querySelectorAll(selector)) box.remove();
}
