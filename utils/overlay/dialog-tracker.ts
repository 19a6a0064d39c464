// The host page's dialogs, kept up to date from DOM changes instead of found by a whole-document query each time.
// Why: a selector of attributes only (`[role="dialog"]`) makes the browser visit every element; on a 5,000-row page
// that is several ms, and the panel's placement and Xero's dialog warnings asked after every scroll and change. Here
// the document is queried once, then only what the page adds is looked at: work in proportion to the page's own.
// Dialogs moved deep inside a long grid are found like any other (added nodes are searched whole).
import { HOST_DIALOG_SELECTOR } from './obstacles';

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

interface SharedTracker {
  lookup: DialogLookup;
  users: number;
  stop: AbortController;
}

const shared = new WeakMap<Document, SharedTracker>();

/**
 * One tracker of HOST_DIALOG_SELECTOR per document for every feature that asks (panel placement, Xero's dialog
 * warnings): one observer of the page instead of one each. It stops when the last user's signal aborts.
 */
export function sharedDialogTracker(doc: Document, signal: AbortSignal): DialogLookup {
  if (signal.aborted) return () => [...doc.querySelectorAll(HOST_DIALOG_SELECTOR)];
  let tracker = shared.get(doc);
  if (!tracker) {
    const stop = new AbortController();
    tracker = { lookup: trackDialogs(doc, HOST_DIALOG_SELECTOR, stop.signal), users: 0, stop };
    shared.set(doc, tracker);
  }
  const current = tracker;
  current.users++;
  signal.addEventListener(
    'abort',
    () => {
      current.users--;
      if (current.users > 0) return;
      current.stop.abort();
      if (shared.get(doc) === current) shared.delete(doc);
    },
    { once: true },
  );
  return current.lookup;
}
