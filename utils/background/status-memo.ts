// The status a tab's first message answers with, kept per pair for a short while, so that a page load within it is
// answered without a read: each storage read is a round trip through the browser's main thread, which is often busy
// drawing its own window while a page loads (traced at 20–30 ms a read, issue #17). A tab that begins loading has its
// pair's status read ahead (tabs.onUpdated, wiring.ts), since its first message follows. Any status change of a pair
// (a refresh and its progress, a review mark, a connection, a setting: ctx.statusChanged) drops it, and so does any
// change in extension storage (wiring.ts). An answer from memory still lets a due refresh start, after the reply.
import type { AppId } from '../apps';
import type { Pair, Status } from '../protocol/shapes';
import type { BackgroundContext } from './context';
import { bindingOfTab } from './pair-resolution';
import type { TabBinding } from './tab-binding';

/**
 * Past this, a status is read again. Long enough for a user going from page to page; short enough that what no status
 * change announces (the Xero call allowance shown with it) is never far behind.
 */
export const STATUS_MEMO_MAX_AGE_MS = 30_000;

export interface StatusMemo {
  /**
   * A tab began loading a page of `app`: read the status of the pair it is bound to now, by what it showed last, or
   * for a new tab the app's only pair (none, or a page that could be several clients': nothing to read).
   */
  warm(tabId: number, app: AppId): void;
  /** The status for a tab's binding, with the tab's state: the pair's from memory while fresh, else read and kept. */
  statusOf(binding: TabBinding): Promise<Status>;
  /** A pair's status changed (every pair's without an id): what was read before is dropped. */
  drop(pairId?: string): void;
}

export interface StatusMemoSources {
  /** The status of a binding as a read builds it (a read may start a due refresh: refresh-policy.ts). */
  read(binding: TabBinding): Promise<Status>;
  /** An answer came from memory: what a read would have started (a due refresh) may start now. */
  answeredFromMemory?(pair: Pair): void;
}

export function createStatusMemo(sources: StatusMemoSources, ctx: Pick<BackgroundContext, 'now'>): StatusMemo {
  const entries = new Map<string, { at: number; status: Promise<Status> }>();
  const fresh = (pairId: string) => {
    const entry = entries.get(pairId);
    return entry && ctx.now() - entry.at <= STATUS_MEMO_MAX_AGE_MS ? entry : undefined;
  };
  /** The pair's status without a tab's state: from memory while fresh, else read now (and kept while it is current). */
  const pairStatus = (pair: Pair): { status: Promise<Status>; fromMemory: boolean } => {
    const kept = fresh(pair.id);
    if (kept) return { status: kept.status, fromMemory: true };
    const entry = { at: ctx.now(), status: sources.read({ pair }) };
    entries.set(pair.id, entry);
    // A failed read is not kept (the next asks again); a drop while reading leaves it out too.
    entry.status.catch(() => entries.get(pair.id) === entry && entries.delete(pair.id));
    return { status: entry.status, fromMemory: false };
  };
  return {
    warm(tabId, app) {
      void bindingOfTab(tabId, app)
        .then((binding) => {
          if (binding?.pair && binding.tab?.state === 'bound') void pairStatus(binding.pair).status.catch(() => undefined);
        })
        .catch(() => undefined);
    },
    async statusOf(binding) {
      if (!binding.pair) return sources.read(binding);
      const { status, fromMemory } = pairStatus(binding.pair);
      if (fromMemory) sources.answeredFromMemory?.(binding.pair);
      const read = await status;
      return binding.tab ? { ...read, tab: binding.tab } : read;
    },
    drop(pairId) {
      if (pairId === undefined) entries.clear();
      else entries.delete(pairId);
    },
  };
}
