// Raw Cin7 Core API v2 master records: products, customers and suppliers. Account fields hold account codes;
// tax-rule and payment-term fields hold names (research/cin7.md §2). Null means "use the next level's default".
import { z } from 'zod';
import { optionalText } from '../tolerant';

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
