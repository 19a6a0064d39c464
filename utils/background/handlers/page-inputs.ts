// What no API gives, per pair: the mapping read from the Cin7 page and the features the user declared. Both live in
// the pair's IndexedDB stores (their one home); saving either re-audits the stored snapshot with it. A mapping that
// changes keeps the one before until the user accepts or restores it (mapping-change.ts).
import { matchRoleLabel } from '../../audit/labels';
import { UserFacingError } from '../../net/user-error';
import type { ActionHandlers } from '../../protocol/server';
import type { BackgroundContext } from '../context';
import { recordMappingSave } from '../mapping-change';

type PageInputActions = 'saveMapping' | 'getMapping' | 'getFeatures' | 'setFeatures' | 'acceptMappingChange' | 'restorePreviousMapping';

export function pageInputHandlers(
  ctx: BackgroundContext,
): Pick<ActionHandlers, PageInputActions> {
  /** Audits the stored snapshot again with the page inputs just saved, keeping the last refresh's error. */
  async function reaudit(pairId: string): Promise<void> {
    const previous = await ctx.data.getResult(pairId);
    await ctx.refresher.reaudit(pairId, previous?.lastError);
    ctx.statusChanged(pairId);
  }

  return {
    async saveMapping(args, context) {
      const pair = await ctx.writablePair(context, { pairId: args.pairId });
      if (!pair) return { saved: false };
      const saved = await ctx.data.getMapping(pair.id);
      const next = { readAt: args.readAt, rows: args.rows };
      await ctx.data.putMapping(pair.id, next);
      await recordMappingSave(ctx.data, pair.id, saved, next, context.caller === 'extension', ctx.now());
      await reaudit(pair.id);
      return { saved: true, pairId: pair.id };
    },
    async getMapping(args, context) {
      const pair = await ctx.resolvePair(context, { pairId: args?.pairId });
      if (!pair) return { mapping: null };
      return { mapping: (await ctx.data.getMapping(pair.id)) ?? null, pairId: pair.id };
    },
    async getFeatures(args, context) {
      const pair = await ctx.resolvePair(context, { pairId: args?.pairId });
      if (!pair) return { detected: {}, declared: {} };
      const roles = new Set(((await ctx.data.getMapping(pair.id))?.rows ?? []).map((row) => matchRoleLabel(row.label)));
      const detected = {
        inventoryAccrual: roles.has('inventoryAccrual') || roles.has('stockInTransit'),
        giftCards: roles.has('giftCardLiability'),
      };
      return { detected, declared: await ctx.data.getFeatures(pair.id) };
    },
    async setFeatures(args, context) {
      const pair = await ctx.writablePair(context, { pairId: args.pairId });
      if (!pair) throw new UserFacingError('No Cin7 Core ↔ Xero pair is set up yet.', 'not-found');
      await ctx.data.putFeatures(pair.id, { inventoryAccrual: args.inventoryAccrual, giftCards: args.giftCards });
      await reaudit(pair.id);
      return { ok: true as const };
    },
    async acceptMappingChange(args, context) {
      const pair = await ctx.resolvePair(context, { pairId: args?.pairId });
      if (pair) {
        await ctx.data.putMappingChange(pair.id, undefined);
        ctx.statusChanged(pair.id);
      }
      return { ok: true as const };
    },
    async restorePreviousMapping(args, context) {
      const pair = await ctx.resolvePair(context, { pairId: args?.pairId });
      const change = pair ? await ctx.data.getMappingChange(pair.id) : undefined;
      if (!pair || !change) return { restored: false };
      await ctx.data.putMapping(pair.id, change.previous);
      await ctx.data.putMappingChange(pair.id, undefined);
      await reaudit(pair.id);
      return { restored: true };
    },
  };
}
