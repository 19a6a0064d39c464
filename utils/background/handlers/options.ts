// Opening the options page for a content script (content scripts cannot open it themselves).
import { UserFacingError } from '../../net/user-error';
import type { ActionHandlers } from '../../protocol/server';
import type { BackgroundContext } from '../context';

export function optionsHandlers(ctx: BackgroundContext): Pick<ActionHandlers, 'openOptions'> {
  return {
    async openOptions() {
      if (!ctx.deps.openOptionsPage) throw new UserFacingError('Open Mapping Guard’s options from the toolbar button.', 'not-found');
      await ctx.deps.openOptionsPage();
      return { ok: true as const };
    },
  };
}
