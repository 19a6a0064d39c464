// After an update the engine may judge differently (a new rule, a renamed code): every pair's findings are rebuilt
// from its stored snapshot, without a single API call, so the status never shows the previous release's verdicts
// and a result the new release cannot read is replaced instead of breaking the status.
import type { BackgroundContext } from './context';
import { pairsItem } from './state';

/** Re-audits each pair that has a stored snapshot; keeps its last refresh error. Returns the pairs re-audited. */
export async function reauditStoredPairs(ctx: Pick<BackgroundContext, 'data' | 'refresher'>): Promise<string[]> {
  const done: string[] = [];
  for (const pair of await pairsItem.getValue()) {
    if (ctx.refresher.isRunning(pair.id)) continue;
    const previous = await ctx.data.getResult(pair.id);
    if (await ctx.refresher.reaudit(pair.id, previous?.lastError, { ifStored: true })) done.push(pair.id);
  }
  return done;
}
