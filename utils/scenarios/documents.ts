// Cin7 Core sales and purchases as GET sale / GET purchase return them (research/cin7.md §2.7–2.8): only invoice,
// credit-note and additional-charge lines carry an Account; COGS posts at the shipment date.
import type { Cin7Customer, Cin7Product, Cin7Purchase, Cin7Sale, Cin7Supplier } from '../schemas';
import type { Random } from './random';
import { cin7Date } from './dates';

export interface LineInput {
  product: Cin7Product;
  quantity: number;
  account?: string | null;
  taxRule?: string;
}

function line(input: LineInput, defaultAccount: string, defaultTaxRule: string, price: number) {
  const total = Math.round(price * input.quantity * 100) / 100;
  return {
    ProductID: input.product.ID ?? null,
    SKU: input.product.SKU,
    Name: input.product.Name ?? input.product.SKU,
    Quantity: input.quantity,
    Price: price,
    Discount: 0,
    Tax: Math.round(total * 0.15 * 100) / 100,
    TaxRule: input.taxRule ?? defaultTaxRule,
    Account: input.account === undefined ? defaultAccount : input.account,
    Total: total,
  };
}

export interface SaleInput {
  number: number;
  customer: Cin7Customer;
  lines: LineInput[];
  invoiceDate: string;
  shipmentDate?: string;
  creditNoteDate?: string;
  defaultAccount?: string;
}

export function cin7Sale(input: SaleInput, random: Random): Cin7Sale {
  const taxRule = input.customer.TaxRule ?? 'GST on Income';
  const revenue = input.defaultAccount ?? input.customer.RevenueAccount ?? '200';
  const price = (product: Cin7Product) => (typeof product.PriceTier1 === 'number' ? product.PriceTier1 : 0);
  const lines = input.lines.map((entry) => line(entry, revenue, taxRule, price(entry.product)));
  const number = String(input.number).padStart(5, '0');
  return {
    ID: random.guid(),
    Customer: input.customer.Name,
    CustomerID: input.customer.ID ?? null,
    Status: input.shipmentDate ? 'COMPLETED' : 'INVOICED',
    Type: 'Simple Sale',
    OrderNumber: `SO-${number}`,
    SaleOrderDate: cin7Date(input.invoiceDate),
    DefaultAccount: revenue,
    TaxRule: taxRule,
    TaxCalculation: 'Exclusive',
    Terms: input.customer.PaymentTerm ?? '20th Month following',
    Location: 'Main Warehouse',
    CustomerCurrency: input.customer.Currency ?? 'NZD',
    BaseCurrency: 'NZD',
    CurrencyRate: 1,
    Invoices: [
      {
        TaskID: random.guid(),
        InvoiceNumber: `INV-${number}`,
        InvoiceDate: cin7Date(input.invoiceDate),
        InvoiceDueDate: null,
        Status: 'AUTHORISED',
        Lines: lines,
        AdditionalCharges: [],
      },
    ],
    CreditNotes: input.creditNoteDate
      ? [
          {
            TaskID: random.guid(),
            CreditNoteNumber: `CR-${number}`,
            CreditNoteDate: cin7Date(input.creditNoteDate),
            Status: 'AUTHORISED',
            Lines: lines.slice(0, 1).map((first) => ({ ...first, Quantity: 1 })),
            AdditionalCharges: [],
          },
        ]
      : [],
    Fulfilments: input.shipmentDate
      ? [
          {
            TaskID: random.guid(),
            FulfillmentNumber: 1,
            Ship: {
              Status: 'AUTHORISED',
              RequireBy: null,
              Lines: [
                {
                  ShipmentDate: cin7Date(input.shipmentDate),
                  Carrier: 'NZ Post',
                  Box: '1',
                  TrackingNumber: `NZ${String(input.number).padStart(9, '0')}`,
                  IsShipped: true,
                },
              ],
            },
          },
        ]
      : [],
  };
}

export interface PurchaseInput {
  number: number;
  supplier: Cin7Supplier;
  lines: LineInput[];
  invoiceDate: string;
  inventoryAccount?: string;
  freightAccount?: string | null;
}

export function cin7Purchase(input: PurchaseInput, random: Random): Cin7Purchase {
  const taxRule = input.supplier.TaxRule ?? 'GST on Expenses';
  const inventory = input.inventoryAccount ?? '640';
  const cost = (product: Cin7Product) => (typeof product.AverageCost === 'number' ? product.AverageCost : 0);
  const number = String(input.number).padStart(5, '0');
  const freight =
    input.freightAccount === null
      ? []
      : [{ Description: 'Freight', Quantity: 1, Price: 85, Discount: 0, Tax: 12.75, Total: 85, TaxRule: taxRule, Account: input.freightAccount ?? '425' }];
  return {
    ID: random.guid(),
    Supplier: input.supplier.Name,
    SupplierID: input.supplier.ID ?? null,
    Status: 'COMPLETED',
    Approach: 'INVOICE',
    OrderNumber: `PO-${number}`,
    InventoryAccount: inventory,
    TaxRule: taxRule,
    TaxCalculation: 'Exclusive',
    Terms: input.supplier.PaymentTerm ?? '30 days',
    Location: 'Main Warehouse',
    SupplierCurrency: input.supplier.Currency ?? 'NZD',
    BaseCurrency: 'NZD',
    CurrencyRate: 1,
    Invoice: {
      InvoiceNumber: `${input.supplier.Name.slice(0, 3).toUpperCase()}-${number}`,
      InvoiceDate: cin7Date(input.invoiceDate),
      InvoiceDueDate: null,
      Status: 'AUTHORISED',
      Lines: input.lines.map((entry) => line(entry, inventory, taxRule, cost(entry.product))),
      AdditionalCharges: freight,
    },
    CreditNote: null,
  };
}
