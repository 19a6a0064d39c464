// Cin7 Core page detection: pure functions of a URL, each followed by the URLs it must match (table-tested in
// tests/unit/cin7/routes.test.ts, refined-github style). Only URLs with a public source (fidelity.md), each named;
// the one kept guess says so. Pages without a published URL (Account Mapping, Chart of Accounts, General Settings)
// have no route: their features recognise them by what they show (page-spotter.ts, recognise.ts).

import { normalisedPath, toUrl, type UrlInput } from '../../net/url';

export { toUrl, type UrlInput };

import { CIN7_APP_HOST, CIN7_APP_ORIGIN } from '../../apps';

export { CIN7_APP_ORIGIN };

export function isCin7App(url: UrlInput): boolean {
  return toUrl(url).hostname === CIN7_APP_HOST;
}

function pageAt(...paths: string[]): (url: UrlInput) => boolean {
  const wanted = new Set(paths.map((path) => path.toLowerCase()));
  return (url) => {
    const parsed = toUrl(url);
    return parsed.hostname === CIN7_APP_HOST && wanted.has(normalisedPath(parsed));
  };
}

/** Every route with the URLs it must match; other routes' URLs must not match it. */
export const ROUTE_EXAMPLES = new Map<string, string[]>();

export const isEveryPage = (url: UrlInput): boolean => isCin7App(url);
ROUTE_EXAMPLES.set('isEveryPage', [`${CIN7_APP_ORIGIN}/`, `${CIN7_APP_ORIGIN}/Anything?x=1#abc`]);

// Record pages carry the record's GUID in the hash; the list pages are separate paths.
/** `Livingculture/freight-tool` userscripts (`@match …/Sale*`), `#<id>` and `~tabOrder`. */
export const isSale = pageAt('/sale');
ROUTE_EXAMPLES.set('isSale', [
  `${CIN7_APP_ORIGIN}/Sale#6a1f7bd0-2c3e-4d5f-8a9b-0c1d2e3f4a5b`,
  `${CIN7_APP_ORIGIN}/Sale#6a1f7bd0-2c3e-4d5f-8a9b-0c1d2e3f4a5b~tabOrder`,
]);

/** Public userscripts (ids 53116206718, 17084084260). */
export const isPurchase = pageAt('/purchase', '/purchaseadvanced');
ROUTE_EXAMPLES.set('isPurchase', [
  `${CIN7_APP_ORIGIN}/Purchase#0b9c3a52-1111-4222-8333-944455556666`,
  `${CIN7_APP_ORIGIN}/PurchaseAdvanced#0b9c3a52-1111-4222-8333-944455556666`,
]);

/** Apify scraper (id 43854478568). */
export const isProduct = pageAt('/product');
ROUTE_EXAMPLES.set('isProduct', [`${CIN7_APP_ORIGIN}/Product#2d2f0c55-7e11-4a3c-9c0e-111122223333`]);

/** Public code (ids 55120616107, 56249914989), also written `#/<id>`. */
export const isCustomer = pageAt('/customer');
ROUTE_EXAMPLES.set('isCustomer', [`${CIN7_APP_ORIGIN}/Customer#9e8d7c6b-5a49-4837-a625-1403f2e1d0c9`]);

/**
 * A GUESS, kept so the record checks still run if the supplier page follows the customer page's pattern: no source
 * shows `/Supplier#` (fidelity.md). No link points here.
 */
export const isSupplier = pageAt('/supplier');
ROUTE_EXAMPLES.set('isSupplier', [`${CIN7_APP_ORIGIN}/Supplier#a1b2c3d4-e5f6-4789-9abc-def012345678`]);

/** "Cin7 extension" userscript `@match`. */
export const isSaleList = pageAt('/salelist');
ROUTE_EXAMPLES.set('isSaleList', [`${CIN7_APP_ORIGIN}/SaleList`]);

/** "Cin7 extension" userscript `@match`. */
export const isCustomerList = pageAt('/customerlist');
ROUTE_EXAMPLES.set('isCustomerList', [`${CIN7_APP_ORIGIN}/CustomerList`]);

/** A React app linking `https://inventory.dearsystems.com/Settings`: the hub with General Settings and Reference Books. */
export const isSettings = pageAt('/settings');
ROUTE_EXAMPLES.set('isSettings', [`${CIN7_APP_ORIGIN}/Settings`, `${CIN7_APP_ORIGIN}/Settings#ReferenceBooks`]);

/** Product, customer or supplier record pages (their account overrides are checked the same way). */
export const isRecordWithOverrides = (url: UrlInput): boolean => isProduct(url) || isCustomer(url) || isSupplier(url);
ROUTE_EXAMPLES.set('isRecordWithOverrides', [
  `${CIN7_APP_ORIGIN}/Product#2d2f0c55-7e11-4a3c-9c0e-111122223333`,
  `${CIN7_APP_ORIGIN}/Customer#9e8d7c6b-5a49-4837-a625-1403f2e1d0c9`,
  `${CIN7_APP_ORIGIN}/Supplier#a1b2c3d4-e5f6-4789-9abc-def012345678`,
]);

const RECORD_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;

/**
 * The record id in the hash: `#<id>`, `#<id>~<id>~tabOrder`, `#/<id>`, `#guid=<id>`, with any `&mg-target=…`
 * parameter ignored. Null when the hash holds no id (a new record, or only an arrival target).
 */
export function recordIdFromUrl(url: UrlInput): string | null {
  const hash = toUrl(url).hash.replace(/^#\/?/, '');
  for (const part of hash.split('&')) {
    const [key, value] = part.includes('=') ? part.split('=', 2) : [undefined, part];
    if (key !== undefined && key.toLowerCase() !== 'guid' && key.toLowerCase() !== 'id') continue;
    const candidate = decodeSafely(value ?? '').split('~')[0] ?? '';
    if (RECORD_ID.test(candidate)) return candidate;
  }
  return null;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export type Cin7RecordKind = 'sale' | 'purchase' | 'product' | 'customer' | 'supplier';

/** Which record page this is, with its id, or null on other pages. */
export function recordFromUrl(url: UrlInput): { kind: Cin7RecordKind; id: string | null } | null {
  const kind: Cin7RecordKind | null = isSale(url)
    ? 'sale'
    : isPurchase(url)
      ? 'purchase'
      : isProduct(url)
        ? 'product'
        : isCustomer(url)
          ? 'customer'
          : isSupplier(url)
            ? 'supplier'
            : null;
  return kind ? { kind, id: recordIdFromUrl(url) } : null;
}
