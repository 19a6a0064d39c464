// A Cin7 Core tab recognised a page without a published URL: remember the TAB's URL (the sender's, never a URL from
// the message) for the Cin7 account of the pair bound to that tab. Without such a pair nothing is stored.
import type { ActionHandlers } from '../../protocol/server';
import type { BackgroundContext } from '../context';
import { learnPage } from '../learned-pages';

export function learnedPageHandlers(ctx: BackgroundContext): Pick<ActionHandlers, 'pageRecognised'> {
  return {
    async pageRecognised(args, context) {
      if (context.caller !== 'content' || context.app !== 'cin7' || context.tabId === undefined) return { stored: false };
      const { pair } = await ctx.findPair(context);
      if (!pair) return { stored: false };
      const learned = await learnPage(pair.cin7AccountId, args.page, context.tabUrl);
      // Open panels show the new link at once.
      if (learned === 'new') ctx.statusChanged(pair.id);
      return { stored: learned !== null };
    },
  };
}
