// Raw Cin7 Core API v2 documents: one sale (`GET sale`) or purchase (`GET purchase`) with its invoices, credit
// notes, lines, additional charges and payments. Line accounts are codes, tax rules names.
import { z } from 'zod';
import { numberOrText, optionalText } from '../tolerant';

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
