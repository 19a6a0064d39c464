// @vitest-environment node
// Every relevant response example of the official specs parses with our schemas, and the fields we read keep
// their values. Cin7's example payloads sit under each path (its component schemas are empty).
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  cin7AccountSchema,
  cin7CustomerSchema,
  cin7DocumentLineSchema,
  cin7Envelopes,
  cin7MeSchema,
  cin7PaymentLineSchema,
  cin7ProductSchema,
  cin7PurchaseListItemSchema,
  cin7PurchaseSchema,
  cin7SaleListItemSchema,
  cin7SaleSchema,
  cin7SupplierSchema,
  cin7TaxComponentSchema,
  cin7TaxRuleSchema,
  cin7SystemAccountCode,
  findUnknownEnumValues,
  parseCin7Date,
  parseXeroDate,
  xeroConnectionsSchema,
  xeroEnvelopes,
  xeroErrorMessages,
  xeroErrorSchema,
} from '../../../utils/schemas';
import { loadSpec, reportMissingSpecs, responseExamples, specsAvailable, type ResponseExample } from './sharedSpecs';

const basePath = (path: string) => path.split('?')[0] ?? path;

reportMissingSpecs('official spec examples');

describe.runIf(specsAvailable)('Xero Accounting spec examples', () => {
  const spec = specsAvailable ? loadSpec('xero_accounting.yaml') : undefined;
  const examplesOf = (path: string, status = '200') =>
    spec ? responseExamples(spec, (candidate) => candidate === path).filter((example) => example.status === status) : [];

  const endpoints: [keyof typeof xeroEnvelopes, string[]][] = [
    ['Accounts', ['/Accounts', '/Accounts/{AccountID}']],
    ['Organisation', ['/Organisation']],
    ['Items', ['/Items', '/Items/{ItemID}']],
    ['TrackingCategories', ['/TrackingCategories', '/TrackingCategories/{TrackingCategoryID}']],
    ['Currencies', ['/Currencies']],
    ['TaxRates', ['/TaxRates', '/TaxRates/{TaxType}']],
  ];

  it.each(endpoints)('GET %s has an example, and every 200 example parses', (name, paths) => {
    const examples = paths.flatMap((path) => examplesOf(path));
    expect(examples.some((example) => example.method === 'get' && example.path === paths[0])).toBe(true);
    for (const example of examples) {
      const result = xeroEnvelopes[name].safeParse(example.value);
      expect(result.error?.issues ?? [], `${example.method} ${example.path}`).toEqual([]);
    }
  });

  it('keeps the values we read (codes as text, lock dates, item details)', () => {
    const [accounts] = examplesOf('/Accounts');
    const parsedAccounts = xeroEnvelopes.Accounts.parse(accounts?.value);
    expect(parsedAccounts.Accounts[0]).toMatchObject({ Code: '091', Type: 'BANK', BankAccountType: 'BANK', CurrencyCode: 'NZD' });

    const [organisation] = examplesOf('/Organisation');
    const org = xeroEnvelopes.Organisation.parse(organisation?.value).Organisations[0];
    expect(org).toMatchObject({ BaseCurrency: 'NZD', ShortCode: '!mBdtL', Version: 'NZ' });
    expect(parseXeroDate(org?.PeriodLockDate ?? '')).toBe('2018-12-31');
    expect(parseXeroDate(org?.EndOfYearLockDate ?? '')).toBe('2018-12-31');

    const [items] = examplesOf('/Items');
    const item = xeroEnvelopes.Items.parse(items?.value).Items[0];
    expect(item?.SalesDetails).toMatchObject({ AccountCode: '200', TaxType: 'OUTPUT2' });
    expect(parseXeroDate(item?.UpdatedDateUTC ?? '')).toBe('2019-03-07');
  });

  it('uses only values of our vocabulary in its examples', () => {
    for (const [name, paths] of endpoints) {
      for (const example of paths.flatMap((path) => examplesOf(path))) {
        expect(findUnknownEnumValues(xeroEnvelopes[name], example.value), `${example.method} ${example.path}`).toEqual([]);
      }
    }
  });

  it('parses the 400 error examples and reads their validation messages', () => {
    const errors = ['/Accounts', '/Accounts/{AccountID}'].flatMap((path) => examplesOf(path, '400'));
    expect(errors.length).toBeGreaterThan(0);
    for (const example of errors) expect(xeroErrorSchema.safeParse(example.value).success).toBe(true);
    const first = xeroErrorSchema.parse(errors[0]?.value);
    expect(first).toMatchObject({ ErrorNumber: 10, Type: 'ValidationException' });
    expect(xeroErrorMessages(first)[0]).toBe('Please enter a unique Name.');
  });

  it('parses the identity spec connections example', () => {
    const identity = loadSpec('xero-identity.yaml');
    const [connections] = responseExamples(identity, (path) => path === '/Connections');
    const parsed = xeroConnectionsSchema.parse(connections?.value);
    expect(parsed[0]).toMatchObject({ tenantType: 'ORGANISATION', tenantName: 'Demo Company (NZ)' });
  });
});

describe.runIf(specsAvailable)('Cin7 Core spec examples', () => {
  const spec = specsAvailable ? loadSpec('cin7-core-openapi.yaml') : undefined;
  const examplesAt = (path: string, methods = ['get', 'post', 'put', 'delete']): ResponseExample[] =>
    spec
      ? responseExamples(spec, (candidate) => basePath(candidate) === path).filter(
          (example) => example.status === '200' && methods.includes(example.method),
        )
      : [];

  // GET product has no example in the spec; POST/PUT answer with the same `{ Total, Page, Products }` envelope.
  const endpoints: [string, z.ZodType, string[], string][] = [
    ['/me', cin7MeSchema, ['get'], 'get'],
    ['/ref/account', cin7Envelopes.accounts, ['get', 'post', 'put'], 'get'],
    ['/ref/tax', cin7Envelopes.taxRules, ['get', 'post', 'put'], 'get'],
    ['/product', cin7Envelopes.products, ['get', 'post', 'put'], 'post'],
    ['/customer', cin7Envelopes.customers, ['get', 'post', 'put'], 'get'],
    ['/supplier', cin7Envelopes.suppliers, ['get', 'post', 'put'], 'get'],
    ['/sale', cin7SaleSchema, ['get', 'post', 'put', 'delete'], 'get'],
    ['/purchase', cin7PurchaseSchema, ['get', 'post', 'put', 'delete'], 'get'],
    ['/saleList', cin7Envelopes.saleList, ['get'], 'get'],
    ['/purchaseList', cin7Envelopes.purchaseList, ['get'], 'get'],
  ];

  it.each(endpoints)('%s: examples exist and all parse', (path, schema, methods, mustHave) => {
    const examples = examplesAt(path, methods);
    expect(examples.map((example) => example.method)).toContain(mustHave);
    for (const example of examples) {
      const result = schema.safeParse(example.value);
      expect(result.error?.issues ?? [], `${example.method} ${example.path}`).toEqual([]);
    }
  });

  it('keeps the account codes, tax-rule names and dates we read', () => {
    const [accounts] = examplesAt('/ref/account', ['get']);
    const receivable = cin7Envelopes.accounts.parse(accounts?.value).AccountsList.find((account) => account.Code === '610');
    expect(receivable).toMatchObject({ Type: 'CURRENT', Class: 'ASSET', ForPayments: false });
    expect(receivable && cin7SystemAccountCode(receivable)).toBe('DEBTORS');

    const [taxRules] = examplesAt('/ref/tax', ['get']);
    const rule = cin7Envelopes.taxRules.parse(taxRules?.value).TaxRuleList[0];
    expect(rule).toMatchObject({ Name: 'GST on Income', Account: '820', TaxPercent: 10 });
    expect(rule?.Components?.[0]?.Percent).toBe('10.0000000000');

    const [sale] = examplesAt('/sale', ['get']);
    const parsedSale = cin7SaleSchema.parse(sale?.value);
    expect(parsedSale.DefaultAccount).toBe('200');
    expect(parsedSale.Invoices?.[0]?.Lines?.[0]).toMatchObject({ SKU: 'Bread', Account: '200', TaxRule: 'Tax on Sales' });
    expect(parseCin7Date(parsedSale.Invoices?.[0]?.InvoiceDate ?? '')).toBe('2017-11-22');

    const [purchase] = examplesAt('/purchase', ['get']);
    const parsedPurchase = cin7PurchaseSchema.parse(purchase?.value);
    expect(parsedPurchase).toMatchObject({ InventoryAccount: '715', Approach: 'INVOICE' });
    expect(parsedPurchase.Invoice?.Lines?.[0]?.Account).toBe('715');
    expect(parseCin7Date(parsedPurchase.Invoice?.InvoiceDate ?? '')).toBe('2017-12-14');

    const [me] = examplesAt('/me', ['get']);
    expect(cin7MeSchema.parse(me?.value)).toMatchObject({ Currency: 'RUB', LockDate: null });
  });

  it('reads sale and purchase list summaries (ids, dates, status, update time)', () => {
    const [sales] = examplesAt('/saleList', ['get']);
    const saleList = cin7Envelopes.saleList.parse(sales?.value);
    expect(saleList.Total).toBe(2);
    expect(saleList.SaleList[1]).toMatchObject({ SaleID: 'a6558396-8893-479b-bca9-f89ea3e54633', Status: 'BACKORDERED' });
    expect(saleList.SaleList.map((sale) => parseCin7Date(sale.Updated ?? ''))).toEqual(['2017-09-29', '2017-09-29']);
    expect(saleList.SaleList.map((sale) => sale.InvoiceDate ?? null)).toEqual([null, '2017-09-28T00:00:00']);
    expect(parseCin7Date(saleList.SaleList[0]?.OrderDate ?? '')).toBe('2017-09-29');

    const [purchases] = examplesAt('/purchaseList', ['get']);
    const purchaseList = cin7Envelopes.purchaseList.parse(purchases?.value);
    expect(purchaseList.PurchaseList[1]).toMatchObject({ ID: '4e60f55a-1690-4024-a58c-29d62106a645', Status: 'COMPLETED' });
    expect(parseCin7Date(purchaseList.PurchaseList[1]?.OrderDate ?? '')).toBe('2018-04-12');
    expect(parseCin7Date(purchaseList.PurchaseList[1]?.InvoiceDate ?? '')).toBe('2018-04-10');
    expect(parseCin7Date(purchaseList.PurchaseList[1]?.LastUpdatedDate ?? '')).toBe('2018-04-12');
  });
});

/** The object schema inside optional/nullable/array wrappers, e.g. `Invoices: z.array(invoice).nullish()` → invoice. */
function objectInside(schema: z.ZodType): z.ZodObject {
  let current = schema as unknown as { def: { type: string; innerType?: z.ZodType; element?: z.ZodType } };
  while (current.def.type !== 'object') {
    const next = current.def.innerType ?? current.def.element;
    if (!next) throw new Error(`no object inside a ${current.def.type} schema`);
    current = next as unknown as typeof current;
  }
  return current as unknown as z.ZodObject;
}

describe.runIf(specsAvailable)('Cin7 fields we read appear in Cin7 example payloads', () => {
  const spec = specsAvailable ? loadSpec('cin7-core-openapi.yaml') : undefined;
  const values = (path: string) =>
    spec
      ? responseExamples(spec, (candidate) => basePath(candidate) === path)
          .filter((example) => example.status === '200')
          .map((example) => example.value as Record<string, unknown>)
      : [];
  const list = (path: string, key: string) => values(path).flatMap((value) => (value[key] as Record<string, unknown>[]) ?? []);
  const nested = (records: Record<string, unknown>[], key: string) =>
    records.flatMap((record) => {
      const value = record[key];
      return (Array.isArray(value) ? value : value ? [value] : []) as Record<string, unknown>[];
    });

  const sales = values('/sale');
  const purchases = values('/purchase');
  const taxRules = list('/ref/tax', 'TaxRuleList');
  const saleInvoices = nested(sales, 'Invoices');
  const saleCreditNotes = nested(sales, 'CreditNotes');
  const documents = [...saleInvoices, ...saleCreditNotes, ...nested(purchases, 'Invoice'), ...nested(purchases, 'CreditNote')];
  const saleShape = cin7SaleSchema.shape;
  const purchaseShape = cin7PurchaseSchema.shape;

  // Fields we read that the spec's examples do not show, each with the source that names it.
  const notInExamples: Record<string, string[]> = {
    account: ['SystemAccountCode', 'Currency'], // HYP AccountData and Fivetran's schema; SPEC-A's field table (read-only Currency)
    purchaseInvoice: ['InvoiceNumber'], // the example misspells it "InvocieNumber"; the field table has InvoiceNumber
    purchaseList: ['Updated'], // purchaseList sends LastUpdatedDate; Updated is read when present, like saleList's
  };

  const cases: [string, z.ZodType, Record<string, unknown>[]][] = [
    ['me', cin7MeSchema, values('/me')],
    ['account', cin7AccountSchema, list('/ref/account', 'AccountsList')],
    ['taxRule', cin7TaxRuleSchema, taxRules],
    ['taxComponent', cin7TaxComponentSchema, nested(taxRules, 'Components')],
    ['product', cin7ProductSchema, list('/product', 'Products')],
    ['customer', cin7CustomerSchema, list('/customer', 'CustomerList')],
    ['supplier', cin7SupplierSchema, list('/supplier', 'SupplierList')],
    ['sale', cin7SaleSchema, sales],
    ['saleInvoice', saleShape.Invoices, saleInvoices],
    ['saleCreditNote', saleShape.CreditNotes, saleCreditNotes],
    ['saleFulfilment', saleShape.Fulfilments, nested(sales, 'Fulfilments')],
    ['documentLine', cin7DocumentLineSchema, [...nested(documents, 'Lines'), ...nested(documents, 'AdditionalCharges')]],
    ['paymentLine', cin7PaymentLineSchema, [...nested(documents, 'Payments'), ...nested(documents, 'Refunds')]],
    ['purchase', cin7PurchaseSchema, purchases],
    ['purchaseInvoice', purchaseShape.Invoice, nested(purchases, 'Invoice')],
    ['purchaseCreditNote', purchaseShape.CreditNote, nested(purchases, 'CreditNote')],
    ['saleList', cin7SaleListItemSchema, list('/saleList', 'SaleList')],
    ['purchaseList', cin7PurchaseListItemSchema, list('/purchaseList', 'PurchaseList')],
  ];

  it.each(cases)('%s', (name, schema, records) => {
    expect(records.length).toBeGreaterThan(0);
    const seen = new Set(records.flatMap((record) => Object.keys(record)));
    const missing = Object.keys(objectInside(schema).shape).filter((field) => !seen.has(field));
    expect(missing).toEqual(notInExamples[name] ?? []);
  });
});
