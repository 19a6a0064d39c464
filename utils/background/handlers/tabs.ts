// A Cin7 Core or Xero tab says which organisation it shows; the background binds the tab to the pair that matches
// (tab-binding.ts). The tab is the sender's, never an argument. A tab's start script then has the overlay loaded.
import { UserFacingError } from '../../net/user-error';
import type { ActionContext, ActionHandlers } from '../../protocol/server';
import type { TabIdentity } from '../../protocol/shapes';
import type { TabBinding } from '../tab-binding';
import type { BackgroundContext } from '../context';
import { storeTabIdentity } from '../pair-resolution';
import { statusOfBinding } from './status';
import type { StatusMemo } from '../status-memo';

type TabActions = 'identifyTab' | 'identifyTabWithStatus' | 'loadOverlay';

export function tabHandlers(ctx: BackgroundContext, statuses?: StatusMemo): Pick<ActionHandlers, TabActions> {
  /**
   * Stores what the tab shows and returns its binding (the sender's tab, never an argument). The binding goes by what
   * the tab said at once; `written` waits for the storage write too (a round trip through the browser's main thread).
   */
  async function identify(args: TabIdentity, context: ActionContext, { written }: { written: boolean }): Promise<TabBinding> {
      if (context.caller !== 'content' || context.tabId === undefined || !context.app) {
        throw new UserFacingError('Only a Cin7 Core or Xero tab can say which organisation it shows.', 'not-found');
      }
      // Only the fields of the tab's own app count.
      const identity =
        context.app === 'cin7'
          ? { cin7Texts: args.cin7Texts ?? [] }
          : { ...(args.xeroShortCode ? { xeroShortCode: args.xeroShortCode } : {}), ...(args.xeroOrgName ? { xeroOrgName: args.xeroOrgName } : {}) };
      const write = storeTabIdentity(context.tabId, context.app, identity);
      if (written) await write;
      else write.catch(() => undefined); // kept for the tab's later reads only; the next page load writes again
      ctx.deps.onTabIdentified?.(context.tabId);
      return ctx.findPair(context);
  }
  return {
    async identifyTab(args, context) {
      const { pair, tab } = await identify(args, context, { written: true });
      return { pairId: pair?.id, tab };
    },
    // The tab's status as `getStatus` would read it right after the identification (from the binding just stored),
    // from memory when the pair's was read a moment ago (status-memo.ts).
    async identifyTabWithStatus(args, context) {
      const binding = await identify(args, context, { written: false });
      return statuses ? statuses.statusOf(binding) : statusOfBinding(ctx, binding);
    },
    // Into the asking tab and frame only (the sender's, as the browser reports them), and only its own app's bundle.
    async loadOverlay(_args, context) {
      if (context.caller !== 'content' || context.tabId === undefined || !context.app || !ctx.deps.injectOverlay) {
        throw new UserFacingError('Only a Cin7 Core or Xero tab can load its overlay.', 'not-found');
      }
      await ctx.deps.injectOverlay({ tabId: context.tabId, frameId: context.frameId ?? 0, app: context.app });
      return { ok: true as const };
    },
  };
}
