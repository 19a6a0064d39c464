// Arrival highlight: a fix link may carry `mg-target=<kind>:<key>` in its fragment; the page it opens scrolls to
// that row and marks it for a few seconds. Styles go inline on the host's element (our CSS lives in a shadow root)
// and are restored afterwards, so the host page is left as it was.
import { observeChanges, waitForElement } from './observe';

export const HIGHLIGHT_ATTRIBUTE = 'data-mg-highlight';

const HIGHLIGHT_STYLE: Record<string, string> = {
  outline: '3px solid #f59e0b',
  'outline-offset': '-3px',
  'background-color': 'rgba(250, 204, 21, 0.25)',
  transition: 'background-color 0.6s ease',
};

export interface HighlightOptions {
  signal: AbortSignal;
  /** How long the mark stays (ms). */
  durationMs?: number;
}

/** Scrolls `element` into view and marks it; the mark is removed after `durationMs` or when `signal` aborts. */
export function highlightElement(element: HTMLElement, options: HighlightOptions): void {
  const previous = Object.fromEntries(
    Object.keys(HIGHLIGHT_STYLE).map((property) => [property, element.style.getPropertyValue(property)]),
  );
  for (const [property, value] of Object.entries(HIGHLIGHT_STYLE)) element.style.setProperty(property, value);
  element.setAttribute(HIGHLIGHT_ATTRIBUTE, '');
  element.scrollIntoView?.({ block: 'center', behavior: 'smooth' });

  const restore = () => {
    clearTimeout(timer);
    for (const [property, value] of Object.entries(previous)) {
      if (value) element.style.setProperty(property, value);
      else element.style.removeProperty(property);
    }
    element.removeAttribute(HIGHLIGHT_ATTRIBUTE);
    options.signal.removeEventListener('abort', restore);
  };
  const timer = setTimeout(restore, options.durationMs ?? 6000);
  options.signal.addEventListener('abort', restore, { once: true });
}

export interface ArrivalTarget {
  kind: string;
  key: string;
}

/**
 * Waits (throttled, up to `timeoutMs`) for the target's row to appear, then highlights it. While the mark lasts, a
 * host page that redraws (a single-page app re-rendering its form after a hash change) gets the new row marked.
 * Resolves true when a row was found and marked.
 */
export async function highlightWhenPresent(
  find: () => HTMLElement | null,
  options: HighlightOptions & { timeoutMs?: number },
): Promise<boolean> {
  const waiting = new AbortController();
  const stop = () => waiting.abort();
  options.signal.addEventListener('abort', stop, { once: true });
  const timer = setTimeout(stop, options.timeoutMs ?? 15_000);
  try {
    const element = await waitForElement(find, { signal: waiting.signal });
    if (!element || options.signal.aborted) return false;
    highlightElement(element, options);
    followRedraws(element, find, options);
    return true;
  } finally {
    clearTimeout(timer);
    options.signal.removeEventListener('abort', stop);
  }
}

/** Re-marks the target when the host replaces the marked element, until the mark's time is up. */
function followRedraws(first: HTMLElement, find: () => HTMLElement | null, options: HighlightOptions): void {
  const durationMs = options.durationMs ?? 6000;
  const endsAt = performance.now() + durationMs;
  const following = new AbortController();
  const stop = () => following.abort();
  const timer = setTimeout(stop, durationMs);
  options.signal.addEventListener('abort', stop, { once: true });
  following.signal.addEventListener('abort', () => {
    clearTimeout(timer);
    options.signal.removeEventListener('abort', stop);
  }, { once: true });
  let current = first;
  observeChanges(
    document.documentElement,
    () => {
      if (current.isConnected) return;
      const next = find();
      if (!next || next === current) return;
      current = next;
      highlightElement(next, { signal: following.signal, durationMs: Math.max(0, endsAt - performance.now()) });
    },
    { signal: following.signal, waitMs: 100 },
  );
}
