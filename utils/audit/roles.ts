// THE role table (PRODUCT.md "Account roles", from the Cin7 Core seed "Charts of Accounts and Other Financial
// Settings"). Single source for the engine and the UI. Role ids are stable API (findings, snapshots, storage).

/** Xero account classes (the API's `Class`). */
export type AccountClass = 'ASSET' | 'EQUITY' | 'EXPENSE' | 'LIABILITY' | 'REVENUE';

/**
 * Xero account type → class. Covers OAS 16.1.0's 18 types plus the four the Types page still lists
 * (research/xero.md §1.2). `PAYG` is the AU PAYG withholdings liability.
 */
export const ACCOUNT_CLASS_OF_TYPE: Readonly<Record<string, AccountClass>> = Object.freeze({
  BANK: 'ASSET',
  CURRENT: 'ASSET',
  FIXED: 'ASSET',
  INVENTORY: 'ASSET',
  NONCURRENT: 'ASSET',
  PREPAYMENT: 'ASSET',
  CURRLIAB: 'LIABILITY',
  LIABILITY: 'LIABILITY',
  TERMLIAB: 'LIABILITY',
  PAYG: 'LIABILITY',
  PAYGLIABILITY: 'LIABILITY',
  SUPERANNUATIONLIABILITY: 'LIABILITY',
  WAGESPAYABLELIABILITY: 'LIABILITY',
  EQUITY: 'EQUITY',
  DEPRECIATN: 'EXPENSE',
  DIRECTCOSTS: 'EXPENSE',
  EXPENSE: 'EXPENSE',
  OVERHEADS: 'EXPENSE',
  SUPERANNUATIONEXPENSE: 'EXPENSE',
  WAGESEXPENSE: 'EXPENSE',
  REVENUE: 'REVENUE',
  SALES: 'REVENUE',
  OTHERINCOME: 'REVENUE',
});

/** How Xero's web app names each type (for messages people read). */
export const ACCOUNT_TYPE_LABEL: Readonly<Record<string, string>> = Object.freeze({
  BANK: 'Bank',
  CURRENT: 'Current Asset',
  FIXED: 'Fixed Asset',
  INVENTORY: 'Inventory',
  NONCURRENT: 'Non-current Asset',
  PREPAYMENT: 'Prepayment',
  CURRLIAB: 'Current Liability',
  LIABILITY: 'Liability',
  TERMLIAB: 'Non-current Liability',
  PAYG: 'PAYG Liability',
  PAYGLIABILITY: 'PAYG Liability',
  SUPERANNUATIONLIABILITY: 'Superannuation Liability',
  WAGESPAYABLELIABILITY: 'Wages Payable Liability',
  EQUITY: 'Equity',
  DEPRECIATN: 'Depreciation',
  DIRECTCOSTS: 'Direct Costs',
  EXPENSE: 'Expense',
  OVERHEADS: 'Overhead',
  SUPERANNUATIONEXPENSE: 'Superannuation Expense',
  WAGESEXPENSE: 'Wages Expense',
  REVENUE: 'Revenue',
  SALES: 'Sales',
  OTHERINCOME: 'Other Income',
});

export const ACCOUNT_CLASS_LABEL: Readonly<Record<AccountClass, string>> = Object.freeze({
  ASSET: 'Asset',
  EQUITY: 'Equity',
  EXPENSE: 'Expense',
  LIABILITY: 'Liability',
  REVENUE: 'Revenue',
});

export const ROLE_IDS = [
  'accountsReceivable',
  'accountsPayable',
  'salesTax',
  'defaultRevenue',
  'inventoryControl',
  'inventoryDiscrepancy',
  'cogs',
  'taxLiability',
  'workInProgress',
  'supplierDeposits',
  'customerCredits',
  'inTransit',
  'inventoryAccrual',
  'stockInTransit',
  'realizedCurrencyGains',
  'unrealizedCurrencyGains',
  'paymentClearing',
  'currentYearProfits',
  'giftCardLiability',
] as const;
export type RoleId = (typeof ROLE_IDS)[number];

/** What makes a "feature" role required (PRODUCT.md "required" column). */
export type RoleFeature = 'inventoryAccrual' | 'giftCards' | 'multiCurrency';

export interface RoleDefinition {
  readonly id: RoleId;
  /** The label Cin7 Core shows on the Account Mapping page. */
  readonly label: string;
  /** Other names the row may carry; matched loosely by labels.ts. The label itself is always matched. */
  readonly synonyms: readonly string[];
  readonly required: 'always' | 'feature' | 'optional';
  /** Set when `required` is 'feature'. */
  readonly feature?: RoleFeature;
  /** Expected Xero `Type` values; the first one names what Cin7 Core needs in messages. */
  readonly expectedTypes: readonly string[];
  /** True: the account must accept payments; false: it should not (BANK accounts exempt). */
  readonly acceptsPayments: boolean;
  /** The one Xero system account this role may sit on, or null. */
  readonly allowedSystemAccount: string | null;
  /**
   * True for the rows Cin7 Core's Account Mapping page hides until their feature is enabled in General Settings
   * (seed "Account Mapping": "optional accounts such as Inventory Accrual Transactions and Gift Cards … will not be
   * visible unless they are enabled"). Only these may be "unknown" when a page that was read lacks their row.
   */
  readonly hiddenUntilEnabled?: true;
}

const role = (definition: RoleDefinition): RoleDefinition =>
  Object.freeze({ ...definition, synonyms: Object.freeze([...definition.synonyms]), expectedTypes: Object.freeze([...definition.expectedTypes]) });

export const ROLES: readonly RoleDefinition[] = Object.freeze([
  role({ id: 'accountsReceivable', label: 'Accounts Receivable', synonyms: ['Account Receivable', 'Trade Debtors', 'Debtors'], required: 'always', expectedTypes: ['CURRENT'], acceptsPayments: false, allowedSystemAccount: 'DEBTORS' }),
  role({ id: 'accountsPayable', label: 'Accounts Payable', synonyms: ['Account Payable', 'Trade Creditors', 'Creditors'], required: 'always', expectedTypes: ['CURRLIAB'], acceptsPayments: false, allowedSystemAccount: 'CREDITORS' }),
  role({ id: 'salesTax', label: 'Sales Tax', synonyms: ['Sales Tax (GST, VAT…)', 'GST', 'VAT', 'GST/VAT', 'Sales Tax GST VAT'], required: 'always', expectedTypes: ['CURRLIAB', 'LIABILITY'], acceptsPayments: false, allowedSystemAccount: 'GST' }),
  role({ id: 'defaultRevenue', label: 'Default Revenue', synonyms: ['Sales/Revenue', 'Sales Revenue', 'Revenue', 'Sales', 'Default Sales'], required: 'always', expectedTypes: ['REVENUE', 'SALES'], acceptsPayments: false, allowedSystemAccount: null }),
  role({ id: 'inventoryControl', label: 'Inventory Control', synonyms: ['Inventory Control Account', 'Stock Control'], required: 'always', expectedTypes: ['CURRENT'], acceptsPayments: false, allowedSystemAccount: null }),
  role({ id: 'inventoryDiscrepancy', label: 'Inventory Discrepancy', synonyms: ['Inventory Discrepancies', 'Stock Discrepancy', 'Inventory Adjustment'], required: 'always', expectedTypes: ['EXPENSE'], acceptsPayments: false, allowedSystemAccount: null }),
  role({ id: 'cogs', label: 'Cost of Goods Sold', synonyms: ['COGS', 'Cost of Sales', 'Cost of Goods Sold (COGS)'], required: 'always', expectedTypes: ['DIRECTCOSTS'], acceptsPayments: false, allowedSystemAccount: null }),
  role({ id: 'taxLiability', label: 'Tax Liability', synonyms: [], required: 'always', expectedTypes: ['CURRLIAB', 'LIABILITY'], acceptsPayments: false, allowedSystemAccount: null }),
  role({ id: 'workInProgress', label: 'Work in Progress', synonyms: ['WIP', 'Work in Process'], required: 'always', expectedTypes: ['CURRENT'], acceptsPayments: false, allowedSystemAccount: null }),
  role({ id: 'supplierDeposits', label: 'Supplier Deposits', synonyms: ['Prepayments', 'Supplier Prepayments', 'Supplier Deposits/Prepayments'], required: 'always', expectedTypes: ['CURRENT'], acceptsPayments: true, allowedSystemAccount: null }),
  role({ id: 'customerCredits', label: 'Customer Credits', synonyms: ['Customer Credit'], required: 'always', expectedTypes: ['CURRLIAB'], acceptsPayments: true, allowedSystemAccount: null }),
  role({ id: 'inTransit', label: 'In Transit', synonyms: ['In-Transit', 'Inventory In Transit'], required: 'always', expectedTypes: ['CURRENT'], acceptsPayments: false, allowedSystemAccount: null }),
  role({ id: 'inventoryAccrual', label: 'Inventory Accrual', synonyms: ['Goods Received Not Invoiced', 'GRNI', 'Inventory Accrual (Goods Received, Not Invoiced)'], required: 'feature', feature: 'inventoryAccrual', expectedTypes: ['CURRENT', 'CURRLIAB'], acceptsPayments: false, allowedSystemAccount: null, hiddenUntilEnabled: true }),
  role({ id: 'stockInTransit', label: 'Stock in Transit', synonyms: ['Goods Invoiced Not Received', 'GINR', 'Stock in Transit (Goods Invoiced, Not Received)'], required: 'feature', feature: 'inventoryAccrual', expectedTypes: ['CURRENT'], acceptsPayments: false, allowedSystemAccount: null, hiddenUntilEnabled: true }),
  role({ id: 'realizedCurrencyGains', label: 'Realized Currency Gains', synonyms: ['Realised Currency Gains', 'Realized Currency Gains/Losses', 'Realized Exchange Gains'], required: 'feature', feature: 'multiCurrency', expectedTypes: ['EXPENSE'], acceptsPayments: false, allowedSystemAccount: 'REALISEDCURRENCYGAIN' }),
  role({ id: 'unrealizedCurrencyGains', label: 'Unrealized Currency Gains', synonyms: ['Unrealised Currency Gains', 'Unrealized Currency Gains/Losses', 'Unrealized Exchange Gains'], required: 'optional', expectedTypes: ['EXPENSE'], acceptsPayments: false, allowedSystemAccount: 'UNREALISEDCURRENCYGAIN' }),
  // QuickBooks-only in Cin7's words; optional for Xero. Its expected type is BANK, which the payments rule exempts.
  role({ id: 'paymentClearing', label: 'Payment Clearing', synonyms: [], required: 'optional', expectedTypes: ['BANK'], acceptsPayments: false, allowedSystemAccount: null }),
  role({ id: 'currentYearProfits', label: 'Current Year Profits', synonyms: ['Current Year Earnings', 'Current Year Profit'], required: 'optional', expectedTypes: ['EQUITY'], acceptsPayments: false, allowedSystemAccount: null }),
  role({ id: 'giftCardLiability', label: 'Gift Card Liability', synonyms: ['Gift Cards', 'Gift Card'], required: 'feature', feature: 'giftCards', expectedTypes: ['CURRLIAB'], acceptsPayments: true, allowedSystemAccount: null, hiddenUntilEnabled: true }),
]);

export const ROLE_BY_ID: Readonly<Record<RoleId, RoleDefinition>> = Object.freeze(
  Object.fromEntries(ROLES.map((definition) => [definition.id, definition])) as Record<RoleId, RoleDefinition>,
);

/** Position of each role in the table: the order messages and lists use. */
export const ROLE_ORDER: Readonly<Record<RoleId, number>> = Object.freeze(
  Object.fromEntries(ROLES.map((definition, index) => [definition.id, index])) as Record<RoleId, number>,
);

export function isRoleId(value: string): value is RoleId {
  return Object.hasOwn(ROLE_BY_ID, value);
}

/** The class of a Xero account: its `Class` when the API sent a known one, else derived from its `Type`. */
export function classOfAccount(account: { Type?: string | null; Class?: string | null }): AccountClass | null {
  const declared = account.Class ?? '';
  if (Object.hasOwn(ACCOUNT_CLASS_LABEL, declared)) return declared as AccountClass;
  return classOfType(account.Type);
}

/** The class a Xero `Type` belongs to, or null for types we do not know (enum drift). */
export function classOfType(type: string | null | undefined): AccountClass | null {
  return type && Object.hasOwn(ACCOUNT_CLASS_OF_TYPE, type) ? (ACCOUNT_CLASS_OF_TYPE[type] ?? null) : null;
}

/** "Current Asset" for CURRENT; the raw value for types we do not know. */
export function typeLabel(type: string | null | undefined): string {
  if (!type) return 'no type';
  return Object.hasOwn(ACCOUNT_TYPE_LABEL, type) ? (ACCOUNT_TYPE_LABEL[type] ?? type) : type;
}

/** "a Current Asset account" / "a Current Asset or Current Liability account". */
export function describeExpectedTypes(types: readonly string[]): string {
  const labels = types.map(typeLabel);
  const joined = labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
  return `${/^[AEIOU]/i.test(joined) ? 'an' : 'a'} ${joined} account`;
}

/** Countries that spell "Realized"; everyone else Xero serves writes "Realised" (Xero organisation `CountryCode`). */
const AMERICAN_SPELLING = new Set(['US', 'CA']);

/**
 * The one name of a role everywhere (messages, badges, panel), spelled for the organisation's country: "Realised
 * Currency Gains" in AU/NZ/GB/…, "Realized" in US/CA. Without a known country, Cin7 Core's own label.
 */
export function roleLabel(role: RoleDefinition | RoleId, country?: string | null): string {
  const definition = typeof role === 'string' ? ROLE_BY_ID[role] : role;
  const code = country?.trim().toUpperCase();
  if (!code || AMERICAN_SPELLING.has(code)) return definition.label;
  return definition.label.replace(/\b(Unr|R)ealiz/g, '$1ealis');
}
