// Raw Cin7 Core API v2 paged lists: the `{ Total, Page, <ListKey>: [...] }` envelopes of the reference, record and
// document-summary lists (saleList, purchaseList), with each list's key.
import { z } from 'zod';
import { optionalText } from '../tolerant';
import { cin7AccountSchema, cin7TaxRuleSchema } from './reference';
import { cin7CustomerSchema, cin7ProductSchema, cin7SupplierSchema } from './records';

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
