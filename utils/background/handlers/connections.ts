// Both sides' connections: Xero sign-in (OAuth + PKCE) and its organisations, Cin7 Core accounts and their keys.
// Connecting the only account of each side pairs them (pair-store.ts).
import type { ConnectionActionName } from '../../protocol/actions';
import { Cin7Client, type Cin7Credentials } from '../../cin7/api/client';
import { describeError } from '../../net/user-error';
import type { ActionHandlers } from '../../protocol/server';
import { fetchXeroConnections } from '../../xero/api/client';
import type { BackgroundContext } from '../context';
import { addAutomaticPair } from '../pair-store';
import { cin7AccountsItem, resolveXeroClientId, xeroClientIdItem, xeroTenantsItem, type KnownTenant } from '../state';

/**
 * The organisations the Xero sign-in grants now (`/connections`), stored so a pair whose organisation is no longer
 * granted shows "reconnect needed" (status.ts). What a refresh learned (short code) is kept. Returns the list.
 */
export async function syncXeroTenants(ctx: Pick<BackgroundContext, 'xeroAuth' | 'deps'>): Promise<KnownTenant[]> {
  const connections = await fetchXeroConnections(await ctx.xeroAuth.accessToken(), ctx.deps.fetch);
  const known = new Map((await xeroTenantsItem.getValue()).map((tenant) => [tenant.tenantId, tenant]));
  const tenants = connections
    .filter((connection) => connection.tenantType.toUpperCase() === 'ORGANISATION')
    .map((connection) => ({
      ...known.get(connection.tenantId),
      tenantId: connection.tenantId,
      tenantName: connection.tenantName ?? known.get(connection.tenantId)?.tenantName,
      connectionId: connection.id,
    }));
  await xeroTenantsItem.setValue(tenants);
  return tenants;
}

/** After a refresh is asked for: checks the grants again when signed in (a failure keeps the list as it was). */
export async function recheckXeroTenants(ctx: Pick<BackgroundContext, 'xeroAuth' | 'deps' | 'statusChanged'>): Promise<void> {
  if ((await ctx.xeroAuth.state()) !== 'connected') return;
  const before = JSON.stringify(await xeroTenantsItem.getValue());
  const after = await syncXeroTenants(ctx).catch(() => undefined);
  if (after && JSON.stringify(after) !== before) ctx.statusChanged();
}



export function connectionHandlers(ctx: BackgroundContext): Pick<ActionHandlers, ConnectionActionName> {
  /** The company name Cin7 Core answers for these credentials; throws the user-facing reason when refused. */
  async function cin7Company(credentials: Cin7Credentials): Promise<string | undefined> {
    const me = await new Cin7Client(credentials, { fetch: ctx.deps.fetch, maxRetries: 2 }).me();
    return me.Company ?? undefined;
  }

  return {
    async getConnections() {
      const { clientId, source } = await resolveXeroClientId();
      const tenants = await xeroTenantsItem.getValue();
      const accounts = await cin7AccountsItem.getValue();
      const withKeys = [];
      for (const account of accounts) if (await ctx.cin7Keys.get(account.accountId)) withKeys.push(account);
      return {
        xero: {
          state: await ctx.xeroAuth.state(),
          clientId,
          clientIdSource: source,
          redirectUrl: ctx.deps.redirectUrl,
          tenants: tenants.map(({ tenantId, tenantName }) => ({ tenantId, tenantName })),
        },
        cin7: {
          state: withKeys.length ? ('connected' as const) : ('not-connected' as const),
          accounts: withKeys.map(({ accountId, company }) => ({ accountId, company })),
        },
      };
    },
    async connectXero() {
      await ctx.xeroAuth.connect();
      const tenants = await syncXeroTenants(ctx);
      await addAutomaticPair();
      ctx.statusChanged();
      return { tenants: tenants.map(({ tenantId, tenantName }) => ({ tenantId, tenantName })) };
    },
    async disconnectXero() {
      // First stop running refreshes: what they fetched must not be stored after the connection is gone.
      ctx.refresher.cancelAll();
      await ctx.xeroAuth.disconnect();
      await xeroTenantsItem.setValue([]);
      ctx.statusChanged();
      return { ok: true as const };
    },
    async setXeroClientId(args) {
      await xeroClientIdItem.setValue(args.clientId.trim() || null);
      return { ok: true as const };
    },
    async testCin7(args) {
      let credentials: Cin7Credentials | undefined;
      if (args?.accountId && args.applicationKey) credentials = { accountId: args.accountId, applicationKey: args.applicationKey };
      else {
        const accounts = await cin7AccountsItem.getValue();
        const accountId = args?.accountId ?? (accounts.length === 1 ? accounts[0]?.accountId : undefined);
        credentials = accountId ? await ctx.cin7Keys.get(accountId) : undefined;
      }
      if (!credentials) return { ok: false, error: { message: 'Enter the Cin7 Core Account ID and application key first.' } };
      try {
        return { ok: true, company: await cin7Company(credentials) };
      } catch (error) {
        const { message, detail } = describeError(error);
        return { ok: false, error: { message, detail } };
      }
    },
    async saveCin7Credentials(args) {
      const credentials = { accountId: args.accountId.trim(), applicationKey: args.applicationKey.trim() };
      const company = await cin7Company(credentials); // throws the user-facing reason when refused
      await ctx.cin7Keys.save(credentials);
      const accounts = (await cin7AccountsItem.getValue()).filter((a) => a.accountId !== credentials.accountId);
      await cin7AccountsItem.setValue([...accounts, { accountId: credentials.accountId, company }]);
      await addAutomaticPair();
      ctx.statusChanged();
      return { company };
    },
    async removeCin7Credentials(args) {
      await ctx.cin7Keys.remove(args.accountId);
      await cin7AccountsItem.setValue((await cin7AccountsItem.getValue()).filter((a) => a.accountId !== args.accountId));
      return { ok: true as const };
    },
    getSecretProtection: () => ctx.deps.secrets.protection(),
    async setSecretProtection(args) {
      await ctx.deps.secrets.setProtection(args.mode, args.passphrase);
      ctx.statusChanged();
      return { ok: true as const };
    },
    async unlockSecrets(args) {
      const unlocked = await ctx.deps.secrets.unlock(args.passphrase);
      if (unlocked) ctx.statusChanged();
      return { unlocked };
    },
  };
}
