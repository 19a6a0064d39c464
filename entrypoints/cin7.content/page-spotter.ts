// Runs a page's reader while the page shows that page, on any URL: Cin7 Core's Account Mapping, Chart of Accounts
// and General Settings have no published URL and live in hub pages whose tabs switch in place. Cost on other pages:
// one text check of the body at start (shared by the features through a short-lived cache), then only the text of
// nodes the page adds, at most once per `waitMs`; the full read runs only when that cheap check passes.
import { isShown, mightShow, readPageElements, signScore, type Cin7PageKind } from '../../utils/cin7/page/recognise';
import { createOverlayEnv, type OverlayEnv } from '../../utils/overlay/overlay-env';
import { isOwnNode } from '../../utils/overlay/observe';
import type { ActionName } from '../../utils/protocol/actions';

/** Added nodes kept for one check; beyond this the whole body is checked instead. */
const MAX_PENDING_NODES = 300;
/** Attribute changes that show or hide a tab's content already in the DOM. */
const TAB_ATTRIBUTES = ['aria-selected', 'aria-hidden', 'hidden', 'aria-expanded'];

let bodyTextCache: { body: HTMLElement | null; at: number; text: string } | null = null;

/** The body's text, lower case; one read serves every feature checking within the same moment. */
export function bodyText(now = performance.now()): string {
  const body = document.body as HTMLElement | null;
  if (bodyTextCache && bodyTextCache.body === body && now - bodyTextCache.at < 100) return bodyTextCache.text;
  bodyTextCache = { body, at: now, text: (body?.textContent ?? '').toLowerCase() };
  return bodyTextCache.text;
}

export interface SpotOptions<A extends ActionName> {
  page: Cin7PageKind;
  env: OverlayEnv<A>;
  featureId: string;
  signal: AbortSignal;
  /** Runs while the page shows `page`, with an environment whose helpers stop when it no longer does. */
  whileShown(signal: AbortSignal, env: OverlayEnv<A>): void;
  /** The full read (default: the page's reader found its rows or field); runs only after the cheap check. */
  read?: () => boolean;
  waitMs?: number;
}

/** An environment like `env` whose watch/listen/guard stop with `signal`. */
function scopedEnv<A extends ActionName>(env: OverlayEnv<A>, featureId: string, signal: AbortSignal): OverlayEnv<A> {
  return createOverlayEnv({ url: env.url, ctx: env.ctx, panel: env.panel, status: env.status, background: env.background, featureId, signal });
}

/** The page shows `page`: the cheap check on the body, then the full read. */
export function pageShows(page: Cin7PageKind, read = () => readPageElements(page) !== null): boolean {
  return mightShow(page, bodyText()) && read();
}

/** Whether the elements proving `page` are visible (hidden tabs are not what the user looks at). */
export function pageVisible(page: Cin7PageKind): boolean {
  return (readPageElements(page) ?? []).some(isShown);
}

export function spotPage<A extends ActionName>(options: SpotOptions<A>): void {
  const { page, env, featureId, signal, read, waitMs = 500 } = options;
  let shown: AbortController | null = null;
  let pending: Node[] = [];
  let checkBody = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const start = () => {
    shown = new AbortController();
    const stop = () => shown?.abort();
    signal.addEventListener('abort', stop, { once: true });
    shown.signal.addEventListener('abort', () => signal.removeEventListener('abort', stop), { once: true });
    options.whileShown(shown.signal, scopedEnv(env, featureId, shown.signal));
  };

  const check = env.guard(() => {
    timer = undefined;
    if (signal.aborted) return;
    if (shown) {
      // Showing: stop once the page's labels are gone (another tab, another page); the reader handles the rest.
      if (!mightShow(page, bodyText())) {
        shown.abort();
        shown = null;
      }
      return;
    }
    const added = checkBody ? null : pending.map((node) => node.textContent ?? '').join('\n').toLowerCase();
    pending = [];
    checkBody = false;
    // One label in the added text is enough to look at the whole body (rows may arrive in several batches).
    if (added !== null && signScore(page, added) === 0) return;
    if (pageShows(page, read)) start();
  });

  const schedule = () => {
    if (timer === undefined) timer = setTimeout(check, waitMs);
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (isOwnNode(record.target)) continue;
      // The page changed: the next check reads the body again (the checks after it share that read).
      bodyTextCache = null;
      if (record.type === 'attributes') checkBody = true;
      else if (record.type === 'characterData') pending.push(record.target);
      else for (const node of record.addedNodes) if (!isOwnNode(node)) pending.push(node);
    }
    if (pending.length > MAX_PENDING_NODES) {
      pending = [];
      checkBody = true;
    }
    if (checkBody || pending.length > 0 || shown) schedule();
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributeFilter: TAB_ATTRIBUTES });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      if (timer !== undefined) clearTimeout(timer);
    },
    { once: true },
  );
  env.guard(() => {
    if (pageShows(page, read)) start();
  })();
}
