// Raw Cin7 Core API v2 JSON (PascalCase, as the API sends it). We validate the fields we use and keep the rest.
// Account fields hold account codes; tax-rule and payment-term fields hold names (research/cin7.md §2).
import { z } from 'zod';
import { optionalText } from './tolerant';

export const cin7MeSchema = z.looseObject({
  Company: optionalText,
  Currency: z.string(),
  TimeZone: optionalText,
  LockDate: optionalText,
});
export type Cin7Me = z.infer<typeof cin7MeSchema>;

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
});
export type Cin7Account = z.infer<typeof cin7AccountSchema>;

export const cin7TaxComponentSchema = z.looseObject({
  Name: optionalText,
  AccountCode: optionalText,
  Percent: z.union([z.number(), z.string()]).nullish(),
});

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

export const cin7ProductSchema = z.looseObject({
  ID: z.string().optional(),
  SKU: z.string(),
  Name: optionalText,
  Type: optionalText,
  Status: optionalText,
  InventoryAccount: optionalText,
  RevenueAccount: optionalText,
  COGSAccount: optionalText,
  ExpenseAccount: optionalText,
  SaleTaxRule: optionalText,
  PurchaseTaxRule: optionalText,
  LastModifiedOn: optionalText,
});
export type Cin7Product = z.infer<typeof cin7ProductSchema>;

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

export const cin7DocumentLineSchema = z.looseObject({
  ProductID: optionalText,
  SKU: optionalText,
  Name: optionalText,
  Account: optionalText,
  TaxRule: optionalText,
});
export type Cin7DocumentLine = z.infer<typeof cin7DocumentLineSchema>;

const saleInvoiceSchema = z.looseObject({
  InvoiceNumber: optionalText,
  InvoiceDate: optionalText,
  Status: optionalText,
  Lines: z.array(cin7DocumentLineSchema).nullish(),
  AdditionalCharges: z.array(cin7DocumentLineSchema).nullish(),
});

const saleCreditNoteSchema = z.looseObject({
  CreditNoteNumber: optionalText,
  CreditNoteDate: optionalText,
  Status: optionalText,
  Lines: z.array(cin7DocumentLineSchema).nullish(),
  AdditionalCharges: z.array(cin7DocumentLineSchema).nullish(),
});

const saleFulfilmentSchema = z.looseObject({
  FulfillmentNumber: z.union([z.number(), z.string()]).nullish(),
  Ship: z
    .looseObject({ Lines: z.array(z.looseObject({ ShipmentDate: optionalText, IsShipped: z.boolean().nullish() })).nullish() })
    .nullish(),
});

export const cin7SaleSchema = z.looseObject({
  ID: z.string(),
  Customer: optionalText,
  CustomerID: optionalText,
  Status: optionalText,
  DefaultAccount: optionalText,
  TaxRule: optionalText,
  CustomerCurrency: optionalText,
  Invoices: z.array(saleInvoiceSchema).nullish(),
  CreditNotes: z.array(saleCreditNoteSchema).nullish(),
  Fulfilments: z.array(saleFulfilmentSchema).nullish(),
});
export type Cin7Sale = z.infer<typeof cin7SaleSchema>;

const purchaseInvoiceSchema = z.looseObject({
  InvoiceNumber: optionalText,
  InvoiceDate: optionalText,
  Status: optionalText,
  Lines: z.array(cin7DocumentLineSchema).nullish(),
  AdditionalCharges: z.array(cin7DocumentLineSchema).nullish(),
});

const purchaseCreditNoteSchema = z.looseObject({
  CreditNoteNumber: optionalText,
  CreditNoteDate: optionalText,
  Status: optionalText,
  Lines: z.array(cin7DocumentLineSchema).nullish(),
});

export const cin7PurchaseSchema = z.looseObject({
  ID: z.string(),
  Supplier: optionalText,
  SupplierID: optionalText,
  Status: optionalText,
  InventoryAccount: optionalText,
  TaxRule: optionalText,
  SupplierCurrency: optionalText,
  Invoice: purchaseInvoiceSchema.nullish(),
  CreditNote: purchaseCreditNoteSchema.nullish(),
});
export type Cin7Purchase = z.infer<typeof cin7PurchaseSchema>;

/** Cin7's error model, sometimes sent with HTTP 200 and sometimes wrapped in a list. */
export const cin7ErrorSchema = z.looseObject({ ErrorCode: z.number(), Exception: optionalText });

/** Paged list envelopes `{ Total, Page, <ListKey>: [...] }`. */
const page = <T extends z.ZodType>(key: string, item: T) =>
  z.looseObject({ Total: z.number().optional(), Page: z.number().optional(), [key]: z.array(item) });

export const cin7Envelopes = {
  accounts: page('AccountsList', cin7AccountSchema),
  taxRules: page('TaxRuleList', cin7TaxRuleSchema),
  products: page('Products', cin7ProductSchema),
  customers: page('CustomerList', cin7CustomerSchema),
  suppliers: page('SupplierList', cin7SupplierSchema),
};
