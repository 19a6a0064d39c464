// Site access: the sites the browser must let Mapping Guard use, what each is for, and whether it may now. Users can
// withhold or revoke them (Chrome's "Site access: on click / on specific sites"; Firefox before 127 grants none at
// install in MV3), and then the panel never mounts and every call fails. The SET of sites is the manifest's own
// (host_permissions and content-script matches, from wxt.config.ts and utils/apps.ts); this file only names them.
import { browser } from 'wxt/browser';
import { APPS, XERO_API_ORIGIN, XERO_IDENTITY_ORIGIN } from '../apps';
import { UserFacingError } from './user-error';

export interface Site {
  /** `https://host`: what a URL is matched against. */
  origin: string;
  /** The manifest's match pattern: what `permissions.contains/request` take. */
  pattern: string;
  /** The site in words, host included: "Cin7 Core (inventory.dearsystems.com)". */
  label: string;
  /** What Mapping Guard does with it (so, what stops without it). */
  why: string;
}

/** Names and reasons of the sites the manifest asks for, by origin (the origins come from utils/apps.ts). */
const SITE_WORDS: Record<string, { name: string; why: string }> = {
  [APPS.cin7.origin]: { name: 'Cin7 Core', why: 'reads your Cin7 Core data and shows the panel on its pages' },
  [XERO_API_ORIGIN]: { name: 'the Xero API', why: 'reads your Xero organisation’s accounts, tax rates and settings' },
  [XERO_IDENTITY_ORIGIN]: { name: 'Xero sign-in', why: 'connects Xero and keeps that connection signed in' },
  [APPS.xero.origin]: { name: 'Xero', why: 'shows the panel on Xero’s pages' },
};

/** The parts of a manifest that ask for sites (MV3 `host_permissions`, an MV2 build's `permissions`, content scripts). */
export interface SiteManifest {
  host_permissions?: string[];
  permissions?: string[];
  content_scripts?: { matches?: string[] }[];
}

const originOfPattern = (pattern: string): string | undefined => pattern.match(/^(https:\/\/[^/*]+)\/\*$/)?.[1];

/** The sites a manifest asks for, in its order, once each. */
export function requiredSites(manifest: SiteManifest): Site[] {
  const patterns = [
    ...(manifest.host_permissions ?? []),
    ...(manifest.permissions ?? []),
    ...(manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []),
  ];
  const sites = new Map<string, Site>();
  for (const pattern of patterns) {
    const origin = originOfPattern(pattern);
    if (!origin || sites.has(origin)) continue;
    const host = new URL(origin).host;
    const words = SITE_WORDS[origin] ?? { name: host, why: 'is used by Mapping Guard' };
    sites.set(origin, { origin, pattern, label: words.name === host ? host : `${words.name} (${host})`, why: words.why });
  }
  return [...sites.values()];
}

/** The one wording of a call that failed because the browser withholds its site. */
export const noSiteAccessError = (site: Site, detail?: string) =>
  new UserFacingError(`Mapping Guard has no access to ${site.label}: grant it from the popup.`, 'site-access', detail);

/** What the browser tells about and asks for site access (the `browser.permissions` slice we use). */
export interface PermissionsApi {
  contains(permissions: { origins: string[] }): Promise<boolean>;
  request(permissions: { origins: string[] }): Promise<boolean>;
  onAdded: { addListener(listener: () => void): void; removeListener(listener: () => void): void };
  onRemoved: { addListener(listener: () => void): void; removeListener(listener: () => void): void };
}

export interface SiteAccess {
  readonly sites: readonly Site[];
  /** The sites the browser withholds now (none when it cannot tell). */
  missingSites(): Promise<Site[]>;
  /** Asks the user for `sites`. Call it straight from the click: browsers ask only on a user gesture. */
  request(sites: readonly Site[]): Promise<boolean>;
  /** Calls `listener` whenever the extension gains or loses a permission; returns the unsubscribe. */
  onChange(listener: () => void): () => void;
}

export function siteAccess(manifest: SiteManifest, permissions: PermissionsApi): SiteAccess {
  const sites = requiredSites(manifest);
  return {
    sites,
    async missingSites() {
      const granted = await Promise.all(sites.map((site) => permissions.contains({ origins: [site.pattern] }).catch(() => true)));
      return sites.filter((_, index) => !granted[index]);
    },
    // No await before the request: it must stay inside the click's user activation (Firefox is strict about it).
    request: (wanted) => permissions.request({ origins: wanted.map((site) => site.pattern) }),
    onChange(listener) {
      permissions.onAdded.addListener(listener);
      permissions.onRemoved.addListener(listener);
      return () => {
        permissions.onAdded.removeListener(listener);
        permissions.onRemoved.removeListener(listener);
      };
    },
  };
}

/** The extension's own site access, from its loaded manifest. */
export const browserSiteAccess = (): SiteAccess =>
  siteAccess(browser.runtime.getManifest() as SiteManifest, browser.permissions as unknown as PermissionsApi);

/**
 * Why a call to `url` got no answer, when the reason is a withheld site: the "no access" error, else undefined (then
 * it is the network's fault). Never throws: a browser that cannot tell leaves the network error as it was.
 */
export async function withheldSiteError(url: string | URL, detail?: string): Promise<UserFacingError | undefined> {
  try {
    const origin = new URL(url).origin;
    const site = browserSiteAccess().sites.find((candidate) => candidate.origin === origin);
    if (!site || (await browser.permissions.contains({ origins: [site.pattern] }))) return undefined;
    return noSiteAccessError(site, detail);
  } catch {
    return undefined;
  }
}
