// Failed-sync messages seen on Cin7 Core pages, per pair, for the popup's grouping (issue #16). Kept in session
// storage (memory only, gone when the browser closes; not readable by content scripts), bounded, newest last. Only a
// Cin7 Core tab BOUND to a pair may add to that pair's list, and only texts the explainer recognises are kept.
import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { explain } from '../../explain';
import { MAX_SYNC_ERRORS_KEPT, MAX_SYNC_ERROR_TEXT } from '../../protocol/actions';
import type { ActionHandlers } from '../../protocol/server';
import type { BackgroundContext } from '../context';
import { bindingOfTab } from '../pair-resolution';

const storedSchema = z.array(z.string().max(MAX_SYNC_ERROR_TEXT)).max(MAX_SYNC_ERRORS_KEPT);
const itemOf = (pairId: string) => storage.defineItem<unknown>(`session:syncErrors:${pairId}`, { fallback: [] });

async function read(pairId: string): Promise<string[]> {
  const parsed = storedSchema.safeParse(await itemOf(pairId).getValue());
  return parsed.success ? parsed.data : [];
}

/** Adds the recognised `messages` to `kept` (a message seen again moves to the end), keeping the newest. */
export function keepSyncErrors(kept: readonly string[], messages: readonly string[]): string[] {
  const known = messages.filter((message) => explain(message).matches.length > 0);
  const next = [...kept.filter((message) => !known.includes(message)), ...new Set(known)];
  return next.slice(-MAX_SYNC_ERRORS_KEPT);
}

/**
 * Two bound tabs of one pair may report together: each would read the same list, add its own and write it back, and
 * the later write would drop the other's (which a tab never sends again). A pair's writes take turns.
 */
const turns = new Map<string, Promise<unknown>>();
function inTurn<T>(pairId: string, work: () => Promise<T>): Promise<T> {
  const next = (turns.get(pairId) ?? Promise.resolve()).then(work, work);
  const settled = next.catch(() => undefined);
  turns.set(pairId, settled);
  void settled.then(() => turns.get(pairId) === settled && turns.delete(pairId));
  return next;
}

/** A removed pair's messages go with it. */
export function forgetSyncErrors(pairId: string): Promise<void> {
  return inTurn(pairId, () => itemOf(pairId).removeValue());
}

export function syncErrorHandlers(ctx: BackgroundContext): Pick<ActionHandlers, 'reportSyncErrors' | 'getSyncErrors'> {
  return {
    async reportSyncErrors(args, context) {
      if (context.caller !== 'content' || context.app !== 'cin7' || context.tabId === undefined) return { stored: 0 };
      const binding = await bindingOfTab(context.tabId, 'cin7');
      if (!binding?.pair || binding.tab?.state !== 'bound') return { stored: 0 };
      const pairId = binding.pair.id;
      const next = await inTurn(pairId, async () => {
        const kept = await read(pairId);
        const merged = keepSyncErrors(kept, args.messages);
        if (JSON.stringify(merged) !== JSON.stringify(kept)) {
          await itemOf(pairId).setValue(merged);
          ctx.statusChanged(pairId);
        }
        return merged;
      });
      return { stored: next.length };
    },
    async getSyncErrors(args, context) {
      const { pair } = await ctx.findPair(context, { pairId: args?.pairId, tabId: args?.tabId });
      return pair ? { pairId: pair.id, messages: await read(pair.id) } : { messages: [] };
    },
  };
}
