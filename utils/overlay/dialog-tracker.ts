// The host page's dialogs, kept up to date from DOM changes instead of found by a whole-document query each time.
// Why: a selector of attributes only (`[role="dialog"]`) makes the browser visit every element; on a 5,000-row page
// that is several ms, and the panel's placement and Xero's dialog warnings asked after every scroll and change. Here
// the document is queried once per selector, then only what the page adds is looked at: work in proportion to the
// page's own. Dialogs moved deep inside a long grid are found like any other (added nodes are searched whole).
// (A live `getElementsByClassName` list is no cheaper: any change to the page voids it, and the next read walks
// the whole document again; on the long chart that was a third of the overlay's time.)
import { HOST_DIALOG_SELECTOR } from './obstacles';

/** Returns the tracked dialogs in document order (as a query would): connected and still matching `selector`. */
export type DialogLookup = () => Element[];

interface Tracker {
  /** Tracks `selector` too (one query of the document the first time). */
  watch(selector: string): void;
  lookup(selector: string): Element[];
}

function createTracker(doc: Document, signal: AbortSignal): Tracker {
  const selectors = new Set<string>();
  let union = '';
  const found = new Set<Element>();
  const consider = (node: Node) => {
    if (node.nodeType !== Node.ELEMENT_NODE || !union) return;
    const element = node as Element;
    if (element.matches(union)) found.add(element);
    if (element.firstElementChild) for (const inner of element.querySelectorAll(union)) found.add(inner);
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
  return {
    watch(selector) {
      if (selectors.has(selector)) return;
      // What the page changed before this selector was known is in the query below.
      take(observer.takeRecords());
      selectors.add(selector);
      union = [...selectors].join(',');
      for (const element of doc.querySelectorAll(selector)) found.add(element);
    },
    lookup(selector) {
      // Changes not yet delivered to the observer (made in this same task) count too.
      take(observer.takeRecords());
      const dialogs: Element[] = [];
      for (const element of found) {
        if (!element.isConnected || !element.matches(union)) found.delete(element);
        else if (element.matches(selector)) dialogs.push(element);
      }
      return dialogs.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    },
  };
}

/** Tracks the elements matching `selector` (a dialog selector: few elements, rarely added). */
export function trackDialogs(doc: Document, selector: string, signal: AbortSignal): DialogLookup {
  const tracker = createTracker(doc, signal);
  tracker.watch(selector);
  return () => tracker.lookup(selector);
}

interface SharedTracker {
  tracker: Tracker;
  users: number;
  stop: AbortController;
}

const shared = new WeakMap<Document, SharedTracker>();

/**
 * One tracker per document for every feature that asks (panel placement: HOST_DIALOG_SELECTOR; Xero's dialog
 * warnings: its popups, Ext JS windows included): one observer of the page instead of one each. It stops when the
 * last user's signal aborts.
 */
export function sharedDialogTracker(doc: Document, signal: AbortSignal, selector = HOST_DIALOG_SELECTOR): DialogLookup {
  if (signal.aborted) return () => [...doc.querySelectorAll(selector)];
  let entry = shared.get(doc);
  if (!entry) {
    const stop = new AbortController();
    entry = { tracker: createTracker(doc, stop.signal), users: 0, stop };
    shared.set(doc, entry);
  }
  const current = entry;
  current.users++;
  current.tracker.watch(selector);
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
  return () => current.tracker.lookup(selector);
}
