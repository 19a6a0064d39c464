// Pairs (a Cin7 Core account + a Xero organisation). Which pair a tab shows: tab-binding.ts.
import type { Pair } from '../protocol/shapes';
import type { KnownCin7Account, KnownTenant } from './state';

/**
 * A pair's id: opaque (it reaches content scripts in statuses and names the pair's records in storage.local) and
 * stable (the same account and organisation always give the same id). Earlier releases used `account~tenant`.
 */
export async function pairIdOf(cin7AccountId: string, xeroTenantId: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`mapping-guard-pair\0${cin7AccountId}\0${xeroTenantId}`));
  return `pair-${[...new Uint8Array(digest).slice(0, 12)].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

export async function makePair(account: KnownCin7Account, tenant: KnownTenant): Promise<Pair> {
  // The name reaches content scripts (statuses): never a part of the Account ID.
  const cin7Name = account.company ?? 'Cin7 Core';
  const xeroName = tenant.tenantName ?? `Xero ${tenant.tenantId.slice(0, 8)}`;
  return {
    id: await pairIdOf(account.accountId, tenant.tenantId),
    name: `${cin7Name} ↔ ${xeroName}`,
    cin7AccountId: account.accountId,
    cin7Company: account.company,
    xeroTenantId: tenant.tenantId,
    xeroTenantName: tenant.tenantName,
    xeroShortCode: tenant.shortCode,
  };
}

/** When exactly one Cin7 account and one Xero organisation are known and not yet paired, pair them. */
export async function automaticPair(pairs: Pair[], accounts: KnownCin7Account[], tenants: KnownTenant[]): Promise<Pair | undefined> {
  if (accounts.length !== 1 || tenants.length !== 1) return undefined;
  const [account] = accounts;
  const [tenant] = tenants;
  if (!account || !tenant) return undefined;
  const candidate = await makePair(account, tenant);
  return pairs.some((pair) => pair.id === candidate.id) ? undefined : candidate;
}
