// "broken": the same business after a messy set-up. Every finding code has at least one cause here; each is a
// mistake seen in the field (research/cin7.md §4, research/xero.md §6). The comments name the code each causes.
import type { Cin7TaxRule, MappingRow, Snapshot, XeroTaxRate } from '../schemas';
import { BASE_CHART, buildXeroChart, mirrorToCin7, type AccountSpec } from './chart';
import { cin7Customer, cin7Product, cin7Supplier, xeroItemFor } from './catalogue';
import { cin7Purchase, cin7Sale } from './documents';
import { HEALTHY_PRODUCTS } from './healthy';
import {
  cin7Me,
  END_OF_YEAR_LOCK_DAY,
  cin7TaxRules,
  mapping,
  xeroCurrencies,
  xeroOrganisation,
  xeroTaxRates,
  xeroTrackingCategories,
} from './organisation';
import { createRandom } from './random';

const BROKEN_CHART: readonly AccountSpec[] = [
  ...BASE_CHART.map((spec): AccountSpec => {
    // ACCOUNT_ARCHIVED: Customer Credits was archived in Xero after it was mapped.
    if (spec.code === '810') return { ...spec, status: 'ARCHIVED' };
    // PAYMENTS_NOT_ENABLED: Supplier Deposits was created without "Enable payments to this account".
    if (spec.code === '621') return { ...spec, payments: false };
    // PAYMENTS_ENABLED: someone ticked "Enable payments" on Cost of Goods Sold.
    if (spec.code === '310') return { ...spec, payments: true };
    // OVERRIDE_ACCOUNT_INVALID: Freight & Courier (used on purchase freight lines) was archived.
    if (spec.code === '425') return { ...spec, status: 'ARCHIVED' };
    return spec;
  }),
  // ACCOUNT_WITHOUT_CODE: an account added in Xero without a code is invisible to Cin7 Core.
  { name: 'Shipping Containers', type: 'FIXED' },
  // BANK_ACCOUNT_WITHOUT_CODE: a new foreign-currency bank account without a nominal code.
  { name: 'Wise AUD Account', type: 'BANK', bankNumber: '', currency: 'AUD' },
];

const BROKEN_MAPPING: readonly MappingRow[] = [
  { label: 'Accounts Receivable', account: '610: Accounts Receivable' },
  { label: 'Accounts Payable', account: '800: Accounts Payable' },
  { label: 'Sales Tax', account: '820: GST' },
  { label: 'Default Revenue', account: '200: Sales' },
  // ACCOUNT_TYPE_MISMATCH: Xero's default Inventory account (type INVENTORY) instead of a Current Asset.
  { label: 'Inventory Control', account: '630: Inventory' },
  // ACCOUNT_NOT_FOUND: the code was deleted from Xero's chart and never replaced.
  { label: 'Inventory Discrepancy', account: '455: Stock Write-offs' },
  { label: 'Cost of Goods Sold', account: '310: Cost of Goods Sold' },
  // MAPPING_NOT_UNIQUE: Tax Liability shares 820 with Sales Tax.
  { label: 'Tax Liability', account: '820: GST' },
  // MAPPING_MISSING: no Work in Progress row was read (the row is absent from the page as read), and the page always
  // shows it.
  { label: 'Supplier Deposits', account: '621: Supplier Deposits' },
  { label: 'Customer Credits', account: '810: Customer Credits' },
  // MAPPING_MISSING: In Transit left blank.
  { label: 'In Transit', account: '' },
  { label: 'Realised Currency Gains', account: '499: Realised Currency Gains' },
  // SYSTEM_ACCOUNT_MAPPED: Unrealised gains pointed at Retained Earnings (system account RETAINEDEARNINGS).
  { label: 'Unrealised Currency Gains', account: '960: Retained Earnings' },
  { label: 'Current Year Profits', account: '' },
  // MAPPING_UNKNOWN: the page as read shows Stock in Transit but no Inventory Accrual row; the page shows both only
  // while inventory accrual is enabled, so the reader missed it or Cin7 Core renamed it.
  { label: 'Stock in Transit (Goods Invoiced, Not Received)', account: '643: Stock in Transit (Invoiced Not Received)' },
];

/** An old rule kept for history, inactive (TAX_RULE_ACCOUNT_INVALID skips inactive rules); a fixed ID keeps the
 * random sequence, and so every other record, unchanged. */
const INACTIVE_TAX_RULE: Cin7TaxRule = {
  ID: '5f0c2a7e-1250-4d2b-9a61-0e3c12a5b125',
  Name: 'GST 12.5% on Expenses',
  Account: '820',
  IsActive: false,
  TaxInclusive: false,
  TaxPercent: 12.5,
  IsTaxForSale: false,
  IsTaxForPurchase: true,
  Components: [{ ID: '5f0c2a7e-1250-4d2b-9a61-0e3c12a5b126', Name: 'GST', Percent: 12.5, AccountCode: '820', ComponentOrder: 1, Compound: false }],
};

/** TAX_RULE_NOT_IN_XERO: an Australian 10 % GST rule made in Cin7 Core for the Australian customer; this NZ Xero has
 * no 10 % rate, and a rule made in Cin7 is not sent to Xero (research/cin7.md §4.1). Fixed IDs, as above. */
const AU_GST_RULE: Cin7TaxRule = {
  ID: '5f0c2a7e-1000-4d2b-9a61-0e3c12a5b110',
  Name: 'GST 10% (AU)',
  Account: '820',
  IsActive: true,
  TaxInclusive: false,
  TaxPercent: 10,
  IsTaxForSale: true,
  IsTaxForPurchase: false,
  Components: [{ ID: '5f0c2a7e-1000-4d2b-9a61-0e3c12a5b111', Name: 'GST', Percent: 10, AccountCode: '820', ComponentOrder: 1, Compound: false }],
};

/**
 * TAX_RATE_NOT_APPLICABLE: this org's "Zero Rated" (a sales rate, ReportTaxType OUTPUT) may not be used on expense or
 * asset accounts. A scenario choice, not a sourced fact about NZ Xero: the CanApplyTo… flags are Xero's, read-only
 * (specs/xero_accounting.yaml), and which are false for which NZ rate is not in our research.
 */
const SALES_ONLY_ZERO_RATED = (rate: XeroTaxRate): XeroTaxRate =>
  rate.TaxType === 'ZERORATED' ? { ...rate, CanApplyToExpenses: false, CanApplyToAssets: false } : rate;

export function buildBroken(): Snapshot {
  const random = createRandom(404);
  const xeroAccounts = buildXeroChart(BROKEN_CHART, random);
  const products = HEALTHY_PRODUCTS.map((input) => {
    // SERVICE_PRODUCT_NO_EXPENSE_ACCOUNT: the repair service has no expense account for its costs.
    if (input.sku === 'SVC-REPAIR') return cin7Product({ ...input, expenseAccount: null }, random);
    // OVERRIDE_ACCOUNT_TYPE: the bottle's revenue account points at Cost of Goods Sold.
    if (input.sku === 'BTL-1L-STL') return cin7Product({ ...input, revenueAccount: '310' }, random);
    // OVERRIDE_ACCOUNT_INVALID: the stove's COGS account code is not in Xero's chart.
    if (input.sku === 'STV-GAS-01') return cin7Product({ ...input, cogsAccount: '315' }, random);
    // RECORD_TAX_RULE_INVALID: the sleeping bag's sale tax rule names a rule this NZ account does not have
    // ("GST on Sales", from an Australian CSV template used for the import).
    if (input.sku === 'SLB-DWN-0C') return cin7Product({ ...input, saleTaxRule: 'GST on Sales' }, random);
    // TAX_RATE_NOT_APPLICABLE: the imported tent's purchases were set to "Zero Rated", which this Xero does not allow
    // on the inventory (asset) account they post to.
    if (input.sku === 'TNT-4P-ORG') return cin7Product({ ...input, purchaseTaxRule: 'Zero Rated' }, random);
    return cin7Product(input, random);
  });
  const stock = products.filter((product) => product.Type === 'Stock');
  const customers = [
    cin7Customer({ name: 'Summit Sports Whangārei' }, random),
    cin7Customer({ name: 'Te Anau Adventure Hire' }, random),
    // OVERRIDE_ACCOUNT_TYPE: receivable set to the Sales account.
    cin7Customer({ name: 'Coromandel Camping Co', account: '200' }, random),
    // TAX_RULE_NOT_IN_XERO (+ RECORD_TAX_RULE_INVALID): on the Cin7-made 10 % Australian rule.
    cin7Customer({ name: 'Blue Mountains Outfitters Pty Ltd', currency: 'AUD', paymentTerm: '30 days', taxRule: AU_GST_RULE.Name }, random),
    // CURRENCY_NOT_ENABLED: GBP is not among Xero's currencies.
    cin7Customer({ name: 'Highland Trails Ltd', currency: 'GBP', paymentTerm: '30 days' }, random),
  ];
  const suppliers = [
    cin7Supplier({ name: 'Canterbury Textiles Ltd' }, random),
    // OVERRIDE_ACCOUNT_TYPE: payable set to an expense account.
    // RECORD_TAX_RULE_INVALID (warning): still on the 12.5% rule made inactive when GST went to 15%.
    cin7Supplier({ name: 'Aoraki Metalworks', account: '429', taxRule: INACTIVE_TAX_RULE.Name }, random),
    cin7Supplier({ name: 'Pacific Gear Manufacturing Inc', currency: 'USD', paymentTerm: '60 days' }, random),
  ];
  const pick = <T>(items: readonly T[], index: number): T => items[index % items.length] as T;
  const sales = [
    // DOCUMENT_IN_LOCKED_PERIOD: a back-dated invoice (and its shipment) inside Xero's locked period.
    cin7Sale({ number: 1038, customer: pick(customers, 0), invoiceDate: '2026-03-20', shipmentDate: '2026-03-24',
      lines: [{ product: pick(stock, 1), quantity: 1 }] }, random),
    // OVERRIDE_ACCOUNT_INVALID: a line posts to 275, which is not in Xero's chart.
    cin7Sale({ number: 1044, customer: pick(customers, 1), invoiceDate: '2026-11-17', shipmentDate: '2026-11-18',
      lines: [{ product: pick(stock, 3), quantity: 4 }, { product: pick(stock, 5), quantity: 2, account: '275' }] }, random),
  ];
  const purchases = [
    // OVERRIDE_ACCOUNT_INVALID: freight charged to the archived 425.
    cin7Purchase({ number: 313, supplier: pick(suppliers, 0), invoiceDate: '2026-11-09',
      lines: [{ product: pick(stock, 6), quantity: 20 }] }, random),
  ];
  // TRACKED_INVENTORY: two items still tracked as inventory in Xero from before Cin7 Core was connected.
  const items = products.map((product, index) => xeroItemFor(product, random, index === 0 || index === 4));
  return {
    cin7: {
      // BASE_CURRENCY_MISMATCH: Cin7 Core was created with AUD as its base currency.
      // LOCK_DATE_NOT_SET + LOCK_DATE_MISALIGNED: Cin7 Core has no lock date, and Xero only the end-of-year one
      // (below), so Cin7 still accepts documents Xero will refuse and no period lock protects recent months.
      me: cin7Me({ currency: 'AUD', lockDate: null }),
      accounts: mirrorToCin7(xeroAccounts),
      // TAX_RULE_ACCOUNT_INVALID: "GST on Imports" posts to Sales, not a liability.
      // RECORD_TAX_RULE_INVALID: the USD supplier's default "GST on Imports" is that rule.
      taxRules: [...cin7TaxRules(random, (name) => (name === 'GST on Imports' ? '200' : '820')), INACTIVE_TAX_RULE, AU_GST_RULE],
      products,
      customers,
      suppliers,
      sales,
      purchases,
      mapping: mapping(BROKEN_MAPPING),
      features: { inventoryAccrual: false, giftCards: false },
    },
    xero: {
      organisation: xeroOrganisation(random, { periodLock: null, endOfYearLock: END_OF_YEAR_LOCK_DAY }),
      accounts: xeroAccounts,
      items,
      trackingCategories: xeroTrackingCategories(random),
      currencies: xeroCurrencies(['NZD', 'AUD', 'USD']),
      taxRates: xeroTaxRates(SALES_ONLY_ZERO_RATED),
    },
  };
}
