// The host page's dialogs, kept up to date from DOM changes instead of found by a whole-document query each time.
// Why: a selector of attributes only (`[role="dialog"]`) makes the browser visit every element; on a 5,000-row page
// that is several ms, and the panel's placement and Xero's dialog warnings asked after every scroll and change. Here
// the document is queried once, then only what the page adds is looked at: work in proportion to the page's own.
// Dialogs moved deep inside a long grid are found like any other (added nodes are searched whole).

/** Returns the tracked dialogs in document order (as a query would): connected and still matching `selector`. */
export type DialogLookup = () => Element[];

export function trackDialogs(doc: Document, selector: string, signal: AbortSignal): DialogLookup {
  const found = new Set<Element>(doc.querySelectorAll(selector));
  const consider = (node: Node) => {
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const element = node as Element;
    if (element.matches(selector)) found.add(element);
    if (element.firstElementChild) for (const inner of element.querySelectorAll(selector)) found.add(inner);
  };
  const take = (records: MutationRecord[]) => {
    for (const record of records) {
      if (record.type === 'childList') record.addedNodes.forEach(consider);
      // A role or `open` set on an element already in the page (removals are noticed when asked).
      else consider(record.target);
    }
  };
  const observer = new MutationObserver(take);
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['role', 'open', 'aria-modal'] });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  return () => {
    // Changes not yet delivered to the observer (made in this same task) count too.
    take(observer.takeRecords());
    const dialogs: Element[] = [];
    for (const element of found) {
      if (element.isConnected && element.matches(selector)) dialogs.push(element);
      else found.delete(element);
    }
    return dialogs.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  };
}
