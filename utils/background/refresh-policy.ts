// When a refresh starts on its own. `refreshIfDue` is the one place a read (a status request) may start a refresh:
// data older than the setting is refreshed in the background while the caller gets the current status at once.
import type { Pair } from '../protocol/shapes';
import type { BackgroundContext } from './context';
import type { RefreshStart } from './refresher';
import { oldestFetch } from './snapshot';
import { settingsItem } from './state';

type RefreshSources = Pick<BackgroundContext, 'data' | 'now' | 'xeroAuth' | 'refresher' | 'cin7Keys'>;

/** After a failed attempt, automatic refreshes wait this long (a wrong key or an outage must not cause a burst). */
export const RETRY_AFTER_FAILURE_MS = 15 * 60_000;

/** Due for an automatic refresh: data older than the setting, unless the last attempt failed recently. Reads only. */
export async function isRefreshDue(ctx: Pick<RefreshSources, 'data' | 'now'>, pairId: string): Promise<boolean> {
  const result = await ctx.data.getResult(pairId);
  const fetchedAt = oldestFetch(result);
  const { refreshHours } = await settingsItem.getValue();
  const now = ctx.now();
  if (result?.lastError && result.attemptedAt && now - Date.parse(result.attemptedAt) < RETRY_AFTER_FAILURE_MS) return false;
  return !fetchedAt || now - Date.parse(fetchedAt) > refreshHours * 3_600_000;
}

/**
 * Starts a refresh (not awaited) when both sides are connected. Says whether this request started it, joined the one
 * running or queued a full one behind it (and since when that one runs); undefined when a side is not connected.
 */
export async function startRefresh(ctx: RefreshSources, pair: Pair, full: boolean): Promise<Omit<RefreshStart, 'done'> | undefined> {
  if ((await ctx.xeroAuth.state()) !== 'connected' || !(await ctx.cin7Keys.get(pair.cin7AccountId))) return undefined;
  const { outcome, since } = ctx.refresher.begin(pair, { full });
  return { outcome, since };
}

/**
 * Starts an incremental refresh when the pair's data is due and none runs; returns whether one started.
 * The only write a read may cause (getStatus); the periodic alarm goes through the practice queue (practice-queue.ts).
 */
export async function refreshIfDue(ctx: RefreshSources, pair: Pair): Promise<boolean> {
  if (ctx.refresher.isRunning(pair.id) || !(await isRefreshDue(ctx, pair.id))) return false;
  return (await startRefresh(ctx, pair, false))?.outcome === 'started';
}
