// The Cin7 API stand-in's endpoints (research/cin7.md §2): reference lists, products, contacts, one sale or
// purchase, and the sale/purchase lists with UpdatedSince. Each returns the JSON body or throws Cin7Error.
import type { RequestContext } from './http';
import type { Runtime } from './runtime';
import type { JsonRecord } from './store';
import {
  boolParam,
  Cin7Error,
  envelope,
  equalsIgnoreCase,
  filterBy,
  lastModified,
  modifiedSince,
  startsWithIgnoreCase,
  text,
} from './cin7-query';

type Handler = (ctx: RequestContext, rt: Runtime) => unknown;

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

/** Endpoint path (lower case, after the API prefix) → handler. */
export const CIN7_ROUTES: Record<string, Handler> = {
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
