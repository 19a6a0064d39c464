// Which Cin7 Core organisation a page shows. One login can hold several organisations on the same host
// (`/Home/Organisation?ID=` switches; research/fidelity.md), and the real header's markup is unknown, so this reads
// by content: the short visible texts of the app's top bar (and the page title's parts). The background keeps the
// one that equals a connected account's company name (`me.Company`); this module never decides which one it is.
import { cleanText, controlValue } from './dom-text';
import { HEADER_REGION, HIDDEN_CONTENT, MAIN_CONTENT, ROW_CONTAINER } from './selectors';

/** The protocol's bounds (utils/protocol/shapes.ts `tabIdentitySchema`). */
export const MAX_TEXTS = 40;
export const MAX_TEXT_LENGTH = 120;
/** Elements looked at per page: a top bar is small; a page that makes everything a "header" stays cheap. */
const MAX_ELEMENTS = 600;

/** Not hidden by markup or style, looking up to `upTo` (a region already known to be shown) or the root. */
function shown(element: Element, upTo?: Element): boolean {
  if (element.closest(HIDDEN_CONTENT)) return false;
  const view = element.ownerDocument.defaultView;
  for (let node: Element | null = element; node && node !== upTo; node = node.parentElement) {
    const style = view?.getComputedStyle(node);
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
  }
  return true;
}

/** The text an element shows as one piece: its whole text when short, a control's chosen value, its accessible name. */
function textsOf(element: Element): string[] {
  if (element.matches('select, [role="combobox"]')) return [controlValue(element)];
  const texts = [cleanText(element.textContent)];
  for (const attribute of ['aria-label', 'title']) texts.push(cleanText(element.getAttribute(attribute)));
  return texts;
}

/** Parts of a title such as "Dashboard - Acme Ltd" or "Acme Ltd | Cin7 Core". */
function titleParts(title: string): string[] {
  return [cleanText(title), ...title.split(/\s+[-–|]\s+/).map(cleanText)];
}

/**
 * The page's header regions in document order, outermost only (a region inside another is read with it), outside the
 * page's own content and grids. A walk that skips those subtrees whole: asked of the whole document, the header
 * selector's class and id matching ran on every cell of a 5,000-row grid, tens of ms on each identification.
 */
function headerRegions(doc: Document): Element[] {
  const regions: Element[] = [];
  const root = doc.documentElement;
  if (!root) return regions;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT, (node) => {
    const element = node as Element;
    if (element.matches(MAIN_CONTENT) || element.matches(ROW_CONTAINER) || element.matches(HIDDEN_CONTENT)) return NodeFilter.FILTER_REJECT;
    if (!element.matches(HEADER_REGION)) return NodeFilter.FILTER_SKIP;
    regions.push(element);
    return NodeFilter.FILTER_REJECT;
  });
  while (walker.nextNode());
  return regions;
}

/** Short visible texts of the page's top bar and title, deduplicated and bounded: candidates for the company name. */
export function readHeaderTexts(doc: Document): string[] {
  const texts = new Set<string>();
  const add = (text: string) => {
    if (texts.size < MAX_TEXTS && text.length >= 2 && text.length <= MAX_TEXT_LENGTH) texts.add(text);
  };
  let looked = 0;
  for (const region of headerRegions(doc)) {
    if (!shown(region)) continue;
    for (const element of [region, ...region.querySelectorAll('*')]) {
      if (++looked > MAX_ELEMENTS || texts.size >= MAX_TEXTS) break;
      if (element !== region && !shown(element, region)) continue;
      for (const text of textsOf(element)) add(text);
    }
  }
  for (const part of titleParts(doc.title)) add(part);
  return [...texts];
}
