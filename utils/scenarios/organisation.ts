// Organisation-level reference data for the scenario business: Xero's organisation, currencies, tax rates and
// tracking categories; Cin7 Core's `me` and tax rules; and the Account Mapping page as the reader stores it.
import type {
  Cin7Me,
  Cin7TaxRule,
  Mapping,
  MappingRow,
  XeroCurrency,
  XeroOrganisation,
  XeroTaxRate,
  XeroTrackingCategory,
} from '../schemas';
import type { Random } from './random';
import { cin7Date, xeroDate, xeroTimestamp } from './dates';

export const COMPANY_NAME = 'Kauri Coast Outdoor Ltd';
export const SHORT_CODE = '!mGd7q';
/** Both apps lock the period up to the end of the last GST return (two-monthly, ending September). */
export const PERIOD_LOCK_DAY = '2026-09-30';
export const END_OF_YEAR_LOCK_DAY = '2026-03-31';

export function xeroOrganisation(
  random: Random,
  overrides: { periodLock?: string | null; endOfYearLock?: string | null } = {},
): XeroOrganisation {
  const organisation: XeroOrganisation = {
    OrganisationID: random.guid(),
    APIKey: '',
    Name: COMPANY_NAME,
    LegalName: COMPANY_NAME,
    PaysTax: true,
    Version: 'NZ',
    OrganisationType: 'COMPANY',
    BaseCurrency: 'NZD',
    CountryCode: 'NZ',
    IsDemoCompany: false,
    OrganisationStatus: 'ACTIVE',
    RegistrationNumber: '6123456',
    TaxNumber: '123-456-789',
    FinancialYearEndDay: 31,
    FinancialYearEndMonth: 3,
    SalesTaxBasis: 'INVOICE',
    SalesTaxPeriod: 'TWOMONTHS',
    DefaultSalesTax: 'Tax Exclusive',
    DefaultPurchasesTax: 'Tax Exclusive',
    CreatedDateUTC: xeroTimestamp('2021-04-12T22:05:41Z'),
    OrganisationEntityType: 'COMPANY',
    Timezone: 'NEWZEALANDSTANDARDTIME',
    ShortCode: SHORT_CODE,
    Edition: 'BUSINESS',
    Class: 'PREMIUM',
  };
  const periodLock = overrides.periodLock === undefined ? PERIOD_LOCK_DAY : overrides.periodLock;
  const endOfYearLock = overrides.endOfYearLock === undefined ? END_OF_YEAR_LOCK_DAY : overrides.endOfYearLock;
  if (periodLock) organisation.PeriodLockDate = xeroDate(periodLock);
  if (endOfYearLock) organisation.EndOfYearLockDate = xeroDate(endOfYearLock);
  return organisation;
}

export function cin7Me(overrides: { currency?: string; lockDate?: string | null } = {}): Cin7Me {
  const lockDate = overrides.lockDate === undefined ? PERIOD_LOCK_DAY : overrides.lockDate;
  return {
    Company: COMPANY_NAME,
    Currency: overrides.currency ?? 'NZD',
    TimeZone: 'New Zealand Standard Time',
    DefaultWeightUnits: 'kg',
    DefaultDimensionsUnits: 'cm',
    LockDate: lockDate ? cin7Date(lockDate) : null,
    OpeningBalanceDate: cin7Date('2021-04-01'),
    TaxCalculationMethod: 'Total',
    DefaultSaleTaxRuleName: 'GST on Income',
    MaximumDecimalPlacesInQuantity: 2,
  };
}

const CURRENCY_NAMES: Record<string, string> = {
  NZD: 'New Zealand Dollar',
  AUD: 'Australian Dollar',
  USD: 'United States Dollar',
  GBP: 'British Pound',
};

export function xeroCurrencies(codes: readonly string[]): XeroCurrency[] {
  return codes.map((code) => ({ Code: code, Description: CURRENCY_NAMES[code] ?? code }));
}

/** NZ Xero's standard tax rates; `adjust` changes one (a scenario's own org). */
export function xeroTaxRates(adjust: (rate: XeroTaxRate) => XeroTaxRate = (rate) => rate): XeroTaxRate[] {
  const rate = (Name: string, TaxType: string, ReportTaxType: string, percent: number): XeroTaxRate => ({
    Name,
    TaxType,
    ReportTaxType,
    CanApplyToAssets: true,
    CanApplyToEquity: true,
    CanApplyToExpenses: true,
    CanApplyToLiabilities: true,
    CanApplyToRevenue: true,
    DisplayTaxRate: percent,
    EffectiveRate: percent,
    Status: 'ACTIVE',
    TaxComponents: [{ Name: 'GST', Rate: percent, IsCompound: false, IsNonRecoverable: false }],
  });
  return [
    rate('15% GST on Expenses', 'INPUT2', 'INPUT', 15),
    rate('15% GST on Income', 'OUTPUT2', 'OUTPUT', 15),
    rate('GST on Imports', 'GSTONIMPORTS', 'GSTONIMPORTS', 0),
    rate('No GST', 'NONE', 'NONE', 0),
    rate('Zero Rated', 'ZERORATED', 'OUTPUT', 0),
  ].map(adjust);
}

/** Cin7 Core's tax rules as they come down from Xero; each posts to a liability account (820 GST). */
export function cin7TaxRules(random: Random, accountOf: (name: string) => string = () => '820'): Cin7TaxRule[] {
  const rule = (Name: string, percent: number, sale: boolean, purchase: boolean): Cin7TaxRule => {
    const Account = accountOf(Name);
    return {
      ID: random.guid(),
      Name,
      Account,
      IsActive: true,
      TaxInclusive: false,
      TaxPercent: percent,
      IsTaxForSale: sale,
      IsTaxForPurchase: purchase,
      Components: [{ ID: random.guid(), Name: 'GST', Percent: percent, AccountCode: Account, ComponentOrder: 1, Compound: false }],
    };
  };
  return [
    rule('GST on Income', 15, true, false),
    rule('GST on Expenses', 15, false, true),
    rule('GST on Imports', 0, false, true),
    rule('Zero Rated', 0, true, true),
    rule('No GST', 0, true, true),
  ];
}

export function xeroTrackingCategories(random: Random): XeroTrackingCategory[] {
  const category = (Name: string, options: string[]): XeroTrackingCategory => ({
    TrackingCategoryID: random.guid(),
    Name,
    Status: 'ACTIVE',
    Options: options.map((option) => ({ TrackingOptionID: random.guid(), Name: option, Status: 'ACTIVE' })),
  });
  return [
    category('Region', ['Northland', 'Auckland', 'Waikato', 'Wellington', 'Canterbury', 'Otago']),
    category('Sales Channel', ['Retail', 'Wholesale', 'Online']),
  ];
}

/** Account Mapping rows of a complete, correct set-up (labels as Cin7 Core's page shows them). */
export const HEALTHY_MAPPING_ROWS: readonly MappingRow[] = [
  { label: 'Accounts Receivable', account: '610: Accounts Receivable' },
  { label: 'Accounts Payable', account: '800: Accounts Payable' },
  { label: 'Sales Tax', account: '820: GST' },
  { label: 'Default Revenue', account: '200: Sales' },
  { label: 'Inventory Control', account: '640: Inventory Control' },
  { label: 'Inventory Discrepancy', account: '456: Inventory Discrepancy' },
  { label: 'Cost of Goods Sold', account: '310: Cost of Goods Sold' },
  { label: 'Tax Liability', account: '826: Tax Liability' },
  { label: 'Work in Progress', account: '641: Work in Progress' },
  { label: 'Supplier Deposits', account: '621: Supplier Deposits' },
  { label: 'Customer Credits', account: '810: Customer Credits' },
  { label: 'In Transit', account: '642: Goods in Transit' },
  { label: 'Inventory Accrual (Goods Received, Not Invoiced)', account: '805: Goods Received Not Invoiced' },
  { label: 'Stock in Transit (Goods Invoiced, Not Received)', account: '643: Stock in Transit (Invoiced Not Received)' },
  { label: 'Realised Currency Gains', account: '499: Realised Currency Gains' },
  { label: 'Unrealised Currency Gains', account: '498: Unrealised Currency Gains' },
  { label: 'Current Year Profits', account: '' },
];

/** When the reader last saw the Account Mapping page (the morning before SCENARIO_TODAY). */
export const MAPPING_READ_AT = '2026-11-20T21:42:07.000Z';

export function mapping(rows: readonly MappingRow[]): Mapping {
  return { readAt: MAPPING_READ_AT, rows: rows.map((row) => ({ ...row })) };
}
