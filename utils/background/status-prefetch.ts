// A tab that starts loading a Cin7 Core or Xero page asks for its status as soon as its start script runs. The
// background starts reading that status when the navigation starts (tabs.onUpdated, wiring.ts), for the pair the tab
// is bound to then, and the tab's first message takes it when its binding is still that pair and it is fresh: read
// early, it is what the page would have got had it asked a moment sooner. Any status change in between drops it.
import type { AppId } from '../apps';
import type { Status } from '../protocol/shapes';
import type { BackgroundContext } from './context';
import { bindingOfTab } from './pair-resolution';
import type { TabBinding } from './tab-binding';

/** Past this, a prefetched status is not used (a page that took longer to start asks afresh). */
export const PREFETCH_MAX_AGE_MS = 3000;

export interface StatusPrefetch {
  /**
   * A tab began loading a page of `app`: read the status of the pair it is bound to now, by what it showed last, or
   * for a new tab the app's only pair (none, or a page that could be several clients': nothing to read).
   */
  start(tabId: number, app: AppId): void;
  /** The prefetched status for the tab's first message, if it is about the same pair and fresh (taken once). */
  take(tabId: number, binding: TabBinding): Promise<Status> | undefined;
  /** A pair's status changed (every pair's without an id): what was read before is dropped. */
  drop(pairId?: string): void;
}

export function createStatusPrefetch(
  read: (binding: TabBinding) => Promise<Status>,
  ctx: Pick<BackgroundContext, 'now'>,
): StatusPrefetch {
  const entries = new Map<number, { at: number; pairId: string; status: Promise<Status> }>();
  return {
    start(tabId, app) {
      entries.delete(tabId);
      const at = ctx.now();
      void bindingOfTab(tabId, app)
        .then((binding) => {
          const pair = binding?.pair;
          if (!pair || binding.tab?.state !== 'bound') return;
          const status = read({ pair });
          status.catch(() => undefined); // the tab's own request reads again
          entries.set(tabId, { at, pairId: pair.id, status });
        })
        .catch(() => undefined);
    },
    take(tabId, binding) {
      const entry = entries.get(tabId);
      entries.delete(tabId);
      if (!entry || ctx.now() - entry.at > PREFETCH_MAX_AGE_MS || entry.pairId !== binding.pair?.id) return undefined;
      return entry.status.then((status) => (binding.tab ? { ...status, tab: binding.tab } : status));
    },
    drop(pairId) {
      for (const [tabId, entry] of entries) if (pairId === undefined || entry.pairId === pairId) entries.delete(tabId);
    },
  };
}
