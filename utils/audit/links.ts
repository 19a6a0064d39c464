// Fix links: the exact screen where a finding is fixed, with the row to highlight on arrival
// (`#mg-target=<kind>:<key>`). URLs are the project's fixed decisions (task brief "Fixed URL decisions").
import type { FixLink } from './types';

import { CIN7_APP_ORIGIN, XERO_APP_ORIGIN } from '../apps';

export { CIN7_APP_ORIGIN, XERO_APP_ORIGIN };

export const CIN7_PATHS = Object.freeze({
  dashboard: '/Dashboard',
  accountMapping: '/AccountMapping',
  chartOfAccounts: '/ChartOfAccounts',
  generalSettings: '/GeneralSettings',
  sale: '/Sale',
  purchase: '/Purchase',
  product: '/Product',
  customer: '/Customer',
  supplier: '/Supplier',
  saleList: '/SaleList',
  purchaseList: '/PurchaseList',
  productList: '/ProductList',
  customerList: '/CustomerList',
  supplierList: '/SupplierList',
});

export const XERO_PATHS = Object.freeze({
  chartOfAccounts: '/GeneralLedger/ChartOfAccounts.aspx',
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

export function cin7AccountMappingLink(roleId?: string): FixLink {
  return { app: 'cin7', url: targeted(cin7Url(CIN7_PATHS.accountMapping), roleId ? { kind: 'role', key: roleId } : undefined), label: 'Open Account Mapping in Cin7 Core' };
}

export function cin7GeneralSettingsLink(): FixLink {
  return { app: 'cin7', url: cin7Url(CIN7_PATHS.generalSettings), label: 'Open General Settings in Cin7 Core' };
}

export type Cin7RecordKind = 'sale' | 'purchase' | 'product' | 'customer' | 'supplier';

const RECORD_PAGES: Record<Cin7RecordKind, { record: string; list: string; name: string }> = {
  sale: { record: CIN7_PATHS.sale, list: CIN7_PATHS.saleList, name: 'sale' },
  purchase: { record: CIN7_PATHS.purchase, list: CIN7_PATHS.purchaseList, name: 'purchase' },
  product: { record: CIN7_PATHS.product, list: CIN7_PATHS.productList, name: 'product' },
  customer: { record: CIN7_PATHS.customer, list: CIN7_PATHS.customerList, name: 'customer' },
  supplier: { record: CIN7_PATHS.supplier, list: CIN7_PATHS.supplierList, name: 'supplier' },
};

/** A Cin7 record (`/Product#<ID>`), or its list when the id is unknown; optionally with a field to highlight. */
export function cin7RecordLink(kind: Cin7RecordKind, id: string | null | undefined, field?: string): FixLink {
  const page = RECORD_PAGES[kind];
  const recordId = id?.trim();
  const url = recordId ? `${cin7Url(page.record)}#${encodeURIComponent(recordId)}` : cin7Url(page.list);
  return {
    app: 'cin7',
    url: targeted(url, field ? { kind: 'field', key: field } : undefined),
    label: recordId ? `Open the ${page.name} in Cin7 Core` : `Open the ${page.name} list in Cin7 Core`,
  };
}

// ---- Xero ----

export function xeroChartLink(shortCode: string | null | undefined, accountKey?: string): FixLink {
  const path = xeroPathWithTarget(XERO_PATHS.chartOfAccounts, accountKey ? { kind: 'account', key: accountKey } : undefined);
  return { app: 'xero', url: xeroUrl(path, shortCode), label: 'Open the chart of accounts in Xero' };
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
