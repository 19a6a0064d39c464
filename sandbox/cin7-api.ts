// Cin7 Core API v2 stand-in (research/cin7.md §1–2): `https://inventory.dearsystems.com/ExternalApi/v2/…`,
// two auth headers, Page/Limit envelopes, ModifiedSince, 60 calls/minute per application key, and the
// oddities integrators meet (error bodies with 200, HTML with 200) behind fault switches.
import { delay, header, send, sendJson, type RequestContext } from './http';
import { page, html } from './html';
import { FixedWindowLimiter, InFlightCounter } from './rate-limit';
import { malform, type Runtime } from './runtime';
import type { JsonRecord } from './store';

export const CIN7_API_PREFIX = '/externalapi/v2/';
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
const CALLS_PER_WINDOW = 60;

class Cin7Error extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type Handler = (ctx: RequestContext, rt: Runtime) => unknown;

export function createCin7Api(rt: Runtime) {
  const limiter = new FixedWindowLimiter(CALLS_PER_WINDOW, rt.rateLimitWindowMs, rt.now);
  const inFlight = new InFlightCounter();

  const routes: Record<string, Handler> = {
    me: (_ctx, { store }) => store.cin7.me,
    'ref/account': listAccounts,
    'ref/tax': listTaxRules,
    product: listProducts,
    customer: (ctx, r) => listContacts(ctx, r, 'customers', 'CustomerList'),
    supplier: (ctx, r) => listContacts(ctx, r, 'suppliers', 'SupplierList'),
    sale: getSale,
    purchase: getPurchase,
    salelist: listSales,
    purchaselist: listPurchases,
  };

  async function handle(ctx: RequestContext): Promise<void> {
    const endpoint = ctx.path.toLowerCase().slice(CIN7_API_PREFIX.length).replace(/\/+$/, '');
    rt.stats.count(`cin7 ${ctx.method} ${endpoint}`);
    rt.stats.concurrency('cin7', inFlight.enter('all'));
    try {
      const slowMs = rt.faults.get('slowMs');
      if (slowMs > 0) await delay(slowMs);
      respond(ctx, endpoint);
    } finally {
      inFlight.leave('all');
    }
  }

  function respond(ctx: RequestContext, endpoint: string): void {
    const accountId = header(ctx, 'api-auth-accountid');
    const applicationKey = header(ctx, 'api-auth-applicationkey');
    if (accountId !== rt.cin7Credentials.accountId || applicationKey !== rt.cin7Credentials.applicationKey) {
      sendJson(ctx, 403, errorBody(403, 'Incorrect credentials! Check the api-auth-accountid and api-auth-applicationkey headers.'));
      return;
    }

    const window = limiter.hit(applicationKey);
    if (!window.allowed || rt.faults.take('rateLimitStorm', 'cin7')) {
      const status = rt.faults.get('cin7RateLimitStatus');
      rt.stats.throttled(status);
      // Cin7 documents 503 for its limit (no Retry-After); other integrators saw 429 with Retry-After.
      const headers: Record<string, string> = status === 429 ? { 'retry-after': String(window.retryAfterSeconds) } : {};
      sendJson(ctx, status, errorBody(status, 'You reached 60 calls per minute API limit.'), headers);
      return;
    }

    if (rt.faults.take('serverErrors', 'cin7')) {
      sendJson(ctx, 500, errorBody(500, 'An unexpected error has occurred. Please try again later.'));
      return;
    }
    if (rt.faults.take('cin7HtmlWith200', 'cin7')) {
      send(ctx, 200, cin7HtmlPage(), 'text/html; charset=utf-8');
      return;
    }
    if (rt.faults.take('cin7ErrorWith200', 'cin7')) {
      sendJson(ctx, 200, [errorBody(400, 'Required attribute ProductionBOMs is not provided.')]);
      return;
    }

    const route = routes[endpoint];
    if (!route) {
      sendJson(ctx, 404, errorBody(404, `Endpoint '${endpoint}' does not exist.`));
      return;
    }
    if (ctx.method !== 'GET') {
      // Cin7 answers a verb an endpoint does not support with 403 rather than 405 (research/cin7.md §1.4).
      sendJson(ctx, 403, errorBody(403, `Method ${ctx.method} is not allowed for this sandbox endpoint.`));
      return;
    }
    try {
      const body = JSON.stringify(route(ctx, rt));
      const malformed = rt.faults.take('malformedJson', 'cin7');
      send(ctx, 200, malformed ? malform(body) : body, 'application/json; charset=utf-8');
    } catch (error) {
      if (error instanceof Cin7Error) sendJson(ctx, error.status, errorBody(error.status, error.message));
      else throw error;
    }
  }

  return { handle, reset: () => limiter.reset() };
}

/** Cin7's Error Model. */
export function errorBody(code: number, exception: string): { ErrorCode: number; Exception: string } {
  return { ErrorCode: code, Exception: exception };
}

function cin7HtmlPage(): string {
  return page({
    title: 'Cin7 Core',
    body: html`<div class="error-page"><h1>Page not found</h1><p>The page you requested could not be found.</p></div>`,
  });
}

// ---- query helpers (parameter names are case-insensitive, as the API documents both spellings) ----

function paging(ctx: RequestContext): { page: number; limit: number } {
  const page = intParam(ctx, 'page', 1);
  const limit = intParam(ctx, 'limit', DEFAULT_LIMIT);
  if (page < 1) throw new Cin7Error(400, 'Page must be greater than 0.');
  if (limit < 1) throw new Cin7Error(400, 'Limit must be greater than 0.');
  return { page, limit: Math.min(limit, MAX_LIMIT) };
}

function intParam(ctx: RequestContext, name: string, fallback: number): number {
  const text = ctx.query.get(name);
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value)) throw new Cin7Error(400, `Parameter ${name} must be an integer.`);
  return value;
}

function boolParam(ctx: RequestContext, name: string): boolean | undefined {
  const text = ctx.query.get(name)?.toLowerCase();
  if (text === undefined || text === '') return undefined;
  if (text === 'true') return true;
  if (text === 'false') return false;
  throw new Cin7Error(400, `Parameter ${name} must be true or false.`);
}

function dateParam(ctx: RequestContext, name: string): number | undefined {
  const text = ctx.query.get(name);
  if (text === undefined || text === '') return undefined;
  // Cin7 dates are UTC; a value without a zone (or a bare day) is read as UTC.
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : /[zZ]$|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Cin7Error(400, `Parameter ${name} is not a valid date.`);
  return ms;
}

function envelope(ctx: RequestContext, listKey: string, records: JsonRecord[]) {
  const { page, limit } = paging(ctx);
  const start = (page - 1) * limit;
  return { Total: records.length, Page: page, [listKey]: records.slice(start, start + limit) };
}

const text = (value: unknown) => String(value ?? '');
const equalsIgnoreCase = (a: unknown, b: string) => text(a).toLowerCase() === b.toLowerCase();
const startsWithIgnoreCase = (a: unknown, b: string) => text(a).toLowerCase().startsWith(b.toLowerCase());

function filterBy(records: JsonRecord[], ctx: RequestContext, filters: Record<string, (r: JsonRecord, v: string) => boolean>) {
  return records.filter((record) =>
    Object.entries(filters).every(([param, matches]) => {
      const value = ctx.query.get(param);
      return value === undefined || value === '' || matches(record, value);
    }),
  );
}

function modifiedSince(records: JsonRecord[], ctx: RequestContext, param: string, modifiedAt: (r: JsonRecord) => number) {
  const since = dateParam(ctx, param);
  return since === undefined ? records : records.filter((r) => modifiedAt(r) >= since);
}

const lastModified = (r: JsonRecord) => Date.parse(text(r.LastModifiedOn)) || 0;

// ---- endpoints ----

function listAccounts(ctx: RequestContext, rt: Runtime) {
  const records = filterBy(rt.store.cin7.accounts, ctx, {
    code: (r, v) => equalsIgnoreCase(r.Code, v),
    name: (r, v) => startsWithIgnoreCase(r.Name, v),
    type: (r, v) => equalsIgnoreCase(r.Type, v),
    class: (r, v) => equalsIgnoreCase(r.Class, v),
    status: (r, v) => equalsIgnoreCase(r.Status, v),
  });
  return envelope(ctx, 'AccountsList', records);
}

function listTaxRules(ctx: RequestContext, rt: Runtime) {
  const bool = (name: string) => (r: JsonRecord, v: string) => String(r[name] === true) === v.toLowerCase();
  const records = filterBy(rt.store.cin7.taxRules, ctx, {
    id: (r, v) => equalsIgnoreCase(r.ID, v),
    name: (r, v) => startsWithIgnoreCase(r.Name, v),
    isactive: bool('IsActive'),
    istaxforsale: bool('IsTaxForSale'),
    istaxforpurchase: bool('IsTaxForPurchase'),
    account: (r, v) => equalsIgnoreCase(r.Account, v),
  });
  return envelope(ctx, 'TaxRuleList', records);
}

const isDeprecated = (r: JsonRecord) => equalsIgnoreCase(r.Status, 'Deprecated');

function listProducts(ctx: RequestContext, rt: Runtime) {
  const includeDeprecated = boolParam(ctx, 'includedeprecated') ?? false;
  let records = filterBy(rt.store.cin7.products, ctx, {
    id: (r, v) => equalsIgnoreCase(r.ID, v),
    name: (r, v) => startsWithIgnoreCase(r.Name, v),
    sku: (r, v) => equalsIgnoreCase(r.SKU, v),
  });
  if (!includeDeprecated) records = records.filter((r) => !isDeprecated(r));
  records = modifiedSince(records, ctx, 'modifiedsince', lastModified);
  return envelope(ctx, 'Products', records);
}

function listContacts(ctx: RequestContext, rt: Runtime, collection: 'customers' | 'suppliers', listKey: string) {
  const includeDeprecated = boolParam(ctx, 'includedeprecated') ?? false;
  let records = filterBy(rt.store.cin7[collection], ctx, {
    id: (r, v) => equalsIgnoreCase(r.ID, v),
    name: (r, v) => startsWithIgnoreCase(r.Name, v),
  });
  if (!includeDeprecated) records = records.filter((r) => !isDeprecated(r));
  records = modifiedSince(records, ctx, 'modifiedsince', lastModified);
  return envelope(ctx, listKey, records);
}

function requireId(ctx: RequestContext): string {
  const id = ctx.query.get('id');
  if (!id) throw new Cin7Error(400, 'Parameter ID is required.');
  return id;
}

function getSale(ctx: RequestContext, rt: Runtime) {
  const id = requireId(ctx);
  const sale = rt.store.findCin7('sales', id);
  if (!sale) throw new Cin7Error(404, `Sale with ID = ${id} not found.`);
  return asApiSale(sale);
}

/**
 * Scenarios keep a sale's number at the top level (`OrderNumber`, as saleList shows it); the sale endpoint
 * itself carries it as `Order.SaleOrderNumber` (SPEC-A), so it is served in that shape.
 */
function asApiSale(sale: JsonRecord): JsonRecord {
  if (sale.OrderNumber === undefined) return sale;
  const { OrderNumber, ...rest } = sale;
  const order = rest.Order && typeof rest.Order === 'object' ? (rest.Order as JsonRecord) : {};
  return { ...rest, Order: { SaleOrderNumber: OrderNumber, ...order } };
}

function getPurchase(ctx: RequestContext, rt: Runtime) {
  const id = requireId(ctx);
  const purchase = rt.store.findCin7('purchases', id);
  if (!purchase) throw new Cin7Error(404, `Purchase with ID = ${id} not found.`);
  return purchase;
}

function firstInvoice(doc: JsonRecord): JsonRecord | undefined {
  if (Array.isArray(doc.Invoices)) return doc.Invoices[0] as JsonRecord | undefined;
  return (doc.Invoice as JsonRecord | null | undefined) ?? undefined;
}

function listSales(ctx: RequestContext, rt: Runtime) {
  const store = rt.store;
  const search = ctx.query.get('search')?.toLowerCase();
  let sales = rt.store.cin7.sales;
  if (search) sales = sales.filter((s) => [s.OrderNumber, s.Customer].some((v) => text(v).toLowerCase().includes(search)));
  sales = modifiedSince(sales, ctx, 'updatedsince', (s) => store.documentUpdated(text(s.ID)));
  const summaries = sales.map((sale) => {
    const invoice = firstInvoice(sale);
    return {
      SaleID: sale.ID,
      OrderNumber: sale.OrderNumber ?? (sale.Order as JsonRecord | undefined)?.SaleOrderNumber ?? null,
      Status: sale.Status ?? null,
      OrderDate: sale.OrderDate ?? sale.SaleOrderDate ?? null,
      Customer: sale.Customer ?? null,
      CustomerID: sale.CustomerID ?? null,
      CustomerCurrency: sale.CustomerCurrency ?? null,
      BaseCurrency: sale.BaseCurrency ?? null,
      InvoiceNumber: invoice?.InvoiceNumber ?? null,
      InvoiceDate: invoice?.InvoiceDate ?? null,
      Type: sale.Type ?? 'Simple Sale',
      Updated: new Date(store.documentUpdated(text(sale.ID))).toISOString(),
    };
  });
  return envelope(ctx, 'SaleList', summaries);
}

function listPurchases(ctx: RequestContext, rt: Runtime) {
  const store = rt.store;
  const search = ctx.query.get('search')?.toLowerCase();
  let purchases = rt.store.cin7.purchases;
  if (search) purchases = purchases.filter((p) => [p.OrderNumber, p.Supplier].some((v) => text(v).toLowerCase().includes(search)));
  purchases = modifiedSince(purchases, ctx, 'updatedsince', (p) => store.documentUpdated(text(p.ID)));
  const summaries = purchases.map((purchase) => {
    const invoice = firstInvoice(purchase);
    return {
      ID: purchase.ID,
      OrderNumber: purchase.OrderNumber ?? null,
      Status: purchase.Status ?? null,
      OrderDate: purchase.OrderDate ?? null,
      Supplier: purchase.Supplier ?? null,
      SupplierID: purchase.SupplierID ?? null,
      SupplierCurrency: purchase.SupplierCurrency ?? null,
      BaseCurrency: purchase.BaseCurrency ?? null,
      InvoiceNumber: invoice?.InvoiceNumber ?? null,
      InvoiceDate: invoice?.InvoiceDate ?? null,
      Type: purchase.Type ?? 'Simple Purchase',
      LastUpdatedDate: new Date(store.documentUpdated(text(purchase.ID))).toISOString(),
    };
  });
  return envelope(ctx, 'PurchaseList', summaries);
}
