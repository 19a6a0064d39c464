// Pairs (a Cin7 Core account + a Xero organisation). Which pair a tab shows: tab-binding.ts.
import type { Pair } from '../protocol/shapes';
import type { KnownCin7Account, KnownTenant } from './state';

export const pairIdOf = (cin7AccountId: string, xeroTenantId: string): string => `${cin7AccountId}~${xeroTenantId}`;

export function makePair(account: KnownCin7Account, tenant: KnownTenant): Pair {
  const cin7Name = account.company ?? `Cin7 ${account.accountId.slice(0, 8)}`;
  const xeroName = tenant.tenantName ?? `Xero ${tenant.tenantId.slice(0, 8)}`;
  return {
    id: pairIdOf(account.accountId, tenant.tenantId),
    name: `${cin7Name} ↔ ${xeroName}`,
    cin7AccountId: account.accountId,
    cin7Company: account.company,
    xeroTenantId: tenant.tenantId,
    xeroTenantName: tenant.tenantName,
    xeroShortCode: tenant.shortCode,
  };
}

/** When exactly one Cin7 account and one Xero organisation are known and not yet paired, pair them. */
export function automaticPair(pairs: Pair[], accounts: KnownCin7Account[], tenants: KnownTenant[]): Pair | undefined {
  if (accounts.length !== 1 || tenants.length !== 1) return undefined;
  const [account] = accounts;
  const [tenant] = tenants;
  if (!account || !tenant) return undefined;
  const candidate = makePair(account, tenant);
  return pairs.some((pair) => pair.id === candidate.id) ? undefined : candidate;
}
