// Small hand-built snapshots. `healthySnapshot()` is a set-up with nothing to report; each test breaks one thing.
import { parseSnapshot, type Snapshot } from '../../../utils/schemas';
import { audit } from '../../../utils/audit';
import type { Finding, FindingCode } from '../../../utils/audit/types';

export const TODAY = '2025-06-30';

type Raw = Record<string, unknown>;

export const xeroAccount = (Code: string | null, Name: string, Type: string, extra: Raw = {}): Raw => ({
  AccountID: `id-${Code ?? Name}`,
  Code,
  Name,
  Type,
  Status: 'ACTIVE',
  EnablePaymentsToAccount: false,
  ...extra,
});

export const healthyAccounts = (): Raw[] => [
  xeroAccount('610', 'Accounts Receivable', 'CURRENT', { Class: 'ASSET', SystemAccount: 'DEBTORS' }),
  xeroAccount('800', 'Accounts Payable', 'CURRLIAB', { Class: 'LIABILITY', SystemAccount: 'CREDITORS' }),
  xeroAccount('820', 'GST', 'CURRLIAB', { Class: 'LIABILITY', SystemAccount: 'GST' }),
  xeroAccount('200', 'Sales', 'REVENUE', { Class: 'REVENUE' }),
  xeroAccount('1400', 'Inventory Control', 'CURRENT', { Class: 'ASSET' }),
  xeroAccount('1410', 'Inventory Discrepancy', 'EXPENSE', { Class: 'EXPENSE' }),
  xeroAccount('310', 'Cost of Goods Sold', 'DIRECTCOSTS', { Class: 'EXPENSE' }),
  xeroAccount('830', 'Tax Liability', 'CURRLIAB', { Class: 'LIABILITY' }),
  xeroAccount('1420', 'Work in Progress', 'CURRENT', { Class: 'ASSET' }),
  xeroAccount('1430', 'Supplier Deposits', 'CURRENT', { Class: 'ASSET', EnablePaymentsToAccount: true }),
  xeroAccount('840', 'Customer Credits', 'CURRLIAB', { Class: 'LIABILITY', EnablePaymentsToAccount: true }),
  xeroAccount('1440', 'In Transit', 'CURRENT', { Class: 'ASSET' }),
  xeroAccount('1450', 'Inventory Accrual', 'CURRLIAB', { Class: 'LIABILITY' }),
  xeroAccount('1460', 'Stock in Transit', 'CURRENT', { Class: 'ASSET' }),
  xeroAccount('499', 'Realised Currency Gains', 'EXPENSE', { Class: 'EXPENSE', SystemAccount: 'REALISEDCURRENCYGAIN' }),
  xeroAccount('850', 'Gift Card Liability', 'CURRLIAB', { Class: 'LIABILITY', EnablePaymentsToAccount: true }),
  xeroAccount('630', 'Inventory', 'INVENTORY', { Class: 'ASSET' }),
  xeroAccount('260', 'Other Revenue', 'OTHERINCOME', { Class: 'REVENUE' }),
  xeroAccount('090', 'Business Bank Account', 'BANK', { Class: 'ASSET', EnablePaymentsToAccount: false }),
  xeroAccount('429', 'General Expenses', 'OVERHEADS', { Class: 'EXPENSE' }),
  xeroAccount('477', 'Old Sales', 'REVENUE', { Class: 'REVENUE', Status: 'ARCHIVED' }),
];

export const ALWAYS_ROWS: ReadonlyArray<readonly [string, string]> = [
  ['Accounts Receivable', '610: Accounts Receivable'],
  ['Accounts Payable', '800: Accounts Payable'],
  ['Sales Tax (GST, VAT…)', '820: GST'],
  ['Default Revenue', '200 - Sales'],
  ['Inventory Control', '1400'],
  ['Inventory Discrepancy', '1410: Inventory Discrepancy'],
  ['Cost of Goods Sold', '310: Cost of Goods Sold'],
  ['Tax Liability', '830: Tax Liability'],
  ['Work in Progress', '1420: Work in Progress'],
  ['Supplier Deposits', '1430: Supplier Deposits'],
  ['Customer Credits', '840: Customer Credits'],
  ['In Transit', '1440: In Transit'],
];

export const mappingRows = (rows: ReadonlyArray<readonly [string, string | null]> = ALWAYS_ROWS) =>
  rows.map(([label, account]) => ({ label, account }));

/** "2024-12-31" as Xero sends it. */
export const xeroDate = (day: string) => `/Date(${Date.parse(`${day}T00:00:00Z`)}+0000)/`;

export function healthyRaw(): Raw {
  return {
    cin7: {
      me: { Company: 'Demo Co', Currency: 'AUD', LockDate: '2024-12-31T00:00:00' },
      accounts: [],
      taxRules: [{ ID: 't1', Name: 'GST on Income', Account: '820', IsActive: true, Components: [{ Name: 'GST', AccountCode: '820' }] }],
      products: [
        { ID: 'p1', SKU: 'WIDGET', Name: 'Widget', Type: 'Stock', Status: 'Active', RevenueAccount: '200', InventoryAccount: '1400', COGSAccount: '310' },
        { ID: 'p2', SKU: 'FITTING', Name: 'Fitting service', Type: 'Service', Status: 'Active', ExpenseAccount: '429' },
        { ID: 'p3', SKU: 'PLAIN', Name: 'Plain', Type: 'Stock', Status: 'Active' },
      ],
      customers: [{ ID: 'c1', Name: 'Acme Ltd', Currency: 'AUD', Status: 'Active', AccountReceivable: '610', RevenueAccount: '260' }],
      suppliers: [{ ID: 's1', Name: 'Parts Pty', Currency: 'AUD', Status: 'Active', AccountPayable: '800' }],
      sales: [
        {
          ID: 'sale-1',
          Customer: 'Acme Ltd',
          CustomerID: 'c1',
          CustomerCurrency: 'AUD',
          Invoices: [{ InvoiceNumber: 'INV-1', InvoiceDate: '2025-02-01T00:00:00', Status: 'AUTHORISED', Lines: [{ ProductID: 'p1', SKU: 'WIDGET', Account: '200' }] }],
          Fulfilments: [{ Ship: { Lines: [{ ShipmentDate: '2025-02-02T00:00:00', IsShipped: true }] } }],
        },
      ],
      purchases: [
        {
          ID: 'po-1',
          Supplier: 'Parts Pty',
          SupplierID: 's1',
          SupplierCurrency: 'AUD',
          Invoice: { InvoiceNumber: 'B-1', InvoiceDate: '2025-03-01T00:00:00', Status: 'AUTHORISED', Lines: [{ ProductID: 'p1', SKU: 'WIDGET', Account: '1400' }] },
        },
      ],
      mapping: { readAt: '2025-06-29T10:00:00Z', rows: mappingRows() },
      features: { inventoryAccrual: false, giftCards: false },
    },
    xero: {
      organisation: { Name: 'Demo Co', ShortCode: '!AbC12', BaseCurrency: 'AUD', PeriodLockDate: xeroDate('2024-12-31') },
      accounts: healthyAccounts(),
      items: [{ Code: 'WIDGET', Name: 'Widget', IsTrackedAsInventory: false }],
      trackingCategories: [],
      currencies: [{ Code: 'AUD', Description: 'Australian Dollar' }, { Code: 'USD', Description: 'US Dollar' }],
      taxRates: [],
    },
  };
}

/** A healthy snapshot changed by `edit` (which receives a deep copy of the raw JSON). */
export function snapshotWith(edit: (raw: { cin7: Raw; xero: Raw }) => void = () => {}): Snapshot {
  const raw = structuredClone(healthyRaw()) as { cin7: Raw; xero: Raw };
  edit(raw);
  return parseSnapshot(raw);
}

export const runAudit = (snapshot: Snapshot) => audit(snapshot, { today: TODAY });

export const findingsOf = (snapshot: Snapshot, code: FindingCode): Finding[] => runAudit(snapshot).findings.filter((finding) => finding.code === code);

/** Finds the account with this code in the raw Xero list. */
export function rawAccount(raw: { xero: Raw }, code: string): Raw {
  const account = (raw.xero.accounts as Raw[]).find((candidate) => candidate.Code === code);
  if (!account) throw new Error(`fixture has no account ${code}`);
  return account;
}

export function setMappingRow(raw: { cin7: Raw }, label: string, account: string | null): void {
  const rows = (raw.cin7.mapping as { rows: Array<{ label: string; account: string | null }> }).rows;
  const row = rows.find((candidate) => candidate.label === label);
  if (row) row.account = account;
  else rows.push({ label, account });
}

export function removeMappingRow(raw: { cin7: Raw }, label: string): void {
  const mapping = raw.cin7.mapping as { rows: Array<{ label: string }> };
  mapping.rows = mapping.rows.filter((row) => row.label !== label);
}
