// The pairs the options page lists, adds, removes and selects. Removing a pair forgets its data.
import { forgetPairChecklist } from '../../store/checklist-records';
import { UserFacingError } from '../../net/user-error';
import type { ActionHandlers } from '../../protocol/server';
import type { BackgroundContext } from '../context';
import { forgetHistory } from '../history';
import { makePair } from '../pairs';
import { storePair } from '../pair-store';
import { cin7AccountsItem, pairsItem, selectedPairItem, xeroTenantsItem } from '../state';
import { forgetSyncErrors } from './sync-errors';

export function pairHandlers(ctx: BackgroundContext): Pick<ActionHandlers, 'listPairs' | 'savePair' | 'removePair' | 'selectPair'> {
  return {
    async listPairs() {
      return { pairs: await pairsItem.getValue(), selectedPairId: (await selectedPairItem.getValue()) ?? undefined };
    },
    async savePair(args) {
      const account = (await cin7AccountsItem.getValue()).find((a) => a.accountId === args.cin7AccountId);
      const tenant = (await xeroTenantsItem.getValue()).find((t) => t.tenantId === args.xeroTenantId);
      if (!account || !tenant) throw new UserFacingError('Connect that Cin7 Core account and Xero organisation first.', 'not-found');
      const pair = await makePair(account, tenant);
      await storePair(pair);
      ctx.statusChanged(); // a tab of this client that said "not connected to this organisation" now has its pair
      return pair;
    },
    async removePair(args) {
      ctx.refresher.cancel(args.pairId); // a refresh running now must not write the pair's data back after it is forgotten
      await pairsItem.setValue((await pairsItem.getValue()).filter((p) => p.id !== args.pairId));
      if ((await selectedPairItem.getValue()) === args.pairId) await selectedPairItem.setValue(null);
      await ctx.data.forget(args.pairId);
      await forgetPairChecklist(args.pairId); // the pair's onboarding decisions and notes go with it
      await forgetHistory(args.pairId); // and its history of checks (reviewed marks: data.forget)
      await forgetSyncErrors(args.pairId);
      ctx.statusChanged();
      return { ok: true as const };
    },
    async selectPair(args) {
      if (!(await ctx.pairById(args.pairId))) throw new UserFacingError('That pair no longer exists.', 'not-found');
      await selectedPairItem.setValue(args.pairId);
      ctx.statusChanged(args.pairId);
      return { ok: true as const };
    },
  };
}
