// The two web apps Mapping Guard works with: the one home of their origins, hosts and URL patterns. Pure; every
// layer (engine links, routes, API clients, the manifest, sender checks, safe links) reads them from here.

export type AppId = 'cin7' | 'xero';
export const APP_IDS: readonly AppId[] = ['cin7', 'xero'];

export const APPS = {
  cin7: { name: 'Cin7 Core', origin: 'https://inventory.dearsystems.com', host: 'inventory.dearsystems.com' },
  xero: { name: 'Xero', origin: 'https://go.xero.com', host: 'go.xero.com' },
} as const satisfies Record<AppId, { name: string; origin: string; host: string }>;

export const CIN7_APP_ORIGIN = APPS.cin7.origin;
export const XERO_APP_ORIGIN = APPS.xero.origin;
export const CIN7_APP_HOST = APPS.cin7.host;
export const XERO_APP_HOST = APPS.xero.host;

/** Cin7 Core's API v2 lives on the web app's own host (research/cin7.md §1.1). */
export const CIN7_API_BASE = `${CIN7_APP_ORIGIN}/ExternalApi/v2/`;
export const XERO_API_ORIGIN = 'https://api.xero.com';
export const XERO_IDENTITY_ORIGIN = 'https://identity.xero.com';
export const XERO_LOGIN_ORIGIN = 'https://login.xero.com';

/** Content-script match pattern of an app's web pages. */
export const appMatchPattern = (app: AppId): string => `${APPS[app].origin}/*`;

/** Which app an origin belongs to (exact origin match: no look-alike host passes). */
export function appOfOrigin(origin: string | undefined): AppId | undefined {
  return APP_IDS.find((app) => APPS[app].origin === origin);
}

/** Which app a page URL belongs to (none for another site or a URL that does not parse). */
export function appOfUrl(url: string | undefined): AppId | undefined {
  try {
    return url ? appOfOrigin(new URL(url).origin) : undefined;
  } catch {
    return undefined;
  }
}

/** Which app a hostname belongs to. */
export function appOfHost(hostname: string): AppId | undefined {
  return APP_IDS.find((app) => APPS[app].host === hostname);
}

/** Each app's web origin, by id. */
export const APP_ORIGINS: Record<AppId, string> = { cin7: CIN7_APP_ORIGIN, xero: XERO_APP_ORIGIN };

/**
 * The overlay bundle of each app, which the background injects into an app tab when its start script asks (action
 * `loadOverlay`): WXT builds each `<app>.content` entry (registration: 'runtime') to this path and leaves it out of
 * the manifest, where only the small `<app>-start` scripts are.
 */
export const OVERLAY_SCRIPTS: Record<AppId, `/content-scripts/${AppId}.js`> = {
  cin7: '/content-scripts/cin7.js',
  xero: '/content-scripts/xero.js',
};
