// The refresh loop most overlay features share: re-run `update` when the page changes (throttled; our own nodes
// ignored) and when the pair's status changes, until the feature stops; then take the feature's badges away.
import { removeBadges } from './badges';
import { observeChanges } from './observe';
import type { StatusStore } from './status-store';

export function keepUpdated(options: {
  update: () => void;
  /** The status store to follow; without it only page changes re-run `update`. */
  status?: StatusStore;
  signal: AbortSignal;
  /** The feature's badge key, removed when it stops. */
  badgeKey?: string;
  waitMs?: number;
}): void {
  const { update, status, signal, badgeKey, waitMs = 300 } = options;
  observeChanges(document.body, update, { signal, waitMs, immediate: true });
  const unsubscribe = status?.subscribe((state, previous) => {
    if (state.status !== previous.status) update();
  });
  signal.addEventListener(
    'abort',
    () => {
      unsubscribe?.();
      if (badgeKey) removeBadges(document, badgeKey);
    },
    { once: true },
  );
}
