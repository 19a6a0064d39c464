// Sync errors explained where Cin7 Core shows them (issue #16): the failed-transactions list, the sync history, a
// document's sync status. Nobody outside Cin7 has published where or how those pages show the Xero message, so the
// messages are found by their TEXT on any page: a cheap check of the page's text for fixed phrases of the known
// errors, and only then a walk of its text nodes. Each message gets a note beside it (cause, advice, fix link) and
// the panel lists the failed rows seen on this page, grouped by cause.
import { safeFixUrl } from '../../../components/ui/safe-url';
import { isEveryPage } from '../../../utils/cin7/page/routes';
import { isShown, mightShowSyncErrors } from '../../../utils/cin7/page/recognise';
import { NOT_MESSAGE_TEXT, ROW } from '../../../utils/cin7/page/selectors';
import { cleanText } from '../../../utils/cin7/page/dom-text';
import { explainWithFindings, groupRows, keepsFailingUntil, type ExplainMatch, type SeenRow } from '../../../utils/explain';
import type { Finding } from '../../../utils/audit/types';
import { MAX_SYNC_ERROR_TEXT, MAX_SYNC_ERRORS_SENT } from '../../../utils/protocol/actions';
import { BADGE_ATTRIBUTE, renderBadge, type BadgeSpec } from '../../../utils/overlay/badges';
import { defineFeature } from '../../../utils/overlay/feature-registry';
import type { Cin7FeatureEnv } from '../environment';
import { bodyText } from '../page-spotter';
import { causeInWords, subjectWords, SyncErrorsSection } from '../sections/SyncErrorsSection';

/** Badge keys of the notes: one badge per error the element holds (`sync-error-0`, `sync-error-1`, …). */
const BADGE_KEY = 'sync-error';
/** From the element holding the phrase, this many levels up at most to find the whole message. */
const MAX_CLIMB = 6;
/** A message and its prefixes fit in this; an element with more text is a container, not the message. */
const MAX_MESSAGE_TEXT = 2000;
/** Beyond this many messages on one page the rest are left alone (a pasted log, not a list to annotate). */
const MAX_MESSAGES = 300;

export interface SyncErrorFound {
  /** The smallest element whose own text the explainer recognises. */
  element: HTMLElement;
  /** Its text, as the explainer read it. */
  text: string;
  matches: ExplainMatch[];
}

/** The element's text without code, form values or our own notes; text nodes apart (cells, tags) stay apart. */
export function messageText(element: Element): string {
  const parts: string[] = [];
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === Node.TEXT_NODE ? NodeFilter.FILTER_ACCEPT : (node as Element).matches(NOT_MESSAGE_TEXT) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP,
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.nodeValue ?? '');
  return cleanText(parts.join(' '));
}

/** The elements that directly hold text with a sign phrase (the walk: text nodes, each parent read once). */
function elementsWithSigns(root: HTMLElement): HTMLElement[] {
  const checked = new Set<Element>();
  const found: HTMLElement[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => {
      if (node.nodeType !== Node.TEXT_NODE) return (node as Element).matches(NOT_MESSAGE_TEXT) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
      return node.nodeValue?.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
    },
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || checked.has(parent)) continue;
    checked.add(parent);
    // The parent's text, so that a phrase split by an inline tag ("has been <b>archived</b>") is still seen.
    if (mightShowSyncErrors((parent.textContent ?? '').toLowerCase())) found.push(parent);
  }
  return found;
}

/** Every known sync-error message under `root`, each at the smallest element holding it whole. */
export function findSyncErrors(root: HTMLElement = document.body, findings: readonly Finding[] = []): SyncErrorFound[] {
  const byElement = new Map<HTMLElement, { text: string; matches: ExplainMatch[] }>();
  for (const start of elementsWithSigns(root)) {
    let element: HTMLElement | null = start;
    for (let level = 0; element && level <= MAX_CLIMB && root.contains(element); level++, element = element.parentElement) {
      if (byElement.has(element)) break;
      const text = messageText(element);
      if (text.length > MAX_MESSAGE_TEXT) break;
      const { matches } = explainWithFindings(text, findings);
      if (matches.length > 0) {
        byElement.set(element, { text, matches });
        break;
      }
    }
    if (byElement.size >= MAX_MESSAGES) break;
  }
  const elements = [...byElement.keys()];
  // Two phrases of one message may climb to different levels: the inner element holds the message.
  return elements
    .filter((element) => !elements.some((other) => other !== element && element.contains(other)))
    .map((element) => ({ element, ...byElement.get(element)! }));
}

/** Where the note goes: beside the message, or beside what shows a hidden tooltip holding it. */
export function noteHost(element: HTMLElement): HTMLElement {
  let host = (element.closest('[role="tooltip"]')?.parentElement as HTMLElement | null) ?? element;
  while (host.parentElement && host !== host.ownerDocument.body && !isShown(host)) host = host.parentElement;
  return host;
}

export function noteSpec(match: ExplainMatch): BadgeSpec {
  const url = match.fix ? safeFixUrl(match.fix.url) : undefined;
  const until = keepsFailingUntil(match.cause, match.subject, match.related);
  return {
    tone: 'error',
    text: causeInWords(match.cause, match.subject),
    tooltip: until ? `${match.message} ${until}` : match.message,
    ...(url && match.fix ? { fix: { url, label: match.fix.label, newTab: match.fix.app !== 'cin7' } } : {}),
  };
}

/** Each note host with the matches of every message it holds notes for, in page order. */
export function notesByHost(found: readonly SyncErrorFound[]): Map<HTMLElement, ExplainMatch[]> {
  const byHost = new Map<HTMLElement, ExplainMatch[]>();
  for (const { element, matches } of found) {
    const host = noteHost(element);
    byHost.set(host, [...(byHost.get(host) ?? []), ...matches]);
  }
  return byHost;
}

/** Removes the notes `host` holds from `keep` on (all of them by default). */
function removeNotes(host: Element, keep = 0): void {
  for (const child of [...host.children]) {
    const key = child.getAttribute(BADGE_ATTRIBUTE) ?? '';
    if (key.startsWith(`${BADGE_KEY}-`) && Number(key.slice(BADGE_KEY.length + 1)) >= keep) child.remove();
  }
}

export { groupRows, type SeenRow } from '../../../utils/explain';

/** A match as the panel's groups keep it. */
export function seenMatch(match: ExplainMatch): SeenRow['matches'][number] {
  const until = keepsFailingUntil(match.cause, match.subject, match.related);
  return { cause: match.cause, words: subjectWords(match.subject), ...(match.fix ? { fix: match.fix } : {}), ...(until ? { until } : {}) };
}

export default defineFeature<Cin7FeatureEnv>({
  id: 'sync-errors',
  include: [isEveryPage],
  restartOn: 'never',
  init(signal, env) {
    /** Annotated message elements → their note host. */
    const notes = new Map<HTMLElement, HTMLElement>();
    /** The hosts holding notes now. */
    const hosts = new Set<HTMLElement>();
    /** The failed rows seen on this page so far, by their text (a row re-rendered by the grid is the same row). */
    const seen = new Map<string, SeenRow>();
    const rowKeys = new WeakMap<Element, string>();
    let page = location.href;
    let removeSection: (() => void) | null = null;
    let shownSignature = '';

    const forgetRow = (element: HTMLElement) => {
      const row = element.closest(ROW) ?? element;
      const key = rowKeys.get(row);
      if (key !== undefined) seen.delete(key);
      rowKeys.delete(row);
    };

    const showSection = () => {
      const groups = groupRows(seen.values());
      const signature = JSON.stringify(groups);
      if (signature === shownSignature) return;
      shownSignature = signature;
      removeSection?.();
      removeSection = null;
      if (seen.size === 0) return;
      removeSection = env.panel.setSection({
        id: 'sync-errors',
        title: 'Failed syncs on this page',
        order: 5,
        content: <SyncErrorsSection groups={groups} rows={seen.size} />,
      });
    };

    const update = () => {
      if (location.href !== page) {
        page = location.href;
        seen.clear();
      }
      const status = env.status.getState().status;
      // The findings that predict an error ("This will keep failing until …"): only those of this tab's own pair.
      const findings = status && (!status.tab || status.tab.state === 'bound') ? status.findings : [];
      const found = mightShowSyncErrors(bodyText()) ? findSyncErrors(document.body, findings) : [];
      const current = new Set(found.map((item) => item.element));
      for (const [element] of notes) {
        if (current.has(element)) continue;
        notes.delete(element);
        // A row still on the page whose message went away (fixed, re-synced) is no longer a failed row; one the grid
        // took away (scrolled, paged) stays seen.
        if (element.isConnected) forgetRow(element);
      }
      // Notes are numbered per HOST, not per message: two hidden messages under one visible cell share its notes.
      const byHost = notesByHost(found);
      for (const host of hosts) if (!byHost.has(host)) removeNotes(host);
      hosts.clear();
      for (const [host, matches] of byHost) {
        hosts.add(host);
        matches.forEach((match, index) => renderBadge(host, noteSpec(match), `${BADGE_KEY}-${index}`));
        removeNotes(host, matches.length);
      }
      for (const { element, matches } of found) {
        notes.set(element, noteHost(element));
        const row = element.closest(ROW) ?? element;
        const key = messageText(row);
        const oldKey = rowKeys.get(row);
        if (oldKey !== undefined && oldKey !== key) seen.delete(oldKey);
        rowKeys.set(row, key);
        seen.set(key, { matches: matches.map((match) => seenMatch(match)) });
      }
      report(found.map((item) => item.text));
      showSection();
    };

    /** Messages already sent to the background (which keeps them for the popup), for this page's life. */
    const sent = new Set<string>();
    const report = (texts: string[]) => {
      const fresh = [...new Set(texts)].filter((text) => !sent.has(text) && text.length <= MAX_SYNC_ERROR_TEXT).slice(0, MAX_SYNC_ERRORS_SENT);
      if (fresh.length === 0) return;
      if (sent.size > 2000) sent.clear();
      for (const text of fresh) sent.add(text);
      env.background.reportSyncErrors({ messages: fresh }).catch(() => undefined);
    };

    // Status changes can change "This will keep failing until …"; pages without an error text stay unwalked.
    env.watch(update, { waitMs: 500 });
    signal.addEventListener(
      'abort',
      () => {
        for (const host of hosts) removeNotes(host);
        hosts.clear();
        notes.clear();
        removeSection?.();
      },
      { once: true },
    );
  },
});
