// "Copy page structure" for bug reports when a reader cannot read a page: tags, ARIA roles and labels (column
// headers, <label>/<legend> text, aria-label) only. No values: cell text, options, inputs and ids are left out,
// so nothing of the customer's data leaves the page.
import { labelText } from './dom-text';

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'svg', 'PATH', 'path', 'OPTION', 'LINK', 'META']);
const LABEL_ELEMENTS = 'label, legend, th, [role="columnheader"], caption, h1, h2, h3, h4';

export interface StructureOptions {
  maxDepth?: number;
  maxLines?: number;
  /** Repeated sibling rows beyond this many are summarised ("… 4,980 more <tr>"). */
  maxRepeats?: number;
}

export function describePageStructure(root: Element, options: StructureOptions = {}): string {
  const { maxDepth = 40, maxLines = 1500, maxRepeats = 3 } = options;
  const lines: string[] = [];
  const visit = (element: Element, depth: number) => {
    if (lines.length >= maxLines || SKIPPED.has(element.tagName) || element.hasAttribute('data-mg-own')) return;
    lines.push(`${'  '.repeat(depth)}${describeElement(element)}`);
    if (depth >= maxDepth) return;
    let previousTag = '';
    let repeats = 0;
    const children = [...element.children];
    for (const [index, child] of children.entries()) {
      const signature = `${child.tagName}|${child.getAttribute('role') ?? ''}`;
      repeats = signature === previousTag ? repeats + 1 : 0;
      previousTag = signature;
      if (repeats === maxRepeats) {
        const rest = children.slice(index).filter((sibling) => `${sibling.tagName}|${sibling.getAttribute('role') ?? ''}` === signature).length;
        lines.push(`${'  '.repeat(depth + 1)}… ${rest} more <${child.tagName.toLowerCase()}>`);
      }
      if (repeats >= maxRepeats) continue;
      visit(child, depth + 1);
    }
  };
  visit(root, 0);
  if (lines.length >= maxLines) lines.push('… (truncated)');
  return lines.join('\n');
}

function describeElement(element: Element): string {
  const parts = [element.tagName.toLowerCase()];
  const role = element.getAttribute('role');
  if (role) parts.push(`role=${role}`);
  const type = element.getAttribute('type');
  if (element.tagName === 'INPUT' && type) parts.push(`type=${type}`);
  const ariaLabel = element.getAttribute('aria-label');
  if (ariaLabel) parts.push(`aria-label=${JSON.stringify(ariaLabel.slice(0, 80))}`);
  if (element.matches(LABEL_ELEMENTS)) {
    const text = labelText(element).slice(0, 80);
    if (text) parts.push(`label=${JSON.stringify(text)}`);
  }
  return parts.join(' ');
}
