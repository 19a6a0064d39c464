// Builders for Cin7 Core products, customers and suppliers and the Xero items Cin7 exports, as the APIs return
// them. Account fields hold codes and tax-rule fields hold names (research/cin7.md §2.5–2.6); null means "use the
// next level of the priority chain", as in Cin7's own examples.
import type { Cin7Customer, Cin7Product, Cin7Supplier, XeroItem } from '../schemas';
import type { Random } from './random';
import { xeroTimestamp } from './dates';

const MODIFIED_ON = '2026-10-14T02:31:09.417Z';
const ITEM_UPDATED = xeroTimestamp('2026-10-14T02:31:11Z');

export interface ProductInput {
  sku: string;
  name: string;
  category: string;
  type?: 'Stock' | 'Service';
  price: number;
  cost: number;
  inventoryAccount?: string | null;
  revenueAccount?: string | null;
  cogsAccount?: string | null;
  expenseAccount?: string | null;
  saleTaxRule?: string | null;
  purchaseTaxRule?: string | null;
}

export function cin7Product(input: ProductInput, random: Random): Cin7Product {
  const type = input.type ?? 'Stock';
  return {
    ID: random.guid(),
    SKU: input.sku,
    Name: input.name,
    Category: input.category,
    Brand: 'Kauri Coast',
    Type: type,
    CostingMethod: 'FIFO',
    DropShipMode: 'No Drop Ship',
    DefaultLocation: 'Main Warehouse',
    UOM: type === 'Stock' ? 'Item' : 'Hour',
    Barcode: type === 'Stock' ? `94${String(random.int(0, 99_999_999_999)).padStart(11, '0')}` : null,
    AverageCost: input.cost,
    PriceTier1: input.price,
    PriceTiers: { 'Tier 1': input.price, 'Tier 2': Math.round(input.price * 0.85 * 100) / 100 },
    InventoryAccount: input.inventoryAccount ?? null,
    RevenueAccount: input.revenueAccount ?? null,
    COGSAccount: input.cogsAccount ?? null,
    ExpenseAccount: input.expenseAccount ?? null,
    SaleTaxRule: input.saleTaxRule ?? null,
    PurchaseTaxRule: input.purchaseTaxRule ?? null,
    Status: 'Active',
    Sellable: true,
    LastModifiedOn: MODIFIED_ON,
  };
}

function purchaseAccount(product: Cin7Product): string {
  if (product.Type === 'Service') return product.ExpenseAccount ?? '429';
  return product.InventoryAccount ?? '640';
}

/** The Xero item Cin7 Core exports for a product: SKU→Code, inventory/revenue account→AccountCode. */
export function xeroItemFor(product: Cin7Product, random: Random, tracked = false): XeroItem {
  const price = typeof product.PriceTier1 === 'number' ? product.PriceTier1 : 0;
  const cost = typeof product.AverageCost === 'number' ? product.AverageCost : 0;
  const item: XeroItem = {
    ItemID: random.guid(),
    Code: product.SKU,
    Name: (product.Name ?? product.SKU).slice(0, 50),
    Description: product.Name ?? product.SKU,
    PurchaseDescription: product.Name ?? product.SKU,
    IsSold: true,
    IsPurchased: true,
    IsTrackedAsInventory: tracked,
    SalesDetails: { UnitPrice: price, AccountCode: product.RevenueAccount ?? '200', TaxType: 'OUTPUT2' },
    PurchaseDetails: tracked
      ? { UnitPrice: cost, COGSAccountCode: '310', TaxType: 'INPUT2' }
      : { UnitPrice: cost, AccountCode: purchaseAccount(product), TaxType: 'INPUT2' },
    UpdatedDateUTC: ITEM_UPDATED,
  };
  if (tracked) {
    item.InventoryAssetAccountCode = '630';
    item.QuantityOnHand = random.int(1, 40);
    item.TotalCostPool = Math.round(cost * item.QuantityOnHand * 100) / 100;
  }
  return item;
}

export interface ContactInput {
  name: string;
  currency?: string;
  taxRule?: string;
  paymentTerm?: string;
  account?: string | null;
  revenueAccount?: string | null;
}

export function cin7Customer(input: ContactInput, random: Random): Cin7Customer {
  const currency = input.currency ?? 'NZD';
  return {
    ID: random.guid(),
    Name: input.name,
    Status: 'Active',
    Currency: currency,
    PaymentTerm: input.paymentTerm ?? '20th Month following',
    TaxRule: input.taxRule ?? (currency === 'NZD' ? 'GST on Income' : 'Zero Rated'),
    AccountReceivable: input.account === undefined ? '610' : input.account,
    RevenueAccount: input.revenueAccount === undefined ? '200' : input.revenueAccount,
    PriceTier: 'Tier 1',
    Discount: 0,
    CreditLimit: 0,
    IsOnCreditHold: false,
    TaxNumber: currency === 'NZD' ? `${random.int(100, 139)}-${random.int(100, 999)}-${random.int(100, 999)}` : '',
    Location: 'Main Warehouse',
    Tags: '',
    Contacts: [],
    Addresses: [],
    LastModifiedOn: MODIFIED_ON,
  };
}

export function cin7Supplier(input: ContactInput, random: Random): Cin7Supplier {
  const currency = input.currency ?? 'NZD';
  return {
    ID: random.guid(),
    Name: input.name,
    Status: 'Active',
    Currency: currency,
    PaymentTerm: input.paymentTerm ?? '30 days',
    TaxRule: input.taxRule ?? (currency === 'NZD' ? 'GST on Expenses' : 'GST on Imports'),
    AccountPayable: input.account === undefined ? '800' : input.account,
    Discount: 0,
    TaxNumber: '',
    Contacts: [],
    Addresses: [],
    LastModifiedOn: MODIFIED_ON,
  };
}
