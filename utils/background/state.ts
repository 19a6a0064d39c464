// Non-secret state. Content scripts can read storage.local, so what is there is neither a secret nor what identifies
// a Cin7 Core account: tenants' names, settings, the Xero client id, the selected pair's opaque id. The pairs and the
// Cin7 accounts (whose Account ID is half of the API credentials) are in the trusted store (trusted-items.ts).
import { storage } from 'wxt/utils/storage';
import { defineTrustedItem } from './trusted-items';
import { memoizeItem } from './memo-item';
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

export const pairsItem = defineTrustedItem<Pair[]>('pairs', []);
/** Read on every page load (pair-resolution.ts): kept in the worker's memory after the first read (memo-item.ts). */
export const selectedPairItem = memoizeItem(storage.defineItem<string | null>('local:selectedPairId', { fallback: null, version: 1 }));
export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS, version: 1 });
/** Set in the options page; overrides the build's WXT_XERO_CLIENT_ID. A client id is public (PKCE has no secret). */
export const xeroClientIdItem = storage.defineItem<string | null>('local:xeroClientId', { fallback: null, version: 1 });
export const xeroTenantsItem = storage.defineItem<KnownTenant[]>('local:xeroTenants', { fallback: [], version: 1 });
export const cin7AccountsItem = defineTrustedItem<KnownCin7Account[]>('cin7Accounts', []);
/** What each open app tab said it shows (forgotten with the browser session); its pair is matched at each use. */
export interface StoredTabIdentity {
  app: AppId;
  identity: TabIdentity;
}
/** Its key in storage.session (its changes alone say nothing about a pair's status: wiring.ts). */
export const TAB_IDENTITIES_KEY = 'tabIdentities';
export const tabIdentitiesItem = memoizeItem(
  storage.defineItem<Record<string, StoredTabIdentity>>(`session:${TAB_IDENTITIES_KEY}`, { fallback: {} }),
);

/** The client id to use: the options page's, else the one built in. */
export async function resolveXeroClientId(): Promise<{ clientId?: string; source: 'options' | 'build' | 'none' }> {
  const fromOptions = (await xeroClientIdItem.getValue())?.trim();
  if (fromOptions) return { clientId: fromOptions, source: 'options' };
  const fromBuild = (import.meta.env.WXT_XERO_CLIENT_ID as string | undefined)?.trim();
  if (fromBuild) return { clientId: fromBuild, source: 'build' };
  return { source: 'none' };
}
