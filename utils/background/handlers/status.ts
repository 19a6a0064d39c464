// The status of a pair, and the reviewed marks on its findings.
import type { ActionHandlers } from '../../protocol/server';
import { UserFacingError } from '../../net/user-error';
import type { BackgroundContext } from '../context';
import { refreshIfDue } from '../refresh-policy';
import { readStatus } from '../status';
import type { Status } from '../../protocol/shapes';
import type { TabBinding } from '../tab-binding';

/** The status of the pair a caller is about (and its tab's state). */
export async function statusOfBinding(ctx: BackgroundContext, { pair, tab }: TabBinding): Promise<Status> {
  // The read's one side effect, on purpose: data older than the setting starts refreshing now.
  if (pair) await refreshIfDue(ctx, pair);
  const status = await readStatus(ctx, pair);
  return tab ? { ...status, tab } : status;
}

export function statusHandlers(ctx: BackgroundContext): Pick<ActionHandlers, 'getStatus' | 'markReviewed'> {
  return {
    async getStatus(args, context) {
      return statusOfBinding(ctx, await ctx.findPair(context, { pairId: args?.pairId, tabId: args?.tabId }));
    },
    async markReviewed(args, context) {
      const pair = await ctx.writablePair(context, { pairId: args.pairId });
      if (!pair) throw new UserFacingError('No Cin7 Core ↔ Xero pair is set up yet.', 'not-found');
      const reviewed = await ctx.data.getReviewed(pair.id);
      // Only a finding of the latest audit can be marked: no store of arbitrary keys (unmarking is always allowed).
      if (args.reviewed && !(await ctx.data.getResult(pair.id))?.keys.includes(args.findingKey)) {
        throw new UserFacingError('That finding is not in the latest audit any more; refresh and try again.', 'not-found');
      }
      if (args.reviewed) reviewed.add(args.findingKey);
      else reviewed.delete(args.findingKey);
      await ctx.data.putReviewed(pair.id, reviewed);
      ctx.statusChanged(pair.id);
      return { ok: true as const };
    },
  };
}
