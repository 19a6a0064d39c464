// A New Zealand chart of accounts as Xero's GET /Accounts returns it (Xero's NZ defaults plus the accounts the
// Cin7 Core integration needs), and Cin7 Core's read-only mirror of it (GET ref/account).
import type { Cin7Account, XeroAccount } from '../schemas';
import type { Random } from './random';
import { xeroTimestamp } from './dates';

export interface AccountSpec {
  code?: string;
  name: string;
  type: string;
  status?: 'ACTIVE' | 'ARCHIVED' | 'DELETED';
  systemAccount?: string;
  payments?: boolean;
  bankNumber?: string;
  currency?: string;
}

const CLASS_OF_TYPE: Record<string, string> = {
  BANK: 'ASSET', CURRENT: 'ASSET', FIXED: 'ASSET', INVENTORY: 'ASSET', NONCURRENT: 'ASSET', PREPAYMENT: 'ASSET',
  CURRLIAB: 'LIABILITY', LIABILITY: 'LIABILITY', TERMLIAB: 'LIABILITY',
  EQUITY: 'EQUITY',
  REVENUE: 'REVENUE', SALES: 'REVENUE', OTHERINCOME: 'REVENUE',
  DIRECTCOSTS: 'EXPENSE', EXPENSE: 'EXPENSE', OVERHEADS: 'EXPENSE', DEPRECIATN: 'EXPENSE',
};

/** The accounts of a well-set-up NZ org connected to Cin7 Core. Codes follow Xero's NZ default chart. */
export const BASE_CHART: readonly AccountSpec[] = [
  { code: '090', name: 'Business Bank Account', type: 'BANK', bankNumber: '12-3141-0123456-00', currency: 'NZD' },
  { code: '091', name: 'Business Savings Account', type: 'BANK', bankNumber: '12-3141-0123456-01', currency: 'NZD' },
  { code: '092', name: 'USD Trading Account', type: 'BANK', bankNumber: '12-3141-0123456-50', currency: 'USD' },
  { code: '610', name: 'Accounts Receivable', type: 'CURRENT', systemAccount: 'DEBTORS' },
  { code: '620', name: 'Prepayments', type: 'CURRENT' },
  { code: '621', name: 'Supplier Deposits', type: 'CURRENT', payments: true },
  { code: '630', name: 'Inventory', type: 'INVENTORY' },
  { code: '640', name: 'Inventory Control', type: 'CURRENT' },
  { code: '641', name: 'Work in Progress', type: 'CURRENT' },
  { code: '642', name: 'Goods in Transit', type: 'CURRENT' },
  { code: '643', name: 'Stock in Transit (Invoiced Not Received)', type: 'CURRENT' },
  { code: '710', name: 'Office Equipment', type: 'FIXED' },
  { code: '711', name: 'Less Accumulated Depreciation on Office Equipment', type: 'FIXED' },
  { code: '720', name: 'Computer Equipment', type: 'FIXED' },
  { code: '721', name: 'Less Accumulated Depreciation on Computer Equipment', type: 'FIXED' },
  { code: '800', name: 'Accounts Payable', type: 'CURRLIAB', systemAccount: 'CREDITORS' },
  { code: '801', name: 'Unpaid Expense Claims', type: 'CURRLIAB', systemAccount: 'UNPAIDEXPCLM' },
  { code: '805', name: 'Goods Received Not Invoiced', type: 'CURRLIAB' },
  { code: '810', name: 'Customer Credits', type: 'CURRLIAB', payments: true },
  { code: '820', name: 'GST', type: 'CURRLIAB', systemAccount: 'GST' },
  { code: '826', name: 'Tax Liability', type: 'CURRLIAB' },
  { code: '830', name: 'Income Tax', type: 'CURRLIAB' },
  { code: '840', name: 'Historical Adjustment', type: 'CURRLIAB', systemAccount: 'HISTORICAL' },
  { code: '850', name: 'Suspense', type: 'CURRLIAB' },
  { code: '860', name: 'Rounding', type: 'CURRLIAB', systemAccount: 'ROUNDING' },
  { code: '877', name: 'Tracking Transfers', type: 'CURRLIAB', systemAccount: 'TRACKINGTRANSFERS' },
  { code: '880', name: 'Owner A Drawings', type: 'EQUITY' },
  { code: '900', name: 'Loan', type: 'TERMLIAB' },
  { code: '960', name: 'Retained Earnings', type: 'EQUITY', systemAccount: 'RETAINEDEARNINGS' },
  { code: '970', name: 'Owner A Funds Introduced', type: 'EQUITY' },
  { code: '200', name: 'Sales', type: 'REVENUE' },
  { code: '210', name: 'Sales - Wholesale', type: 'REVENUE' },
  { code: '220', name: 'Sales - Online', type: 'REVENUE' },
  { code: '260', name: 'Other Revenue', type: 'REVENUE' },
  { code: '270', name: 'Interest Income', type: 'REVENUE' },
  { code: '310', name: 'Cost of Goods Sold', type: 'DIRECTCOSTS' },
  { code: '311', name: 'Cost of Goods Sold - Wholesale', type: 'DIRECTCOSTS' },
  { code: '320', name: 'Freight Inwards', type: 'DIRECTCOSTS' },
  { code: '400', name: 'Advertising', type: 'OVERHEADS' },
  { code: '404', name: 'Bank Fees', type: 'OVERHEADS' },
  { code: '408', name: 'Cleaning', type: 'OVERHEADS' },
  { code: '412', name: 'Consulting & Accounting', type: 'EXPENSE' },
  { code: '416', name: 'Depreciation', type: 'DEPRECIATN' },
  { code: '420', name: 'Entertainment', type: 'OVERHEADS' },
  { code: '425', name: 'Freight & Courier', type: 'EXPENSE' },
  { code: '429', name: 'General Expenses', type: 'EXPENSE' },
  { code: '433', name: 'Insurance', type: 'EXPENSE' },
  { code: '437', name: 'Interest Expense', type: 'EXPENSE' },
  { code: '441', name: 'Legal Expenses', type: 'EXPENSE' },
  { code: '445', name: 'Light, Power, Heating', type: 'EXPENSE' },
  { code: '449', name: 'Motor Vehicle Expenses', type: 'EXPENSE' },
  { code: '453', name: 'Office Expenses', type: 'EXPENSE' },
  { code: '456', name: 'Inventory Discrepancy', type: 'EXPENSE' },
  { code: '461', name: 'Printing & Stationery', type: 'EXPENSE' },
  { code: '463', name: 'Contract Services', type: 'EXPENSE' },
  { code: '469', name: 'Rent', type: 'OVERHEADS' },
  { code: '473', name: 'Repairs and Maintenance', type: 'EXPENSE' },
  { code: '477', name: 'Wages and Salaries', type: 'EXPENSE' },
  { code: '485', name: 'Subscriptions', type: 'EXPENSE' },
  { code: '489', name: 'Telephone & Internet', type: 'EXPENSE' },
  { code: '493', name: 'Travel - National', type: 'EXPENSE' },
  { code: '494', name: 'Travel - International', type: 'EXPENSE' },
  { code: '497', name: 'Bank Revaluations', type: 'EXPENSE', systemAccount: 'BANKCURRENCYGAIN' },
  { code: '498', name: 'Unrealised Currency Gains', type: 'EXPENSE', systemAccount: 'UNREALISEDCURRENCYGAIN' },
  { code: '499', name: 'Realised Currency Gains', type: 'EXPENSE', systemAccount: 'REALISEDCURRENCYGAIN' },
  { code: '505', name: 'Income Tax Expense', type: 'EXPENSE' },
];

const UPDATED = xeroTimestamp('2026-06-02T03:14:15Z');

function defaultTaxType(type: string, accountClass: string): string {
  if (accountClass === 'REVENUE') return type === 'OTHERINCOME' ? 'NONE' : 'OUTPUT2';
  if (accountClass === 'EXPENSE') return type === 'DEPRECIATN' ? 'NONE' : 'INPUT2';
  return 'NONE';
}

/** One account as Xero's API returns it. */
export function xeroAccountFrom(spec: AccountSpec, random: Random): XeroAccount {
  const accountClass = CLASS_OF_TYPE[spec.type] ?? 'EXPENSE';
  const account: XeroAccount = {
    AccountID: random.guid(),
    Name: spec.name,
    Status: spec.status ?? 'ACTIVE',
    Type: spec.type,
    TaxType: defaultTaxType(spec.type, accountClass),
    Class: accountClass,
    EnablePaymentsToAccount: spec.payments ?? false,
    ShowInExpenseClaims: accountClass === 'EXPENSE',
    ReportingCode: accountClass.slice(0, 3),
    HasAttachments: false,
    UpdatedDateUTC: UPDATED,
    AddToWatchlist: false,
  };
  if (spec.code !== undefined) account.Code = spec.code;
  if (spec.systemAccount) account.SystemAccount = spec.systemAccount;
  if (spec.type === 'BANK') {
    account.BankAccountNumber = spec.bankNumber ?? '';
    account.BankAccountType = 'BANK';
    account.CurrencyCode = spec.currency ?? 'NZD';
  }
  return account;
}

export function buildXeroChart(specs: readonly AccountSpec[], random: Random): XeroAccount[] {
  return specs.map((spec) => xeroAccountFrom(spec, random));
}

/**
 * Cin7 Core's mirror of the Xero chart (read-only while Xero is connected). Accounts without a code are invisible
 * to Cin7 Core, so they are not mirrored.
 */
export function mirrorToCin7(xeroAccounts: readonly XeroAccount[]): Cin7Account[] {
  return xeroAccounts.flatMap((account): Cin7Account[] => {
    if (!account.Code) return [];
    return [
      {
        Code: account.Code,
        Name: account.Name,
        Type: account.Type,
        Class: account.Class ?? null,
        Status: account.Status ?? 'ACTIVE',
        Description: null,
        SystemAccount: account.SystemAccount ?? null,
        ForPayments: account.EnablePaymentsToAccount ?? false,
        DisplayName: `${account.Code}: ${account.Name}`,
        OldCode: null,
        BankAccountId: account.Type === 'BANK' ? (account.AccountID ?? null) : null,
        BankAccountNumber: account.BankAccountNumber ?? null,
        Currency: account.CurrencyCode ?? null,
      },
    ];
  });
}
