// "healthy": a small NZ business whose Cin7 Core ↔ Xero set-up follows every rule (no errors, no warnings).
import type { Snapshot } from '../schemas';
import { BASE_CHART, buildXeroChart, mirrorToCin7 } from './chart';
import { cin7Customer, cin7Product, cin7Supplier, xeroItemFor, type ProductInput } from './catalogue';
import { cin7Purchase, cin7Sale } from './documents';
import {
  HEALTHY_MAPPING_ROWS,
  cin7Me,
  cin7TaxRules,
  mapping,
  xeroCurrencies,
  xeroOrganisation,
  xeroTaxRates,
  xeroTrackingCategories,
} from './organisation';
import { createRandom } from './random';

export const HEALTHY_PRODUCTS: readonly ProductInput[] = [
  { sku: 'TNT-2P-GRN', name: 'Hiker 2-Person Tent, Green', category: 'Tents', price: 349, cost: 162.5 },
  { sku: 'TNT-4P-ORG', name: 'Basecamp 4-Person Tent, Orange', category: 'Tents', price: 649, cost: 301.2 },
  { sku: 'SLB-DWN-0C', name: 'Alpine Down Sleeping Bag 0°C', category: 'Sleeping Bags', price: 429, cost: 188 },
  { sku: 'SLB-SYN-5C', name: 'Tramper Synthetic Sleeping Bag 5°C', category: 'Sleeping Bags', price: 219, cost: 94.4 },
  { sku: 'PCK-45L-BLK', name: 'Ridgeline 45L Pack, Black', category: 'Packs', price: 289, cost: 121.75 },
  { sku: 'PCK-65L-BLU', name: 'Ridgeline 65L Pack, Blue', category: 'Packs', price: 359, cost: 150.3 },
  { sku: 'JKT-RAIN-M', name: 'Stormproof Rain Jacket, M', category: 'Clothing', price: 279, cost: 109 },
  { sku: 'JKT-RAIN-L', name: 'Stormproof Rain Jacket, L', category: 'Clothing', price: 279, cost: 109 },
  { sku: 'STV-GAS-01', name: 'Compact Gas Stove', category: 'Cooking', price: 89.9, cost: 38.2 },
  { sku: 'BTL-1L-STL', name: 'Insulated Bottle 1L, Steel', category: 'Accessories', price: 49.9, cost: 17.8, revenueAccount: '220' },
  { sku: 'SVC-REPAIR', name: 'Tent and Pack Repair (per hour)', category: 'Services', type: 'Service', price: 85, cost: 40, expenseAccount: '463' },
  { sku: 'SVC-GUIDE', name: 'Guided Day Walk', category: 'Services', type: 'Service', price: 180, cost: 95, expenseAccount: '463', revenueAccount: '260' },
];

export function buildHealthy(): Snapshot {
  const random = createRandom(20261121);
  const xeroAccounts = buildXeroChart(BASE_CHART, random);
  const products = HEALTHY_PRODUCTS.map((input) => cin7Product(input, random));
  const stock = products.filter((product) => product.Type === 'Stock');
  const customers = [
    cin7Customer({ name: 'Summit Sports Whangārei' }, random),
    cin7Customer({ name: 'Te Anau Adventure Hire' }, random),
    cin7Customer({ name: 'Coromandel Camping Co', revenueAccount: '210' }, random),
    cin7Customer({ name: 'Great Walks Online', revenueAccount: '220' }, random),
    cin7Customer({ name: 'Blue Mountains Outfitters Pty Ltd', currency: 'AUD', paymentTerm: '30 days' }, random),
    cin7Customer({ name: 'Trailhead Supply LLC', currency: 'USD', paymentTerm: '30 days' }, random),
  ];
  const suppliers = [
    cin7Supplier({ name: 'Canterbury Textiles Ltd' }, random),
    cin7Supplier({ name: 'Aoraki Metalworks' }, random),
    cin7Supplier({ name: 'Sydney Outdoor Wholesale Pty Ltd', currency: 'AUD' }, random),
    cin7Supplier({ name: 'Pacific Gear Manufacturing Inc', currency: 'USD', paymentTerm: '60 days' }, random),
  ];
  const pick = <T>(items: readonly T[], index: number): T => items[index % items.length] as T;
  const sales = [
    cin7Sale({ number: 1041, customer: pick(customers, 0), invoiceDate: '2026-10-06', shipmentDate: '2026-10-07',
      lines: [{ product: pick(stock, 0), quantity: 2 }, { product: pick(stock, 4), quantity: 3 }] }, random),
    cin7Sale({ number: 1042, customer: pick(customers, 4), invoiceDate: '2026-10-19', shipmentDate: '2026-10-21',
      lines: [{ product: pick(stock, 2), quantity: 5 }] }, random),
    cin7Sale({ number: 1043, customer: pick(customers, 3), invoiceDate: '2026-11-16', creditNoteDate: '2026-11-18',
      lines: [{ product: pick(stock, 9), quantity: 24, account: '220' }, { product: pick(stock, 8), quantity: 6 }] }, random),
  ];
  const purchases = [
    cin7Purchase({ number: 311, supplier: pick(suppliers, 0), invoiceDate: '2026-10-02',
      lines: [{ product: pick(stock, 6), quantity: 40 }, { product: pick(stock, 7), quantity: 40 }] }, random),
    cin7Purchase({ number: 312, supplier: pick(suppliers, 3), invoiceDate: '2026-11-03',
      lines: [{ product: pick(stock, 0), quantity: 25 }, { product: pick(stock, 1), quantity: 10 }] }, random),
  ];
  return {
    cin7: {
      me: cin7Me(),
      accounts: mirrorToCin7(xeroAccounts),
      taxRules: cin7TaxRules(random),
      products,
      customers,
      suppliers,
      sales,
      purchases,
      mapping: mapping(HEALTHY_MAPPING_ROWS),
      features: { inventoryAccrual: true, giftCards: false },
    },
    xero: {
      organisation: xeroOrganisation(random),
      accounts: xeroAccounts,
      items: products.map((product) => xeroItemFor(product, random)),
      trackingCategories: xeroTrackingCategories(random),
      currencies: xeroCurrencies(['NZD', 'AUD', 'USD']),
      taxRates: xeroTaxRates(),
    },
  };
}
