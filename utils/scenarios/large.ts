// "large": a big NZ distributor, generated deterministically from a seed, for the benchmark and for load in the
// sandbox. Mostly well set up, with a realistic sprinkle of problems (rates below) so every rule does real work.
import type { Cin7Customer, Cin7Product, Cin7Purchase, Cin7Sale, Cin7Supplier, Snapshot, XeroItem } from '../schemas';
import { BASE_CHART, buildXeroChart, mirrorToCin7, type AccountSpec } from './chart';
import { cin7Customer, cin7Product, cin7Supplier, xeroItemFor } from './catalogue';
import { addDays } from './dates';
import { cin7Purchase, cin7Sale } from './documents';
import {
  HEALTHY_MAPPING_ROWS,
  PERIOD_LOCK_DAY,
  cin7Me,
  cin7TaxRules,
  mapping,
  xeroCurrencies,
  xeroOrganisation,
  xeroTaxRates,
  xeroTrackingCategories,
} from './organisation';
import { createRandom, type Random } from './random';

/** Record counts at scale 1. */
export const LARGE_BASE = {
  xeroAccounts: 500,
  xeroItems: 25_000,
  products: 50_000,
  customers: 12_500,
  suppliers: 2_500,
  sales: 2_500,
  purchases: 1_000,
} as const;

export type LargeCounts = { -readonly [K in keyof typeof LARGE_BASE]: number };

/** Counts at a scale. The chart never shrinks below the base NZ chart the mapping needs. */
export function largeCounts(scale: number): LargeCounts {
  if (!(scale > 0) || !Number.isFinite(scale)) throw new Error(`scale must be a positive number, got ${scale}`);
  const at = (base: number) => Math.max(1, Math.round(base * scale));
  return {
    xeroAccounts: Math.max(BASE_CHART.length, at(LARGE_BASE.xeroAccounts)),
    xeroItems: at(LARGE_BASE.xeroItems),
    products: Math.max(at(LARGE_BASE.products), at(LARGE_BASE.xeroItems)),
    customers: at(LARGE_BASE.customers),
    suppliers: at(LARGE_BASE.suppliers),
    sales: at(LARGE_BASE.sales),
    purchases: at(LARGE_BASE.purchases),
  };
}

/** How often each kind of problem appears (per record). Low, as in a large org that is mostly in order. */
const RATES = {
  archivedExtraAccount: 0.02,
  serviceProduct: 0.03,
  serviceWithoutExpense: 0.05,
  revenueOverride: 0.05,
  cogsOverride: 0.02,
  brokenOverride: 0.001,
  trackedItem: 0.0005,
  foreignCustomer: 0.15,
  unknownCurrency: 0.001,
  backDatedDocument: 0.005,
} as const;

const REGIONS = ['Northland', 'Auckland', 'Waikato', 'Bay of Plenty', 'Wellington', 'Nelson', 'Canterbury', 'Otago', 'Southland'];
const CATEGORIES = [
  { prefix: 'TNT', name: 'Tent' }, { prefix: 'SLB', name: 'Sleeping Bag' }, { prefix: 'PCK', name: 'Pack' },
  { prefix: 'JKT', name: 'Jacket' }, { prefix: 'BTS', name: 'Boots' }, { prefix: 'STV', name: 'Stove' },
  { prefix: 'LMP', name: 'Headlamp' }, { prefix: 'BTL', name: 'Bottle' }, { prefix: 'RPE', name: 'Rope' },
  { prefix: 'KYK', name: 'Kayak Accessory' },
];
const MODELS = ['Alpine', 'Ridgeline', 'Tramper', 'Summit', 'Coastal', 'Backcountry', 'Kea', 'Tussock', 'Fiord', 'Ranger'];
const VARIANTS = ['Black', 'Green', 'Blue', 'Orange', 'Grey', 'Red', 'S', 'M', 'L', 'XL'];
const NAME_PARTS = ['Kauri', 'Tōtara', 'Harbour', 'Ridge', 'Valley', 'Southern', 'Pacific', 'Northern', 'Coastal', 'Alpine', 'River', 'Lakeside', 'Summit', 'Bush', 'Peak', 'Island'];
const TRADES = ['Outdoors', 'Sports', 'Adventure', 'Supplies', 'Outfitters', 'Gear', 'Trading', 'Camping', 'Hire', 'Apparel'];

function extraAccounts(count: number, random: Random): AccountSpec[] {
  const kinds = [
    { type: 'EXPENSE', base: 5000, name: (region: string) => `Freight - ${region}` },
    { type: 'OVERHEADS', base: 6000, name: (region: string) => `Store Costs - ${region}` },
    { type: 'REVENUE', base: 2000, name: (region: string) => `Sales - ${region}` },
    { type: 'DIRECTCOSTS', base: 3000, name: (region: string) => `Cost of Sales - ${region}` },
    { type: 'CURRENT', base: 1100, name: (region: string) => `Inventory on Consignment - ${region}` },
    { type: 'CURRLIAB', base: 8100, name: (region: string) => `Accrued Costs - ${region}` },
  ];
  const specs: AccountSpec[] = [];
  for (let index = 0; index < count; index++) {
    const kind = kinds[index % kinds.length] ?? kinds[0]!;
    const serial = Math.floor(index / kinds.length);
    const region = REGIONS[serial % REGIONS.length] ?? 'Auckland';
    const branch = Math.floor(serial / REGIONS.length) + 1;
    specs.push({
      code: String(kind.base + serial),
      name: `${kind.name(region)} ${branch}`,
      type: kind.type,
      status: random.chance(RATES.archivedExtraAccount) ? 'ARCHIVED' : 'ACTIVE',
    });
  }
  return specs;
}

/** Two different words of NAME_PARTS ("Harbour Ridge", never "Ridge Ridge"). */
function placeName(random: Random): string {
  const first = random.int(0, NAME_PARTS.length - 1);
  const second = (first + random.int(1, NAME_PARTS.length - 1)) % NAME_PARTS.length;
  return `${NAME_PARTS[first]} ${NAME_PARTS[second]}`;
}

function uniqueNamer() {
  const seen = new Set<string>();
  return (base: string): string => {
    let name = base;
    for (let n = 2; seen.has(name); n++) name = `${base} (${n})`;
    seen.add(name);
    return name;
  };
}

export interface GenerateOptions {
  scale: number;
  seed: number;
}

export function generateLarge({ scale, seed }: GenerateOptions): Snapshot {
  const counts = largeCounts(scale);
  const random = createRandom(seed);
  const extras = extraAccounts(counts.xeroAccounts - BASE_CHART.length, random);
  const xeroAccounts = buildXeroChart([...BASE_CHART, ...extras], random);
  const activeExtra = (type: string) =>
    extras.filter((spec) => spec.type === type && spec.status === 'ACTIVE').map((spec) => spec.code as string);
  const archivedCodes = extras.filter((spec) => spec.status === 'ARCHIVED').map((spec) => spec.code as string);
  const revenueCodes = ['200', '210', '220', ...activeExtra('REVENUE')];
  const cogsCodes = ['310', '311', ...activeExtra('DIRECTCOSTS')];
  // A broken override: a code that was deleted from Xero, or an archived account when there is one.
  const brokenCode = () => (archivedCodes.length > 0 && random.chance(0.5) ? random.pick(archivedCodes) : '9999');

  const products: Cin7Product[] = [];
  for (let index = 0; index < counts.products; index++) {
    const category = CATEGORIES[index % CATEGORIES.length] ?? CATEGORIES[0]!;
    const model = random.pick(MODELS);
    const variant = random.pick(VARIANTS);
    const service = random.chance(RATES.serviceProduct);
    const price = random.int(1_500, 89_900) / 100;
    const sku = `${service ? 'SVC' : category.prefix}-${String(index + 1).padStart(6, '0')}`;
    products.push(
      cin7Product(
        {
          sku,
          name: service ? `${model} ${category.name} Servicing` : `${model} ${category.name}, ${variant}`,
          category: service ? 'Services' : `${category.name}s`,
          type: service ? 'Service' : 'Stock',
          price,
          cost: Math.round(price * 45) / 100,
          expenseAccount: service && !random.chance(RATES.serviceWithoutExpense) ? '463' : null,
          revenueAccount: random.chance(RATES.brokenOverride)
            ? brokenCode()
            : random.chance(RATES.revenueOverride) ? random.pick(revenueCodes) : null,
          cogsAccount: random.chance(RATES.cogsOverride) ? random.pick(cogsCodes) : null,
        },
        random,
      ),
    );
  }
  const items: XeroItem[] = products
    .slice(0, counts.xeroItems)
    .map((product) => xeroItemFor(product, random, random.chance(RATES.trackedItem)));

  const customerName = uniqueNamer();
  const customers: Cin7Customer[] = [];
  for (let index = 0; index < counts.customers; index++) {
    const foreign = random.chance(RATES.foreignCustomer);
    const currency = random.chance(RATES.unknownCurrency) ? 'GBP' : foreign ? random.pick(['AUD', 'AUD', 'USD']) : 'NZD';
    const suffix = currency === 'AUD' ? 'Pty Ltd' : currency === 'USD' ? 'LLC' : 'Ltd';
    customers.push(
      cin7Customer(
        {
          name: customerName(`${placeName(random)} ${random.pick(TRADES)} ${suffix}`),
          currency,
          revenueAccount: random.chance(RATES.brokenOverride) ? brokenCode() : random.pick(revenueCodes),
        },
        random,
      ),
    );
  }
  const supplierName = uniqueNamer();
  const suppliers: Cin7Supplier[] = [];
  for (let index = 0; index < counts.suppliers; index++) {
    const currency = random.chance(0.3) ? random.pick(['AUD', 'USD', 'USD']) : 'NZD';
    suppliers.push(
      cin7Supplier(
        {
          name: supplierName(`${random.pick(NAME_PARTS)} ${random.pick(TRADES)} Manufacturing`),
          currency,
          account: random.chance(RATES.brokenOverride) ? brokenCode() : '800',
        },
        random,
      ),
    );
  }

  const stock = products.filter((product) => product.Type === 'Stock');
  const documentDay = () =>
    random.chance(RATES.backDatedDocument) ? addDays(PERIOD_LOCK_DAY, -random.int(0, 60)) : addDays(PERIOD_LOCK_DAY, random.int(1, 50));
  const linesFor = () =>
    Array.from({ length: random.int(1, 4) }, () => ({ product: random.pick(stock), quantity: random.int(1, 12) }));
  const sales: Cin7Sale[] = [];
  for (let index = 0; index < counts.sales; index++) {
    const invoiceDate = documentDay();
    sales.push(
      cin7Sale(
        {
          number: 20_000 + index,
          customer: random.pick(customers),
          lines: linesFor(),
          invoiceDate,
          shipmentDate: random.chance(0.8) ? addDays(invoiceDate, random.int(0, 3)) : undefined,
        },
        random,
      ),
    );
  }
  const purchases: Cin7Purchase[] = [];
  for (let index = 0; index < counts.purchases; index++) {
    purchases.push(
      cin7Purchase({ number: 8_000 + index, supplier: random.pick(suppliers), lines: linesFor(), invoiceDate: documentDay() }, random),
    );
  }

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
      items,
      trackingCategories: xeroTrackingCategories(random),
      currencies: xeroCurrencies(['NZD', 'AUD', 'USD']),
      taxRates: xeroTaxRates(),
    },
  };
}
