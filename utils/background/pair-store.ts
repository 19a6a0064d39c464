// Writes to the stored pairs beyond the options page's own edits: the automatic pair once both sides are connected,
// and what a refresh learns about the Xero organisation (its short code finds the pair of a Xero tab).
import type { Pair } from '../protocol/shapes';
import { automaticPair } from './pairs';
import { cin7AccountsItem, pairsItem, selectedPairItem, xeroTenantsItem } from './state';

/** Pairs the only Cin7 account with the only Xero organisation (and selects it when nothing is selected). */
export async function addAutomaticPair(): Promise<void> {
  const pairs = await pairsItem.getValue();
  const pair = await automaticPair(pairs, await cin7AccountsItem.getValue(), await xeroTenantsItem.getValue());
  if (pair) await storePair(pair);
}

/** Adds a pair, or replaces the one with the same id; selects it when nothing is selected yet. */
export async function storePair(pair: Pair): Promise<void> {
  const others = (await pairsItem.getValue()).filter((p) => p.id !== pair.id);
  await pairsItem.setValue([...others, pair]);
  if (!(await selectedPairItem.getValue())) await selectedPairItem.setValue(pair.id);
}

/** Stores the organisation's short code and name on every pair of that tenant. */
export async function rememberOrganisation(pair: Pair, shortCode: string | undefined, name: string | undefined): Promise<void> {
  const pairs = await pairsItem.getValue();
  const updated = pairs.map((p) =>
    p.xeroTenantId === pair.xeroTenantId ? { ...p, xeroShortCode: shortCode ?? p.xeroShortCode, xeroTenantName: name ?? p.xeroTenantName } : p,
  );
  await pairsItem.setValue(updated);
}
