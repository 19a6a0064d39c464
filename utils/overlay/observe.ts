// Throttled DOM observation. Host pages (Ext JS grids) mutate constantly; features must never do work per
// mutation. Changes are coalesced: the callback runs at most once per `waitMs`, after the page has been quiet
// for a frame, and never for mutations that only touch our own nodes.

export interface ObserveOptions {
  signal: AbortSignal;
  /** Minimum time between two callbacks (ms). */
  waitMs?: number;
  /** Mutations whose target is inside a node this returns true for are ignored (our badges, our panel). */
  ignore?: (node: Node) => boolean;
  /** Also run the callback once right away. */
  immediate?: boolean;
}

export const OWN_NODE_ATTRIBUTE = 'data-mg-own';

/** Marks a node as ours so observers skip mutations inside it. */
export function markOwnNode<T extends Element>(element: T): T {
  element.setAttribute(OWN_NODE_ATTRIBUTE, '');
  return element;
}

export function isOwnNode(node: Node): boolean {
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return Boolean(element?.closest(`[${OWN_NODE_ATTRIBUTE}]`));
}

export function observeChanges(target: Node, callback: () => void, options: ObserveOptions): void {
  const { signal, waitMs = 250, ignore = isOwnNode } = options;
  if (signal.aborted) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame: number | undefined;
  let lastRun = 0;

  const run = () => {
    frame = undefined;
    if (signal.aborted) return;
    lastRun = performance.now();
    callback();
  };
  const schedule = () => {
    if (timer !== undefined || frame !== undefined) return;
    const delay = Math.max(0, lastRun + waitMs - performance.now());
    timer = setTimeout(() => {
      timer = undefined;
      frame = requestAnimationFrame(run);
    }, delay);
  };

  const observer = new MutationObserver((records) => {
    if (records.every((record) => ignore(record.target) || onlyOwnNodesChanged(record))) return;
    schedule();
  });
  observer.observe(target, {
    childList: true,
    subtree: true,
    characterData: true,
    // Selection changes in grids and combo boxes show up as these attributes.
    attributeFilter: ['value', 'aria-selected', 'aria-valuetext', 'selected'],
  });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      if (timer !== undefined) clearTimeout(timer);
      if (frame !== undefined) cancelAnimationFrame(frame);
    },
    { once: true },
  );
  if (options.immediate) callback();
}

/** A childList change that only added or removed our own marked nodes (removed nodes are detached: check the node). */
export function onlyOwnNodesChanged(record: MutationRecord): boolean {
  if (record.type !== 'childList') return false;
  const changed = [...record.addedNodes, ...record.removedNodes];
  return changed.length > 0 && changed.every((node) => node instanceof Element && node.hasAttribute(OWN_NODE_ATTRIBUTE));
}

/** Resolves with the first element `find` returns, checking on (throttled) DOM changes; null when aborted. */
export function waitForElement<T>(find: () => T | null, options: { signal: AbortSignal; root?: Node; waitMs?: number }): Promise<T | null> {
  return new Promise((resolve) => {
    const found = find();
    if (found) return resolve(found);
    const inner = new AbortController();
    const stop = () => inner.abort();
    options.signal.addEventListener('abort', () => {
      stop();
      resolve(null);
    }, { once: true });
    observeChanges(
      options.root ?? document.documentElement,
      () => {
        const element = find();
        if (element) {
          stop();
          resolve(element);
        }
      },
      { signal: inner.signal, waitMs: options.waitMs ?? 100 },
    );
  });
}
