// Opening the options page for a content script (content scripts cannot open it themselves). Before any pair
// exists the guided set-up is the way in, so the panel's button leads there instead.
import { UserFacingError } from '../../net/user-error';
import type { ActionHandlers } from '../../protocol/server';
import type { BackgroundContext } from '../context';
import { pairsItem } from '../state';

export function optionsHandlers(ctx: BackgroundContext): Pick<ActionHandlers, 'openOptions'> {
  return {
    async openOptions() {
      if (ctx.deps.openSetUpPage && (await pairsItem.getValue()).length === 0) {
        await ctx.deps.openSetUpPage();
        return { ok: true as const };
      }
      if (!ctx.deps.openOptionsPage) throw new UserFacingError('Open Mapping Guard’s options from the toolbar button.', 'not-found');
      await ctx.deps.openOptionsPage();
      return { ok: true as const };
    },
  };
}
