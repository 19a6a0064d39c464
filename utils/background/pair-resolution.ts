// Which pair an action is about. Finding it only reads; remembering which pair a tab shows is the one write, and it
// is a separate, named step (`rememberTabPair`) so a caller can see when resolving a pair also stores something.
import type { ActionContext } from '../protocol/server';
import type { Pair } from '../protocol/shapes';
import { pairForPage, type PageIdentity } from './pairs';
import { pairsItem, selectedPairItem, tabPairsItem } from './state';

/** What an action says about its pair: an explicit id and/or what the calling page shows. */
export type PairWanted = { pairId?: string } & PageIdentity;

export async function pairById(pairId: string | undefined): Promise<Pair | undefined> {
  if (!pairId) return undefined;
  return (await pairsItem.getValue()).find((pair) => pair.id === pairId);
}

const tabKeyOf = (context: ActionContext) => (context.tabId === undefined ? undefined : String(context.tabId));

/**
 * The pair an action is about, read only: explicit id, else what the page shows, else the tab's last pair, else the
 * selection (or the only pair). `fromPage` says the page itself named it (worth remembering for the tab).
 */
export async function findPair(context: ActionContext, wanted: PairWanted = {}): Promise<{ pair?: Pair; fromPage: boolean }> {
  const explicit = await pairById(wanted.pairId);
  if (explicit) return { pair: explicit, fromPage: false };
  const pairs = await pairsItem.getValue();
  const fromPage = pairForPage(pairs, wanted);
  if (fromPage) return { pair: fromPage, fromPage: true };
  const tabKey = tabKeyOf(context);
  if (tabKey) {
    const remembered = await pairById((await tabPairsItem.getValue())[tabKey]);
    if (remembered) return { pair: remembered, fromPage: false };
  }
  const selected = await pairById((await selectedPairItem.getValue()) ?? undefined);
  return { pair: selected ?? (pairs.length === 1 ? pairs[0] : undefined), fromPage: false };
}

/** Remembers that a tab shows a pair (session storage): later calls, broadcasts and the badge of that tab use it. */
export async function rememberTabPair(context: ActionContext, pair: Pair): Promise<void> {
  const tabKey = tabKeyOf(context);
  if (tabKey) await tabPairsItem.setValue({ ...(await tabPairsItem.getValue()), [tabKey]: pair.id });
}

/** What actions use: `findPair`, then `rememberTabPair` when the calling page named the pair (a write). */
export async function resolvePair(context: ActionContext, wanted: PairWanted = {}): Promise<Pair | undefined> {
  const { pair, fromPage } = await findPair(context, wanted);
  if (pair && fromPage) await rememberTabPair(context, pair);
  return pair;
}
