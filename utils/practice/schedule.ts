// Which queued pairs may refresh now (issue #18 "refresh all"): Cin7 Core limits calls per API key (one account) and
// Xero per organisation, so two pairs sharing either wait for one another; unrelated pairs may run side by side, up to
// a small number at once (the browser's worker and network are shared). Pure: the background's queue applies it.

export interface SchedulablePair {
  id: string;
  cin7AccountId: string;
  xeroTenantId: string;
}

/** Pairs refreshing at once, at most: each one already paces itself within its key's and organisation's limits. */
export const MAX_PARALLEL_REFRESHES = 2;

/**
 * The queued pairs to start now, in queue order: none shares a Cin7 account or a Xero organisation with a running
 * pair or with another one chosen, and no more than `maxParallel` run in all. Ids of pairs that no longer exist are
 * skipped (the caller drops them from the queue).
 */
export function pairsToStart<T extends SchedulablePair>(
  queue: readonly string[],
  pairs: readonly T[],
  running: ReadonlySet<string>,
  maxParallel = MAX_PARALLEL_REFRESHES,
): T[] {
  const byId = new Map(pairs.map((pair) => [pair.id, pair]));
  const busy = pairs.filter((pair) => running.has(pair.id));
  const accounts = new Set(busy.map((pair) => pair.cin7AccountId));
  const tenants = new Set(busy.map((pair) => pair.xeroTenantId));
  const chosen: T[] = [];
  for (const id of queue) {
    if (busy.length + chosen.length >= maxParallel) break;
    const pair = byId.get(id);
    if (!pair || running.has(id) || accounts.has(pair.cin7AccountId) || tenants.has(pair.xeroTenantId)) continue;
    chosen.push(pair);
    accounts.add(pair.cin7AccountId);
    tenants.add(pair.xeroTenantId);
  }
  return chosen;
}
