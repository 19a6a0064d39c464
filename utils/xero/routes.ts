// Xero page detection: pure functions of a URL, each followed by the URLs it must match (table-tested in
// tests/unit/xero-overlay/routes.test.ts). Classic `.aspx` paths are the project's fixed URL decisions; the newer
// SPA lives under `/app/`, optionally scoped to an organisation as `/app/!{shortcode}/…` (research/xero.md §2).

import { normalisedPath, toUrl, type UrlInput } from '../overlay/url';

export { toUrl, type UrlInput };

export const XERO_APP_ORIGIN = 'https://go.xero.com';
const XERO_APP_HOST = 'go.xero.com';

/** `/app/!AbC12/chart-of-accounts` → `chart-of-accounts`; `/app/products-and-services` → `products-and-services`. */
function appRoute(url: URL): string | null {
  const match = /^\/app(?:\/![^/]+)?(\/.*)?$/i.exec(url.pathname);
  if (!match) return null;
  return (match[1] ?? '/').toLowerCase().replace(/^\/+|\/+$/g, '');
}

export function isXeroApp(url: UrlInput): boolean {
  return toUrl(url).hostname === XERO_APP_HOST;
}

/** A page at one of the classic paths or one of the `/app/` routes. */
function pageAt(classic: string[], app: string[] = []): (url: UrlInput) => boolean {
  const paths = new Set(classic.map((path) => path.toLowerCase().replace(/\/+$/, '')));
  const routes = new Set(app);
  return (input) => {
    const url = toUrl(input);
    if (url.hostname !== XERO_APP_HOST) return false;
    if (paths.has(normalisedPath(url))) return true;
    const route = appRoute(url);
    return route !== null && routes.has(route);
  };
}

/** The organisation short code a `/app/!{shortcode}/…` URL carries (as Xero writes it, with the `!`), or null. */
export function shortCodeFromUrl(input: UrlInput): string | null {
  const url = toUrl(input);
  if (url.hostname !== XERO_APP_HOST) return null;
  const match = /^\/app\/(![A-Za-z0-9_-]{1,38})(?:\/|$)/.exec(url.pathname);
  if (match?.[1]) return match[1];
  if (normalisedPath(url) === '/organisationlogin/default.aspx') return url.searchParams.get('shortcode')?.trim() || null;
  return null;
}

/** Every route with the URLs it must match; other routes' URLs must not match it (unless listed there too). */
export const ROUTE_EXAMPLES = new Map<string, string[]>();
/** URLs no page-specific route may match. */
export const NO_ROUTE_EXAMPLES = [
  `${XERO_APP_ORIGIN}/`,
  `${XERO_APP_ORIGIN}/Dashboard/`,
  `${XERO_APP_ORIGIN}/app/!Fx1tu/dashboard`,
  `${XERO_APP_ORIGIN}/GeneralLedger/ChartOfAccounts.aspx.bak`,
  `${XERO_APP_ORIGIN}/Setup/FinancialSettingsX.aspx`,
  `${XERO_APP_ORIGIN}/application/products-and-services`,
  'https://go.xero.com.evil.example/GeneralLedger/ChartOfAccounts.aspx',
  'https://inventory.dearsystems.com/ChartOfAccounts',
];

export const isEveryPage = (url: UrlInput): boolean => isXeroApp(url);
ROUTE_EXAMPLES.set('isEveryPage', [`${XERO_APP_ORIGIN}/`, `${XERO_APP_ORIGIN}/Dashboard/?x=1#abc`, `${XERO_APP_ORIGIN}/app/!Fx1tu/dashboard`]);

export const isChartOfAccounts = pageAt(['/generalledger/chartofaccounts.aspx'], ['chart-of-accounts', 'accounting/chart-of-accounts']);
ROUTE_EXAMPLES.set('isChartOfAccounts', [
  `${XERO_APP_ORIGIN}/GeneralLedger/ChartOfAccounts.aspx`,
  `${XERO_APP_ORIGIN}/generalledger/chartofaccounts.aspx?rows=5000`,
  `${XERO_APP_ORIGIN}/GeneralLedger/ChartOfAccounts.aspx#mg-target=account:1400`,
  `${XERO_APP_ORIGIN}/app/!Fx1tu/chart-of-accounts`,
  `${XERO_APP_ORIGIN}/app/chart-of-accounts/`,
]);

export const isFinancialSettings = pageAt(['/setup/financialsettings.aspx'], ['financial-settings', 'settings/financial-settings']);
ROUTE_EXAMPLES.set('isFinancialSettings', [
  `${XERO_APP_ORIGIN}/Setup/FinancialSettings.aspx`,
  `${XERO_APP_ORIGIN}/setup/financialsettings.aspx#mg-target=lock:period`,
  `${XERO_APP_ORIGIN}/app/!Fx1tu/settings/financial-settings`,
]);

export const isProductsAndServices = pageAt(['/accounts/inventory'], ['products-and-services']);
ROUTE_EXAMPLES.set('isProductsAndServices', [
  `${XERO_APP_ORIGIN}/Accounts/Inventory/`,
  `${XERO_APP_ORIGIN}/Accounts/Inventory`,
  `${XERO_APP_ORIGIN}/Accounts/Inventory/#mg-target=item:SKU-000`,
  `${XERO_APP_ORIGIN}/app/products-and-services`,
  `${XERO_APP_ORIGIN}/app/!Fx1tu/products-and-services`,
]);

export const isTracking = pageAt(['/setup/tracking.aspx'], ['tracking-categories', 'settings/tracking-categories']);
ROUTE_EXAMPLES.set('isTracking', [`${XERO_APP_ORIGIN}/Setup/Tracking.aspx`, `${XERO_APP_ORIGIN}/app/!Fx1tu/tracking-categories`]);

export const isCurrencies = pageAt(['/setup/currencyrates.aspx'], ['currencies', 'settings/currencies']);
ROUTE_EXAMPLES.set('isCurrencies', [
  `${XERO_APP_ORIGIN}/Setup/CurrencyRates.aspx`,
  `${XERO_APP_ORIGIN}/Setup/CurrencyRates.aspx#mg-target=currency:USD`,
  `${XERO_APP_ORIGIN}/app/!Fx1tu/settings/currencies`,
]);

export const isBankAccounts = pageAt(['/bank/bankaccounts.aspx'], ['bank-accounts']);
ROUTE_EXAMPLES.set('isBankAccounts', [
  `${XERO_APP_ORIGIN}/Bank/BankAccounts.aspx`,
  `${XERO_APP_ORIGIN}/Bank/BankAccounts.aspx#mg-target=account:9a000000-0000-4000-8000-000000000005`,
  `${XERO_APP_ORIGIN}/app/!Fx1tu/bank-accounts`,
]);
