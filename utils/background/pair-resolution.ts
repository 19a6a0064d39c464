// Which pair an action is about. Extension pages (popup, options, report): an explicit `pairId`, else the selected
// pair (or the only one). Content scripts: their tab's binding only (tab-binding.ts), whatever ids they send, so a
// page of one client can never read or write another client's pair. The one write is `identifyTab`'s.
import { UserFacingError } from '../net/user-error';
import type { ActionContext } from '../protocol/server';
import type { Pair, TabIdentity, TabState } from '../protocol/shapes';
import { bindTab, type TabBinding } from './tab-binding';
import { cin7AccountsItem, pairsItem, selectedPairItem, tabIdentitiesItem, type StoredTabIdentity } from './state';

/** What an action says about its pair: an explicit id (honoured for extension pages only). */
export interface PairWanted {
  pairId?: string;
  /** An extension page's view of a tab (the popup's active tab): that tab's pair when it is bound. */
  tabId?: number;
}

export async function pairById(pairId: string | undefined): Promise<Pair | undefined> {
  if (!pairId) return undefined;
  return (await pairsItem.getValue()).find((pair) => pair.id === pairId);
}

/** A tab's binding now: what it said it shows, matched with today's pairs and accounts (read only). */
export async function bindingOfTab(tabId: number, app?: StoredTabIdentity['app']): Promise<TabBinding | undefined> {
  // In one go (a tab's first message waits for this on every page load), even when the tab turns out unknown.
  const [identities, pairs, cin7Accounts, selected] = await Promise.all([
    tabIdentitiesItem.getValue(),
    pairsItem.getValue(),
    cin7AccountsItem.getValue(),
    selectedPairItem.getValue(),
  ]);
  const stored = pendingIdentities.get(String(tabId)) ?? identities[String(tabId)];
  const tabApp = stored?.app ?? app;
  if (!tabApp) return undefined;
  return bindTab({ app: tabApp, identity: stored?.identity, pairs, cin7Accounts, selectedPairId: selected ?? undefined });
}

/** The pair an action is about, and for a content script its tab's state. Reads only. */
export async function findPair(context: ActionContext, wanted: PairWanted = {}): Promise<TabBinding> {
  if (context.caller === 'content' && context.tabId !== undefined) {
    const binding = await bindingOfTab(context.tabId, context.app);
    if (binding) return binding;
  }
  const explicit = context.caller === 'extension' ? await pairById(wanted.pairId) : undefined;
  if (explicit) return { pair: explicit };
  if (context.caller === 'extension' && wanted.tabId !== undefined) {
    const shown = (await bindingOfTab(wanted.tabId))?.pair;
    if (shown) return { pair: shown };
  }
  const pairs = await pairsItem.getValue();
  const selected = await pairById((await selectedPairItem.getValue()) ?? undefined);
  return { pair: selected ?? (pairs.length === 1 ? pairs[0] : undefined) };
}

/** The pair a read is about (undefined for a tab of another or an unknown organisation: it then shows nothing). */
export async function resolvePair(context: ActionContext, wanted: PairWanted = {}): Promise<Pair | undefined> {
  return (await findPair(context, wanted)).pair;
}

/** Why a tab has no pair, in the user's words; undefined when it is bound (or no pair exists at all). */
export function tabMismatch(tab: TabState | undefined): string | undefined {
  if (!tab || tab.state === 'bound') return undefined;
  const connected = tab.connected.join(', ');
  const app = tab.app === 'cin7' ? 'Cin7 Core' : 'Xero';
  return tab.state === 'other-organisation'
    ? `This page shows ${tab.shown ?? 'another organisation'}, but Mapping Guard is connected to ${connected} for ${app}.`
    : `Mapping Guard cannot tell which ${app} organisation this page shows (it is connected to ${connected}).`;
}

/** The pair a write goes to; refuses (a user-facing error) when the calling tab shows another or an unknown organisation. */
export async function writablePair(context: ActionContext, wanted: PairWanted = {}): Promise<Pair | undefined> {
  const { pair, tab } = await findPair(context, wanted);
  const mismatch = tabMismatch(tab);
  if (mismatch) throw new UserFacingError(`${mismatch} Nothing was saved: add this client in Mapping Guard’s options first.`, 'other-organisation');
  return pair;
}

let writes: Promise<unknown> = Promise.resolve();
/** What tabs said while it is being written: a binding read meanwhile already goes by it (the tab's first answer need not wait). */
const pendingIdentities = new Map<string, StoredTabIdentity>();

/** Stores what a tab shows (session storage), one write at a time so two tabs identifying at once both stay. */
export function storeTabIdentity(tabId: number, app: StoredTabIdentity['app'], identity: TabIdentity): Promise<void> {
  const key = String(tabId);
  const entry = { app, identity };
  pendingIdentities.set(key, entry);
  const write = writes
    .then(async () => {
      const stored = await tabIdentitiesItem.getValue();
      // A reload of the same page says the same: no second round trip before the tab's first answer.
      if (JSON.stringify(stored[key]) === JSON.stringify(entry)) return;
      await tabIdentitiesItem.setValue({ ...stored, [key]: entry });
    })
    .finally(() => {
      if (pendingIdentities.get(key) === entry) pendingIdentities.delete(key);
    });
  writes = write.catch(() => undefined);
  return write;
}

/** Forgets a closed tab. */
export function forgetTab(tabId: number): Promise<void> {
  pendingIdentities.delete(String(tabId));
  const write = writes.then(async () => {
    const { [String(tabId)]: _closed, ...rest } = await tabIdentitiesItem.getValue();
    await tabIdentitiesItem.setValue(rest);
  });
  writes = write.catch(() => undefined);
  return write;
}

/** The tabs whose pair is `pairId` (every identified tab without an id): where a status change is broadcast. */
export async function tabsShowing(pairId: string | undefined): Promise<number[]> {
  const tabs = Object.keys(await tabIdentitiesItem.getValue()).map(Number);
  if (pairId === undefined) return tabs;
  const bound = await Promise.all(tabs.map(async (tabId) => ((await bindingOfTab(tabId))?.pair?.id === pairId ? tabId : undefined)));
  return bound.filter((tabId): tabId is number => tabId !== undefined);
}
