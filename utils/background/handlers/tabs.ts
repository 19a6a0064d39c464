// A Cin7 Core or Xero tab says which organisation it shows; the background binds the tab to the pair that matches
// (tab-binding.ts). The tab is the sender's, never an argument.
import { UserFacingError } from '../../net/user-error';
import type { ActionHandlers } from '../../protocol/server';
import type { BackgroundContext } from '../context';
import { storeTabIdentity } from '../pair-resolution';
import { statusHandlers } from './status';

export function tabHandlers(ctx: BackgroundContext): Pick<ActionHandlers, 'identifyTab' | 'identifyTabWithStatus'> {
  const { getStatus } = statusHandlers(ctx);
  const handlers: Pick<ActionHandlers, 'identifyTab' | 'identifyTabWithStatus'> = {
    async identifyTab(args, context) {
      if (context.caller !== 'content' || context.tabId === undefined || !context.app) {
        throw new UserFacingError('Only a Cin7 Core or Xero tab can say which organisation it shows.', 'not-found');
      }
      // Only the fields of the tab's own app count.
      const identity =
        context.app === 'cin7'
          ? { cin7Texts: args.cin7Texts ?? [] }
          : { ...(args.xeroShortCode ? { xeroShortCode: args.xeroShortCode } : {}), ...(args.xeroOrgName ? { xeroOrgName: args.xeroOrgName } : {}) };
      await storeTabIdentity(context.tabId, context.app, identity);
      ctx.deps.onTabIdentified?.(context.tabId);
      const { pair, tab } = await ctx.findPair(context);
      return { pairId: pair?.id, tab };
    },
    // The tab's status as `getStatus` would read it right after the identification (the binding just stored).
    async identifyTabWithStatus(args, context) {
      await handlers.identifyTab(args, context);
      return getStatus(undefined, context);
    },
  };
  return handlers;
}
