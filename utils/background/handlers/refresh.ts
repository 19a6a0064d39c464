// A refresh asked for by the user (popup, panel, options). Automatic ones: refresh-policy.ts.
import type { ActionHandlers } from '../../protocol/server';
import type { BackgroundContext } from '../context';
import { startRefresh } from '../refresh-policy';
import { recheckXeroTenants } from './connections';

export function refreshHandlers(ctx: BackgroundContext): Pick<ActionHandlers, 'refresh'> {
  return {
    async refresh(args, context) {
      const pair = await ctx.writablePair(context, { pairId: args?.pairId });
      if (!pair) return { started: false };
      // Xero shows "connected" only while the pair's organisation is still granted: check the grants alongside.
      void recheckXeroTenants(ctx).catch(() => undefined);
      const start = await startRefresh(ctx, pair, args?.full ?? false);
      if (!start) return { started: false, pairId: pair.id };
      // A request while one runs is told so, and since when: a refresh running for long is visibly stuck.
      if (start.outcome === 'started') return { started: true, pairId: pair.id };
      return { started: false, pairId: pair.id, ...(start.outcome === 'joined' ? { joined: true } : { queued: true }), runningSince: start.since };
    },
  };
}
