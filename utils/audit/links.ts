// Fix links: the exact screen where a finding is fixed, with the row to highlight on arrival
// (`#mg-target=<kind>:<key>`). Only sourced URLs (../shared/research/fidelity.md): a Cin7 Core page with a menu path
// but no published URL links to the sourced `/Settings` page, says the menu path in words and names the page
// (`page`), and the background swaps in the URL it learned when that page was recognised (`applyLearnedPages`).
import type { FixLink } from './types';
import type { Cin7PageKind } from '../schemas/finding';

import { CIN7_APP_ORIGIN, XERO_APP_ORIGIN } from '../apps';

export { CIN7_APP_ORIGIN, XERO_APP_ORIGIN };
export type { Cin7PageKind };

/** Cin7 Core paths with a public source each (fidelity.md, Cin7 Core table). */
export const CIN7_PATHS = Object.freeze({
  /** The app's own origin: every source uses this host; what it shows after login is not documented. */
  home: '/',
  /** A React app linking `https://inventory.dearsystems.com/Settings` (fidelity.md). */
  settings: '/Settings',
  /** `Livingculture/freight-tool` userscripts, `@match …/Sale*`; record id in the hash. */
  sale: '/Sale',
  /** Public userscripts (ids 53116206718, 17084084260): `/Purchase#<id>`. */
  purchase: '/Purchase',
  /** Apify scraper (id 43854478568): `/Product#<id>`. */
  product: '/Product',
  /** Public code (ids 55120616107, 56249914989): `/Customer#<id>`. */
  customer: '/Customer',
  /** "Cin7 extension" userscript `@match`. */
  saleList: '/SaleList',
  /** "Cin7 extension" userscript `@match`. */
  customerList: '/CustomerList',
});

/**
 * Menu paths of the Cin7 Core pages without a published URL, as the sources word them:
 * Account Mapping — PencilPay knowledge base "cin7-account-mapping"; Chart of Accounts — help.core.cin7.com
 * articles 9034460268815 and 9034464234639; General Settings ("in the Settings section of the main menu") — articles
 * 11073339810575 and 11073350117775.
 */
export const CIN7_MENU_PATHS: Readonly<Record<Cin7PageKind, readonly string[]>> = Object.freeze({
  accountMapping: ['Settings', 'Reference Books', 'Financial', 'Account Mapping'],
  chartOfAccounts: ['Settings', 'Reference Books', 'Financial', 'Chart of Accounts'],
  generalSettings: ['Settings', 'General Settings'],
});

const PAGE_NAMES: Readonly<Record<Cin7PageKind, string>> = { accountMapping: 'Account Mapping', chartOfAccounts: 'Chart of Accounts', generalSettings: 'General Settings' };

/** "Open Settings in Cin7 Core → Reference Books → Financial → Account Mapping". */
export function cin7MenuPathLabel(page: Cin7PageKind): string {
  const [first, ...rest] = CIN7_MENU_PATHS[page];
  return [`Open ${first} in Cin7 Core`, ...rest].join(' → ');
}

export const XERO_PATHS = Object.freeze({
  chartOfAccounts: '/GeneralLedger/ChartOfAccounts.aspx',
  /** The chart's Archive tab: archived accounts leave the main list and show only here (research/fidelity.md). */
  archivedAccounts: '/GeneralLedger/ChartOfAccounts.aspx?accountClass=ACCTSTATUS/ARCHIVED&PageSize=200',
  financialSettings: '/Setup/FinancialSettings.aspx',
  productsAndServices: '/Accounts/Inventory/',
  tracking: '/Setup/Tracking.aspx',
  currencies: '/Setup/CurrencyRates.aspx',
  taxRates: '/Setup/TaxRates.aspx',
  bankAccounts: '/Bank/BankAccounts.aspx',
  organisationLogin: '/organisationlogin/default.aspx',
});

/** The row a link asks the page to highlight: `role:cogs`, `account:1400`, `item:WIDGET-1`… */
export interface LinkTarget {
  kind: string;
  key: string;
}

const TARGET_PARAM = 'mg-target=';

function splitHash(url: string): [string, string] {
  const at = url.indexOf('#');
  return at < 0 ? [url, ''] : [url.slice(0, at), url.slice(at + 1)];
}

/** Fragment parts other than our target (a Cin7 record id such as `/Sale#<id>` stays first). */
function fragmentPartsWithoutTarget(fragment: string): string[] {
  return fragment === '' ? [] : fragment.split('&').filter((part) => !part.startsWith(TARGET_PARAM));
}

function isXeroWrapper(url: URL): boolean {
  return url.origin === XERO_APP_ORIGIN && url.pathname.toLowerCase() === XERO_PATHS.organisationLogin && url.searchParams.has('redirecturl');
}

function parseUrl(url: string): URL | null {
  // A path (`/Accounts/Inventory/`) is never an absolute URL: skip the throw, which costs more than the rest of a link.
  if (url.startsWith('/')) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Adds (or replaces) the arrival target. Inside a Xero org wrapper it goes into the encoded `redirecturl`. */
export function withTarget(url: string, target: LinkTarget): string {
  const parsed = parseUrl(url);
  if (parsed && isXeroWrapper(parsed)) {
    const inner = parsed.searchParams.get('redirecturl') ?? '/';
    parsed.searchParams.set('redirecturl', withTarget(inner, target));
    return parsed.toString();
  }
  const [base, fragment] = splitHash(url);
  const parts = fragmentPartsWithoutTarget(fragment);
  parts.push(`${TARGET_PARAM}${encodeURIComponent(target.kind)}:${encodeURIComponent(target.key)}`);
  return `${base}#${parts.join('&')}`;
}

/** The arrival target a URL carries, or null (also for malformed targets). */
export function readTarget(url: string): LinkTarget | null {
  const parsed = parseUrl(url);
  if (parsed && isXeroWrapper(parsed)) return readTarget(parsed.searchParams.get('redirecturl') ?? '');
  const [, fragment] = splitHash(url);
  const part = fragment.split('&').find((piece) => piece.startsWith(TARGET_PARAM));
  if (!part) return null;
  const value = part.slice(TARGET_PARAM.length);
  const colon = value.indexOf(':');
  if (colon <= 0) return null;
  try {
    const kind = decodeURIComponent(value.slice(0, colon));
    const key = decodeURIComponent(value.slice(colon + 1));
    return kind && key ? { kind, key } : null;
  } catch {
    return null;
  }
}

/** The URL without our target (what route detection and record ids should look at). */
export function stripTarget(url: string): string {
  const [base, fragment] = splitHash(url);
  const parts = fragmentPartsWithoutTarget(fragment);
  return parts.length > 0 ? `${base}#${parts.join('&')}` : base;
}

/** A Xero web-app URL, through the organisation wrapper when the short code is known (research/xero.md §2). */
export function xeroUrl(path: string, shortCode: string | null | undefined): string {
  const code = shortCode?.trim();
  if (!code) return `${XERO_APP_ORIGIN}${path}`;
  return `${XERO_APP_ORIGIN}${XERO_PATHS.organisationLogin}?shortcode=${encodeURIComponent(code)}&redirecturl=${encodeURIComponent(path)}`;
}

export function cin7Url(path: string): string {
  return `${CIN7_APP_ORIGIN}${path}`;
}

const targeted = (url: string, target: LinkTarget | undefined): string => (target ? withTarget(url, target) : url);
const xeroPathWithTarget = (path: string, target: LinkTarget | undefined): string => (target ? withTarget(path, target) : path);

// ---- Cin7 Core ----

/**
 * A link to a Cin7 Core page without a published URL: the sourced Settings page, with the menu path in words and the
 * target kept in the fragment, so that `applyLearnedPages` can move both to the learned URL.
 */
export function cin7PageLink(page: Cin7PageKind, target?: LinkTarget): FixLink {
  return { app: 'cin7', url: targeted(cin7Url(CIN7_PATHS.settings), target), label: cin7MenuPathLabel(page), page };
}

export function cin7AccountMappingLink(roleId?: string): FixLink {
  return cin7PageLink('accountMapping', roleId ? { kind: 'role', key: roleId } : undefined);
}

export function cin7GeneralSettingsLink(): FixLink {
  return cin7PageLink('generalSettings');
}

/** The URLs learned per page (the background's per-account record), as `applyLearnedPages` reads them. */
export type LearnedPages = Partial<Record<Cin7PageKind, string>>;

/**
 * The link with the URL learned for its page, keeping its arrival target (`withTarget` adds it to the learned
 * URL's own fragment); unchanged when it names no page or that page has not been learned. Pure: the background
 * applies it wherever it hands findings out; the CLI, which learns nothing, keeps the sourced fallback.
 */
export function applyLearnedPages<L extends FixLink>(fix: L, learned: LearnedPages): L {
  const url = fix.page ? learned[fix.page] : undefined;
  if (!fix.page || !url) return fix;
  const target = readTarget(fix.url);
  return { ...fix, url: target ? withTarget(url, target) : url, label: `Open ${PAGE_NAMES[fix.page]} in Cin7 Core` };
}

export type Cin7RecordKind = 'sale' | 'purchase' | 'product' | 'customer' | 'supplier';

/**
 * Record pages and lists. `record: null` — no published URL of the supplier page (fidelity.md: `/Supplier#` was not
 * seen anywhere); `list: null` — no published URL of the purchase, product and supplier lists. Those links go to the
 * app's home and say in words what to find there.
 */
const RECORD_PAGES: Record<Cin7RecordKind, { record: string | null; list: string | null; name: string }> = {
  sale: { record: CIN7_PATHS.sale, list: CIN7_PATHS.saleList, name: 'sale' },
  purchase: { record: CIN7_PATHS.purchase, list: null, name: 'purchase' },
  product: { record: CIN7_PATHS.product, list: null, name: 'product' },
  customer: { record: CIN7_PATHS.customer, list: CIN7_PATHS.customerList, name: 'customer' },
  supplier: { record: null, list: null, name: 'supplier' },
};

/** A Cin7 record (`/Product#<ID>`), or its list when the id is unknown; optionally with a field to highlight. */
export function cin7RecordLink(kind: Cin7RecordKind, id: string | null | undefined, field?: string): FixLink {
  const page = RECORD_PAGES[kind];
  const recordId = id?.trim();
  if (recordId && page.record) {
    const url = `${cin7Url(page.record)}#${encodeURIComponent(recordId)}`;
    return { app: 'cin7', url: targeted(url, field ? { kind: 'field', key: field } : undefined), label: `Open the ${page.name} in Cin7 Core` };
  }
  if (!recordId && page.list) return { app: 'cin7', url: cin7Url(page.list), label: `Open the ${page.name} list in Cin7 Core` };
  return { app: 'cin7', url: cin7Url(CIN7_PATHS.home), label: `Open Cin7 Core and find the ${page.name} there (its page has no known address)` };
}

// ---- Xero ----

/** The chart at an account; an archived account is only on the chart's Archive tab, so the link goes there. */
export function xeroChartLink(shortCode: string | null | undefined, accountKey?: string, options: { archived?: boolean } = {}): FixLink {
  const target = accountKey ? { kind: 'account', key: accountKey } : undefined;
  const path = xeroPathWithTarget(options.archived ? XERO_PATHS.archivedAccounts : XERO_PATHS.chartOfAccounts, target);
  const label = options.archived ? 'Open the Archive tab of the chart of accounts in Xero' : 'Open the chart of accounts in Xero';
  return { app: 'xero', url: xeroUrl(path, shortCode), label };
}

export function xeroFinancialSettingsLink(shortCode: string | null | undefined): FixLink {
  return { app: 'xero', url: xeroUrl(XERO_PATHS.financialSettings, shortCode), label: 'Open Financial settings in Xero' };
}

export function xeroProductsLink(shortCode: string | null | undefined, itemCode?: string): FixLink {
  const path = xeroPathWithTarget(XERO_PATHS.productsAndServices, itemCode ? { kind: 'item', key: itemCode } : undefined);
  return { app: 'xero', url: xeroUrl(path, shortCode), label: 'Open Products and services in Xero' };
}

export function xeroCurrenciesLink(shortCode: string | null | undefined, currency?: string): FixLink {
  const path = xeroPathWithTarget(XERO_PATHS.currencies, currency ? { kind: 'currency', key: currency } : undefined);
  return { app: 'xero', url: xeroUrl(path, shortCode), label: 'Open Currencies in Xero' };
}

export function xeroBankAccountsLink(shortCode: string | null | undefined, accountKey?: string): FixLink {
  const path = xeroPathWithTarget(XERO_PATHS.bankAccounts, accountKey ? { kind: 'account', key: accountKey } : undefined);
  return { app: 'xero', url: xeroUrl(path, shortCode), label: 'Open Bank accounts in Xero' };
}

export function xeroTrackingLink(shortCode: string | null | undefined): FixLink {
  return { app: 'xero', url: xeroUrl(XERO_PATHS.tracking, shortCode), label: 'Open Tracking categories in Xero' };
}

export function xeroTaxRatesLink(shortCode: string | null | undefined): FixLink {
  return { app: 'xero', url: xeroUrl(XERO_PATHS.taxRates, shortCode), label: 'Open Tax rates in Xero' };
}
