// Which pair a Cin7 Core or Xero tab belongs to, from what its page says it shows (action `identifyTab`). Pure rules:
// a page is bound only to a pair whose Cin7 account / Xero organisation it shows; a page of another organisation, or
// an unreadable page while several pairs exist for that app, is bound to none (no findings, no writes). Only with a
// single pair for the app does an unreadable page fall back to it (the one-client set-up keeps working).
import type { AppId } from '../apps';
import type { Pair, TabIdentity, TabState } from '../protocol/shapes';
import type { KnownCin7Account } from './state';

export interface TabBinding {
  pair?: Pair;
  /** Undefined when no pair exists at all (the page shows the "connect" state as before). */
  tab?: TabState;
}

export interface BindingInput {
  app: AppId;
  /** What the page said it shows; undefined when it has not said yet. */
  identity?: TabIdentity;
  pairs: readonly Pair[];
  /** Connected Cin7 Core accounts and their `me.Company` (names a Cin7 page may show). */
  cin7Accounts: readonly KnownCin7Account[];
  selectedPairId?: string;
}

/** Names compared as a person reads them: case, spacing and Unicode forms do not matter. */
export function normaliseName(name: string | undefined): string {
  return (name ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

export const sameName = (a: string | undefined, b: string | undefined): boolean => {
  const left = normaliseName(a);
  return left !== '' && left === normaliseName(b);
};

/** The pair's Cin7 company: as stored on the pair, else as its account answered `me` since. */
function cin7CompanyOf(pair: Pair, accounts: readonly KnownCin7Account[]): string | undefined {
  return pair.cin7Company ?? accounts.find((account) => account.accountId === pair.cin7AccountId)?.company;
}

/**
 * The Cin7 company a page shows: the one known company name among its header texts. None, or two different ones
 * (a switcher listing several organisations), reads as "cannot tell".
 */
export function cin7CompanyShown(texts: readonly string[] | undefined, knownNames: readonly string[]): string | undefined {
  const seen = new Set((texts ?? []).map(normaliseName).filter(Boolean));
  const matches = new Map<string, string>();
  for (const name of knownNames) if (seen.has(normaliseName(name))) matches.set(normaliseName(name), name);
  return matches.size === 1 ? [...matches.values()][0] : undefined;
}

type Verdict = 'match' | 'contradicts' | 'unknown';

function xeroVerdict(pair: Pair, identity: TabIdentity): Verdict {
  // The short code decides when both sides know it (two organisations may share a name); the name otherwise.
  if (identity.xeroShortCode && pair.xeroShortCode) return sameName(identity.xeroShortCode, pair.xeroShortCode) ? 'match' : 'contradicts';
  if (identity.xeroOrgName && pair.xeroTenantName) return sameName(identity.xeroOrgName, pair.xeroTenantName) ? 'match' : 'contradicts';
  return 'unknown';
}

const unique = (names: (string | undefined)[]): string[] => {
  const byKey = new Map<string, string>();
  for (const name of names) if (name && !byKey.has(normaliseName(name))) byKey.set(normaliseName(name), name.trim());
  return [...byKey.values()];
};

/** The organisations of this app that have a pair, as the panel names them. */
export function connectedNames(app: AppId, pairs: readonly Pair[], accounts: readonly KnownCin7Account[]): string[] {
  return unique(
    pairs.map((pair) =>
      app === 'cin7'
        ? (cin7CompanyOf(pair, accounts) ?? 'a Cin7 Core account without a company name') // never its Account ID: content scripts read this
        : (pair.xeroTenantName ?? pair.xeroShortCode ?? `Xero organisation ${pair.xeroTenantId.slice(0, 8)}`),
    ),
  );
}

/** The tab's pair and state. */
export function bindTab(input: BindingInput): TabBinding {
  const { app, pairs, cin7Accounts } = input;
  const identity = input.identity ?? {};
  if (pairs.length === 0) return {};
  const connected = connectedNames(app, pairs, cin7Accounts);
  const bound = (candidates: readonly Pair[], shown?: string): TabBinding => {
    // One Cin7 account may be paired with several Xero organisations: the selected one of them, else the first.
    const pair = candidates.find((p) => p.id === input.selectedPairId) ?? candidates[0];
    return { pair, tab: { state: 'bound', app, ...(shown ? { shown } : {}), connected } };
  };
  const other = (shown: string): TabBinding => ({ tab: { state: 'other-organisation', app, shown: shown.slice(0, 300), connected } });
  const unreadable = (candidates: readonly Pair[]): TabBinding =>
    pairs.length === 1 && candidates.length === 1 ? bound(candidates) : { tab: { state: 'unknown-organisation', app, connected } };

  if (app === 'cin7') {
    const known = [...pairs.map((pair) => cin7CompanyOf(pair, cin7Accounts)), ...cin7Accounts.map((account) => account.company)];
    const shown = cin7CompanyShown(identity.cin7Texts, known.filter((name): name is string => Boolean(name)));
    if (!shown) return unreadable(pairs);
    const matches = pairs.filter((pair) => sameName(cin7CompanyOf(pair, cin7Accounts), shown));
    return matches.length ? bound(matches, shown) : other(shown);
  }

  const verdicts = pairs.map((pair) => ({ pair, verdict: xeroVerdict(pair, identity) }));
  const shown = identity.xeroOrgName ?? identity.xeroShortCode;
  const matches = verdicts.filter((v) => v.verdict === 'match').map((v) => v.pair);
  if (matches.length) return bound(matches, shown);
  const possible = verdicts.filter((v) => v.verdict === 'unknown').map((v) => v.pair);
  if (shown && possible.length === 0) return other(shown);
  return unreadable(possible);
}
