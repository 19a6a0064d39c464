// What a Xero page's overlay needs from the background: the accounts the Cin7 mapping uses, and both lock dates.
import { organisationLockDate } from '../../audit/context';
import type { ActionHandlers } from '../../protocol/server';
import { parseAnyDate } from '../../schemas/dates';
import type { BackgroundContext } from '../context';
import { mappedAccounts } from '../xero-facts';

export function xeroPageHandlers(ctx: BackgroundContext): Pick<ActionHandlers, 'getXeroPageFacts'> {
  return {
    async getXeroPageFacts(args, context) {
      const pair = await ctx.resolvePair(context, { pairId: args?.pairId });
      if (!pair) return { mappedAccounts: [], cin7LockDate: null, xeroLockDate: null };
      const [stored, mapping] = await Promise.all([ctx.data.getSnapshot(pair.id), ctx.data.getMapping(pair.id)]);
      return {
        pairId: pair.id,
        mappedAccounts: mappedAccounts(mapping),
        mappingReadAt: mapping?.readAt,
        cin7LockDate: parseAnyDate(stored?.snapshot.cin7?.me?.LockDate),
        xeroLockDate: organisationLockDate(stored?.snapshot.xero?.organisation),
      };
    },
  };
}
