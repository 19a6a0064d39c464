// Xero page detection: pure functions of a URL, each followed by the URLs it must match (table-tested in
// tests/unit/xero-overlay/routes.test.ts). Every page keeps its classic `.aspx` path (the project's fixed URL
// decisions); the newer single-page app lives under `/app/`, with or without the organisation's short code
// (`/app/!{shortcode}/…`). Each `/app/` route below is either SOURCED (a public source names it, cited beside it) or a
// GUESS (no source found: kept because matching a URL that never exists costs nothing, and the page's readers still
// decide whether anything is shown; the comment says why it was guessed).
//
// Sources (research/xero.md §2 plus the searches of issue #6, November 2026):
// [S1] XeroAPI/xero-mcp-server, src/consts/deeplinks.ts: Xero's own deep links
//      `https://go.xero.com/app/${orgShortCode}/invoicing/view/…`, `…/contacts/contact/…`, `…/quotes/view/…`, and
//      `https://go.xero.com/Setup/Tracking.aspx?categoryID=…`: the org-scoped `/app/` form and the classic tracking page.
// [S2] A public Python CLI that drives the live Xero web app (its AGENTS.md, "URLs discovered from the live Settings
//      page `$XERO_APP_BASE_URL/settings`", base `https://go.xero.com/app/!M0777`): the settings hub links Chart of
//      accounts, Financial settings, Currencies, Tracking categories and Tax rates to their CLASSIC `.aspx` paths and
//      Bank accounts to `/Bank/BankAccounts.aspx`; `/app/!{org}/organisation-details`, `/settings/users` are SPA pages.
// [S3] A public reference data set captured from a live Demo Company on 11 September 2026 (short code `!!6Sp3`): chart
//      read from `/GeneralLedger/ChartOfAccounts.aspx` (`table#chartOfAccounts`), bank accounts from
//      `/Bank/BankAccounts.aspx`, settings from `/app/!!6Sp3/settings`, `/Setup/FinancialSettings.aspx` and
//      `/organisation-details`. Shows short codes may hold more than one `!`.
// [S4] A public browser extension that adds flyouts to Xero's own navigation menu: it finds the menu's Chart of
//      accounts entry by `a[href^="https://go.xero.com/GeneralLedger/ChartOfAccounts.aspx"]`, so the live menu still
//      links the classic chart.
// [S5] Products and services in the SPA: `https://go.xero.com/app/products-and-services` (a public clinic app's "open
//      the Products and services page" link; a PHP integration's comment `go.xero.com/app/!Pqzj1/products-and-services`;
//      a Python data file with item links `go.xero.com/app/!VkWjW/products-and-services/<ItemID>`).
// [S6] Bank accounts in the SPA: `go.xero.com/app/<shortCode>/manage-bank-accounts` (a public bank-statement upload
//      agent's contract note, June 2026: "validated live end-to-end", it picks the account widget by account number) and
//      `https://go.xero.com/app/manage-bank-accounts` (a public trainer app's "Add or manage bank accounts in Xero").
// [S7] `https://go.xero.com/app/chart-of-accounts` (the same trainer app, "Manage your chart of accounts in Xero";
//      its comment says Xero redirects to the user's organisation). One unverified link, against [S2]-[S4] which
//      show the chart still on its classic page: kept, marked weak.
// [S8] The new app's home: `go.xero.com` redirects to `/app/!{shortcode}/homepage` (a public service-login guide,
//      2026, fidelity.md id 51798427836); the classic dashboard `/Dashboard/` titled "Xero | Dashboard | {Org}"
//      (Selenium page objects, id 22225310558).
// [S9] The chart's Archive tab: `/GeneralLedger/ChartOfAccounts.aspx?accountClass=ACCTSTATUS/ARCHIVED&PageSize=200`
//      (a public extension's flyout of the chart's tabs, id 60432955567); archived accounts show only there.
// Not found anywhere: an `/app/` page for financial settings (lock dates), tracking categories or currencies.
//
// Fix links (utils/audit/links.ts XERO_PATHS, checked against the same sources): chart of accounts, financial settings,
// tracking, currencies, tax rates and bank accounts point at the classic pages the live settings hub still links
// ([S2], [S3]), so they hold. Products and services points at the classic `/Accounts/Inventory/`, which only older
// integrations show: no 2025-26 source shows it still served, the sourced page is `/app/products-and-services` [S5]
// (a change for that file's owner; this file matches both).

import { normalisedPath, toUrl, type UrlInput } from '../../net/url';

export { toUrl, type UrlInput };

import { XERO_APP_HOST, XERO_APP_ORIGIN } from '../../apps';
import { XERO_PATHS } from '../../audit/links';

export { XERO_APP_ORIGIN };

/** `!` may reach us percent-encoded (`/app/%21Ab12C/…`, seen in a public integration's test). */
const appPath = (url: URL): string => url.pathname.replace(/%21/gi, '!');

/** `/app/!AbC12/chart-of-accounts` → `chart-of-accounts`; `/app/products-and-services` → `products-and-services`. */
function appRoute(url: URL): string | null {
  const match = /^\/app(?:\/![^/]+)?(\/.*)?$/i.exec(appPath(url));
  if (!match) return null;
  return (match[1] ?? '/').toLowerCase().replace(/^\/+|\/+$/g, '');
}

export function isXeroApp(url: UrlInput): boolean {
  return toUrl(url).hostname === XERO_APP_HOST;
}

interface PageRoutes {
  /** Classic paths (case-insensitive, trailing slash ignored). */
  classic: string[];
  /** `/app/` routes a source names (see the header). */
  sourced?: string[];
  /** `/app/` routes no source names (each with its reason beside it). */
  guessed?: string[];
}

/** A page at one of the classic paths or one of the `/app/` routes (with or without the short code). */
function pageAt({ classic, sourced = [], guessed = [] }: PageRoutes): (url: UrlInput) => boolean {
  const paths = new Set(classic.map((path) => path.toLowerCase().replace(/\/+$/, '')));
  const routes = new Set([...sourced, ...guessed]);
  return (input) => {
    const url = toUrl(input);
    if (url.hostname !== XERO_APP_HOST) return false;
    if (paths.has(normalisedPath(url))) return true;
    const route = appRoute(url);
    return route !== null && routes.has(route);
  };
}

/**
 * The organisation short code a `/app/!{shortcode}/…` URL carries (as Xero writes it, with its leading `!`), or null.
 * Short codes are short and may hold further `!`s (`!!6Sp3`, `!0X0!!` in [S3]/[S6]).
 */
export function shortCodeFromUrl(input: UrlInput): string | null {
  const url = toUrl(input);
  if (url.hostname !== XERO_APP_HOST) return null;
  const match = /^\/app\/(![A-Za-z0-9_!-]{1,38})(?:\/|$)/i.exec(appPath(url));
  if (match?.[1]) return match[1];
  if (normalisedPath(url) === '/organisationlogin/default.aspx') return url.searchParams.get('shortcode')?.trim() || null;
  return null;
}

/** Every route with the URLs it must match; other routes' URLs must not match it (unless listed there too). */
export const ROUTE_EXAMPLES = new Map<string, string[]>();
/** URLs no page-specific route may match. */
export const NO_ROUTE_EXAMPLES = [
  `${XERO_APP_ORIGIN}/`,
  // GUESS kept out: no source shows an `/app/…/dashboard` route (the new app's home is `homepage` [S8]).
  `${XERO_APP_ORIGIN}/app/!Fx1tu/dashboard`,
  `${XERO_APP_ORIGIN}/app/!!6Sp3/settings`,
  `${XERO_APP_ORIGIN}/app/!!6Sp3/organisation-details`,
  `${XERO_APP_ORIGIN}/app/!M0777/settings/users`,
  `${XERO_APP_ORIGIN}/app/bank-rules`,
  `${XERO_APP_ORIGIN}/app/!VkWjW/products-and-services/93ce6eb3-993c-4b6f-902d-488f848b4ee2`,
  `${XERO_APP_ORIGIN}/GeneralLedger/ChartOfAccounts.aspx.bak`,
  `${XERO_APP_ORIGIN}/Setup/FinancialSettingsX.aspx`,
  `${XERO_APP_ORIGIN}/application/products-and-services`,
  'https://go.xero.com.evil.example/GeneralLedger/ChartOfAccounts.aspx',
  'https://inventory.dearsystems.com/ChartOfAccounts',
];

export const isEveryPage = (url: UrlInput): boolean => isXeroApp(url);
ROUTE_EXAMPLES.set('isEveryPage', [`${XERO_APP_ORIGIN}/`, `${XERO_APP_ORIGIN}/Dashboard/?x=1#abc`, `${XERO_APP_ORIGIN}/app/!Fx1tu/dashboard`]);

export const isHome = pageAt({
  classic: ['/dashboard'], // [S8]
  sourced: ['homepage'], // [S8]
});
ROUTE_EXAMPLES.set('isHome', [`${XERO_APP_ORIGIN}/Dashboard/`, `${XERO_APP_ORIGIN}/Dashboard`, `${XERO_APP_ORIGIN}/app/!kh5BZ/homepage`, `${XERO_APP_ORIGIN}/app/!!6Sp3/homepage`]);

export const isChartOfAccounts = pageAt({
  classic: ['/generalledger/chartofaccounts.aspx'], // [S2] [S3] [S4]: still the live page.
  sourced: ['chart-of-accounts'], // [S7], weak: one unverified link.
  // The older guess `accounting/chart-of-accounts` was dropped: no source and no page of that shape was seen.
});
ROUTE_EXAMPLES.set('isChartOfAccounts', [
  `${XERO_APP_ORIGIN}/GeneralLedger/ChartOfAccounts.aspx`,
  `${XERO_APP_ORIGIN}/generalledger/chartofaccounts.aspx?rows=5000`,
  `${XERO_APP_ORIGIN}/GeneralLedger/ChartOfAccounts.aspx?accountClass=ACCTCLASS/ASSET&PageSize=200`,
  `${XERO_APP_ORIGIN}/GeneralLedger/ChartOfAccounts.aspx?accountClass=ACCTSTATUS/ARCHIVED&PageSize=200`,
  `${XERO_APP_ORIGIN}/GeneralLedger/ChartOfAccounts.aspx#mg-target=account:1400`,
  `${XERO_APP_ORIGIN}/app/chart-of-accounts`,
  `${XERO_APP_ORIGIN}/app/!Fx1tu/chart-of-accounts`,
  `${XERO_APP_ORIGIN}/app/chart-of-accounts/`,
]);

/** The chart's Archive tab [S9], on the classic chart. */
export const ARCHIVE_TAB_URL = `${XERO_APP_ORIGIN}${XERO_PATHS.archivedAccounts}`;

/** The chart's Archive tab [S9]: the list shows archived accounts only. Not a route of its own (it is the chart). */
export function archivedAccountsListed(input: UrlInput): boolean {
  const url = toUrl(input);
  return isChartOfAccounts(url) && (url.searchParams.get('accountClass') ?? '').toUpperCase() === 'ACCTSTATUS/ARCHIVED';
}

export const isFinancialSettings = pageAt({
  classic: ['/setup/financialsettings.aspx'], // [S2] [S3]: the settings hub links here.
  // GUESS: no source. Xero's SPA names pages after their menu label in kebab case (organisation-details, bank-rules)
  // and nests some settings under `settings/` ([S2]: `settings/users`).
  guessed: ['financial-settings', 'settings/financial-settings'],
});
ROUTE_EXAMPLES.set('isFinancialSettings', [
  `${XERO_APP_ORIGIN}/Setup/FinancialSettings.aspx`,
  `${XERO_APP_ORIGIN}/setup/financialsettings.aspx#mg-target=lock:period`,
  `${XERO_APP_ORIGIN}/app/!Fx1tu/financial-settings`,
  `${XERO_APP_ORIGIN}/app/!Fx1tu/settings/financial-settings`,
]);

export const isProductsAndServices = pageAt({
  classic: ['/accounts/inventory'], // research/xero.md §2 (older integrations); no 2025-26 source shows it still served.
  sourced: ['products-and-services'], // [S5]
});
ROUTE_EXAMPLES.set('isProductsAndServices', [
  `${XERO_APP_ORIGIN}/Accounts/Inventory/`,
  `${XERO_APP_ORIGIN}/Accounts/Inventory`,
  `${XERO_APP_ORIGIN}/Accounts/Inventory/#mg-target=item:SKU-000`,
  `${XERO_APP_ORIGIN}/app/products-and-services`,
  `${XERO_APP_ORIGIN}/app/!Fx1tu/products-and-services`,
  `${XERO_APP_ORIGIN}/app/!Pqzj1/products-and-services#mg-target=item:SKU-000`,
]);

export const isTracking = pageAt({
  classic: ['/setup/tracking.aspx'], // [S1] (Xero's own deep link, with `?categoryID=`) [S2]
  // GUESS: no source; the menu label "Tracking categories" in kebab case, also under `settings/` (as above).
  guessed: ['tracking-categories', 'settings/tracking-categories'],
});
ROUTE_EXAMPLES.set('isTracking', [
  `${XERO_APP_ORIGIN}/Setup/Tracking.aspx`,
  `${XERO_APP_ORIGIN}/Setup/Tracking.aspx?categoryID=9c000000-0000-4000-8000-000000000001`,
  `${XERO_APP_ORIGIN}/app/!Fx1tu/tracking-categories`,
  `${XERO_APP_ORIGIN}/app/!Fx1tu/settings/tracking-categories`,
]);

export const isCurrencies = pageAt({
  classic: ['/setup/currencyrates.aspx'], // [S2]
  // GUESS: no source; the menu label "Currencies" in kebab case, also under `settings/` (as above).
  guessed: ['currencies', 'settings/currencies'],
});
ROUTE_EXAMPLES.set('isCurrencies', [
  `${XERO_APP_ORIGIN}/Setup/CurrencyRates.aspx`,
  `${XERO_APP_ORIGIN}/Setup/CurrencyRates.aspx#mg-target=currency:USD`,
  `${XERO_APP_ORIGIN}/app/!Fx1tu/currencies`,
  `${XERO_APP_ORIGIN}/app/!Fx1tu/settings/currencies`,
]);

export const isBankAccounts = pageAt({
  classic: ['/bank/bankaccounts.aspx'], // [S2] [S3]
  sourced: ['manage-bank-accounts'], // [S6]
  // GUESS: the older guess of this file, kept (no source); harmless beside the sourced route.
  guessed: ['bank-accounts'],
});
ROUTE_EXAMPLES.set('isBankAccounts', [
  `${XERO_APP_ORIGIN}/Bank/BankAccounts.aspx`,
  `${XERO_APP_ORIGIN}/Bank/BankAccounts.aspx#mg-target=account:9a000000-0000-4000-8000-000000000005`,
  `${XERO_APP_ORIGIN}/app/manage-bank-accounts`,
  `${XERO_APP_ORIGIN}/app/!0X0!!/manage-bank-accounts`,
  `${XERO_APP_ORIGIN}/app/%21Ab12C/manage-bank-accounts`,
  `${XERO_APP_ORIGIN}/app/!Fx1tu/bank-accounts`,
]);
