// Raw Cin7 Core API v2 JSON (PascalCase, as the API sends it). We validate the fields we use and keep the rest.
// Account fields hold account codes; tax-rule and payment-term fields hold names (research/cin7.md §2).
// Null is normal almost everywhere: a product with `"COGSAccount": null` uses the next level's default.
import { z } from 'zod';
import { optionalText } from './tolerant';

/** Numbers Cin7 sometimes sends as text (`"Percent": "10.0000000000"`, `"ComponentOrder": "1"`). */
const numberOrText = z.union([z.number(), z.string()]).nullish();

/** `GET me`: company settings. `Currency` is the base currency; `LockDate` is Cin7's own period lock date. */
export const cin7MeSchema = z.looseObject({
  Company: optionalText,
  Currency: z.string(),
  TimeZone: optionalText,
  LockDate: optionalText,
  OpeningBalanceDate: optionalText,
  DefaultSaleTaxRuleName: optionalText,
  TaxCalculationMethod: optionalText,
});
export type Cin7Me = z.infer<typeof cin7MeSchema>;

/**
 * `ref/account` item. Types are Xero-style codes (CURRENT, CURRLIAB…) plus Cin7's own (TERMLIA, PAYGLIABILITY…), so
 * they stay free text. `SystemAccount` is a code (`DEBTORS`) in the spec's examples but a name ("Accounts
 * receivable") with a separate `SystemAccountCode` in other readings of the API: both are kept, see
 * `cin7SystemAccountCode`.
 */
export const cin7AccountSchema = z.looseObject({
  Code: z.string(),
  Name: z.string(),
  Type: optionalText,
  Class: optionalText,
  Status: optionalText,
  SystemAccount: optionalText,
  SystemAccountCode: optionalText,
  ForPayments: z.boolean().nullish(),
  DisplayName: optionalText,
  Description: optionalText,
  BankAccountId: optionalText,
  Currency: optionalText,
});
export type Cin7Account = z.infer<typeof cin7AccountSchema>;

const SYSTEM_ACCOUNT_CODE = /^[A-Z][A-Z0-9_]*$/;

/** The system-account code of a Cin7 account (`DEBTORS`, `GST`…), whichever form the API used; null if none. */
export function cin7SystemAccountCode(account: Pick<Cin7Account, 'SystemAccount' | 'SystemAccountCode'>): string | null {
  const code = account.SystemAccountCode?.trim();
  if (code) return code;
  const value = account.SystemAccount?.trim();
  return value && SYSTEM_ACCOUNT_CODE.test(value) ? value : null;
}

export const cin7TaxComponentSchema = z.looseObject({
  ID: optionalText,
  Name: optionalText,
  AccountCode: optionalText,
  Percent: numberOrText,
  ComponentOrder: numberOrText,
  Compound: z.union([z.boolean(), z.number(), z.string()]).nullish(),
});
export type Cin7TaxComponent = z.infer<typeof cin7TaxComponentSchema>;

/** `ref/tax` item. `Account` is the tax account code; products, contacts and lines refer to rules by `Name`. */
export const cin7TaxRuleSchema = z.looseObject({
  ID: z.string().optional(),
  Name: z.string(),
  Account: optionalText,
  IsActive: z.boolean().nullish(),
  TaxInclusive: z.boolean().nullish(),
  TaxPercent: z.number().nullish(),
  IsTaxForSale: z.boolean().nullish(),
  IsTaxForPurchase: z.boolean().nullish(),
  Components: z.array(cin7TaxComponentSchema).nullish(),
});
export type Cin7TaxRule = z.infer<typeof cin7TaxRuleSchema>;

/** `product` item. Type is `Stock`/`Service` (validators also see `Fixed Asset`, `Non-Inventory`); Status `Active`/`Deprecated`. */
export const cin7ProductSchema = z.looseObject({
  ID: z.string().optional(),
  SKU: z.string(),
  Name: optionalText,
  Type: optionalText,
  Status: optionalText,
  Category: optionalText,
  CostingMethod: optionalText,
  DropShipMode: optionalText,
  InventoryAccount: optionalText,
  RevenueAccount: optionalText,
  COGSAccount: optionalText,
  ExpenseAccount: optionalText,
  SaleTaxRule: optionalText,
  PurchaseTaxRule: optionalText,
  LastModifiedOn: optionalText,
});
export type Cin7Product = z.infer<typeof cin7ProductSchema>;

/** `customer` item. `AccountReceivable`/`RevenueAccount` are codes; `TaxRule`/`PaymentTerm` are names. */
export const cin7CustomerSchema = z.looseObject({
  ID: z.string().optional(),
  Name: z.string(),
  Currency: optionalText,
  Status: optionalText,
  AccountReceivable: optionalText,
  RevenueAccount: optionalText,
  TaxRule: optionalText,
  PaymentTerm: optionalText,
  LastModifiedOn: optionalText,
});
export type Cin7Customer = z.infer<typeof cin7CustomerSchema>;

/** `supplier` item. Suppliers carry only a payable account (no expense or inventory account). */
export const cin7SupplierSchema = z.looseObject({
  ID: z.string().optional(),
  Name: z.string(),
  Currency: optionalText,
  Status: optionalText,
  AccountPayable: optionalText,
  TaxRule: optionalText,
  PaymentTerm: optionalText,
  LastModifiedOn: optionalText,
});
export type Cin7Supplier = z.infer<typeof cin7SupplierSchema>;

/** Invoice and credit-note lines and additional charges: `Account` is a code, `TaxRule` a name. */
export const cin7DocumentLineSchema = z.looseObject({
  ProductID: optionalText,
  SKU: optionalText,
  Name: optionalText,
  Description: optionalText,
  Account: optionalText,
  TaxRule: optionalText,
});
export type Cin7DocumentLine = z.infer<typeof cin7DocumentLineSchema>;

/** Payments, refunds and prepayments: `Account` is the bank or payment account code. */
export const cin7PaymentLineSchema = z.looseObject({
  ID: optionalText,
  Account: optionalText,
  DatePaid: optionalText,
  Amount: z.number().nullish(),
});
export type Cin7PaymentLine = z.infer<typeof cin7PaymentLineSchema>;

const lines = z.array(cin7DocumentLineSchema).nullish();
const payments = z.array(cin7PaymentLineSchema).nullish();

const saleInvoiceSchema = z.looseObject({
  TaskID: optionalText,
  InvoiceNumber: optionalText,
  InvoiceDate: optionalText,
  Status: optionalText,
  Lines: lines,
  AdditionalCharges: lines,
  Payments: payments,
});

const saleCreditNoteSchema = z.looseObject({
  TaskID: optionalText,
  CreditNoteNumber: optionalText,
  CreditNoteDate: optionalText,
  Status: optionalText,
  Lines: lines,
  AdditionalCharges: lines,
  Refunds: payments,
});

const saleFulfilmentSchema = z.looseObject({
  TaskID: optionalText,
  FulfillmentNumber: numberOrText,
  Ship: z
    .looseObject({ Lines: z.array(z.looseObject({ ShipmentDate: optionalText, IsShipped: z.boolean().nullish() })).nullish() })
    .nullish(),
});

/** `GET sale?ID=…`: one sale with its invoices, credit notes and fulfilments. */
export const cin7SaleSchema = z.looseObject({
  ID: z.string(),
  Customer: optionalText,
  CustomerID: optionalText,
  Type: optionalText,
  Status: optionalText,
  SaleOrderDate: optionalText,
  LastModifiedOn: optionalText,
  DefaultAccount: optionalText,
  TaxRule: optionalText,
  CustomerCurrency: optionalText,
  BaseCurrency: optionalText,
  Invoices: z.array(saleInvoiceSchema).nullish(),
  CreditNotes: z.array(saleCreditNoteSchema).nullish(),
  Fulfilments: z.array(saleFulfilmentSchema).nullish(),
});
export type Cin7Sale = z.infer<typeof cin7SaleSchema>;

const purchaseInvoiceSchema = z.looseObject({
  InvoiceNumber: optionalText,
  InvoiceDate: optionalText,
  Status: optionalText,
  Lines: lines,
  AdditionalCharges: lines,
  Payments: payments,
});

const purchaseCreditNoteSchema = z.looseObject({
  CreditNoteNumber: optionalText,
  CreditNoteDate: optionalText,
  Status: optionalText,
  Lines: lines,
  AdditionalCharges: lines,
  Refunds: payments,
});

/** `GET purchase?ID=…` (simple purchase): one invoice and one credit note at most. */
export const cin7PurchaseSchema = z.looseObject({
  ID: z.string(),
  Supplier: optionalText,
  SupplierID: optionalText,
  Approach: optionalText,
  Status: optionalText,
  OrderNumber: optionalText,
  OrderDate: optionalText,
  LastUpdatedDate: optionalText,
  InventoryAccount: optionalText,
  TaxRule: optionalText,
  SupplierCurrency: optionalText,
  BaseCurrency: optionalText,
  Invoice: purchaseInvoiceSchema.nullish(),
  CreditNote: purchaseCreditNoteSchema.nullish(),
});
export type Cin7Purchase = z.infer<typeof cin7PurchaseSchema>;

/** `saleList` item: a summary per sale. `Updated` is a UTC timestamp (`…Z`); dates are local days. */
export const cin7SaleListItemSchema = z.looseObject({
  SaleID: z.string(),
  OrderNumber: optionalText,
  Status: optionalText,
  OrderDate: optionalText,
  InvoiceDate: optionalText,
  InvoiceNumber: optionalText,
  Customer: optionalText,
  CustomerID: optionalText,
  CustomerCurrency: optionalText,
  Type: optionalText,
  CombinedInvoiceStatus: optionalText,
  CreditNoteStatus: optionalText,
  Updated: optionalText,
});
export type Cin7SaleListItem = z.infer<typeof cin7SaleListItemSchema>;

/** `purchaseList` item. Its id is `ID` (the purchase's TaskID) and its timestamp `LastUpdatedDate`; `Updated` is kept if sent. */
export const cin7PurchaseListItemSchema = z.looseObject({
  ID: z.string(),
  OrderNumber: optionalText,
  Status: optionalText,
  OrderDate: optionalText,
  InvoiceDate: optionalText,
  InvoiceNumber: optionalText,
  Supplier: optionalText,
  SupplierID: optionalText,
  SupplierCurrency: optionalText,
  Type: optionalText,
  InvoiceStatus: optionalText,
  CreditNoteStatus: optionalText,
  LastUpdatedDate: optionalText,
  Updated: optionalText,
});
export type Cin7PurchaseListItem = z.infer<typeof cin7PurchaseListItemSchema>;

/** Cin7's error model, sometimes sent with HTTP 200 and sometimes wrapped in a list. */
export const cin7ErrorSchema = z.looseObject({ ErrorCode: z.number(), Exception: optionalText });
export type Cin7Error = z.infer<typeof cin7ErrorSchema>;

/** The error model as Cin7 sends it: bare, or as the first item of a list. */
export const cin7ErrorBodySchema = z.union([cin7ErrorSchema, z.array(cin7ErrorSchema).min(1)]);

/** The Cin7 error a response body carries (top level or first list item), or null when it is not an error. */
export function readCin7Error(body: unknown): Cin7Error | null {
  const result = cin7ErrorBodySchema.safeParse(body);
  if (!result.success) return null;
  return Array.isArray(result.data) ? (result.data[0] ?? null) : result.data;
}

/** Paged list envelopes `{ Total, Page, <ListKey>: [...] }`; write calls answer with the same shape. */
const page = <K extends string, T extends z.ZodType>(key: K, item: T) =>
  z.looseObject({
    Total: z.number().optional(),
    Page: z.number().optional(),
    ...({ [key]: z.array(item) } as { [P in K]: z.ZodArray<T> }),
  });

/** Each envelope's list key (research/cin7.md §1.3), for callers that page through them. */
export const CIN7_LIST_KEYS = {
  accounts: 'AccountsList',
  taxRules: 'TaxRuleList',
  products: 'Products',
  customers: 'CustomerList',
  suppliers: 'SupplierList',
  saleList: 'SaleList',
  purchaseList: 'PurchaseList',
} as const;

export const cin7Envelopes = {
  accounts: page(CIN7_LIST_KEYS.accounts, cin7AccountSchema),
  taxRules: page(CIN7_LIST_KEYS.taxRules, cin7TaxRuleSchema),
  products: page(CIN7_LIST_KEYS.products, cin7ProductSchema),
  customers: page(CIN7_LIST_KEYS.customers, cin7CustomerSchema),
  suppliers: page(CIN7_LIST_KEYS.suppliers, cin7SupplierSchema),
  saleList: page(CIN7_LIST_KEYS.saleList, cin7SaleListItemSchema),
  purchaseList: page(CIN7_LIST_KEYS.purchaseList, cin7PurchaseListItemSchema),
};
