// Non-secret state in storage.local (versioned WXT storage items). Content scripts can read storage.local, so nothing
// here is a secret: pairs, tenants' names, Cin7 account ids and company names, settings, the Xero client id.
import { storage } from 'wxt/utils/storage';
import type { AppId } from '../apps';
import type { Pair, Settings, TabIdentity } from '../protocol/shapes';

export interface KnownTenant {
  tenantId: string;
  tenantName?: string;
  shortCode?: string;
  /** The /connections entry id, for DELETE /connections/{id}. */
  connectionId?: string;
}

export interface KnownCin7Account {
  accountId: string;
  company?: string;
}

export const DEFAULT_SETTINGS: Settings = { refreshHours: 6 };

export const pairsItem = storage.defineItem<Pair[]>('local:pairs', { fallback: [], version: 1 });
export const selectedPairItem = storage.defineItem<string | null>('local:selectedPairId', { fallback: null, version: 1 });
export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS, version: 1 });
/** Set in the options page; overrides the build's WXT_XERO_CLIENT_ID. A client id is public (PKCE has no secret). */
export const xeroClientIdItem = storage.defineItem<string | null>('local:xeroClientId', { fallback: null, version: 1 });
export const xeroTenantsItem = storage.defineItem<KnownTenant[]>('local:xeroTenants', { fallback: [], version: 1 });
export const cin7AccountsItem = storage.defineItem<KnownCin7Account[]>('local:cin7Accounts', { fallback: [], version: 1 });
/** What each open app tab said it shows (forgotten with the browser session); its pair is matched at each use. */
export interface StoredTabIdentity {
  app: AppId;
  identity: TabIdentity;
}
export const tabIdentitiesItem = storage.defineItem<Record<string, StoredTabIdentity>>('session:tabIdentities', { fallback: {} });

/** The client id to use: the options page's, else the one built in. */
export async function resolveXeroClientId(): Promise<{ clientId?: string; source: 'options' | 'build' | 'none' }> {
  const fromOptions = (await xeroClientIdItem.getValue())?.trim();
  if (fromOptions) return { clientId: fromOptions, source: 'options' };
  const fromBuild = (import.meta.env.WXT_XERO_CLIENT_ID as string | undefined)?.trim();
  if (fromBuild) return { clientId: fromBuild, source: 'build' };
  return { source: 'none' };
}
