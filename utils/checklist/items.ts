// The onboarding checklist (PRODUCT.md "Onboarding checklist"): every consideration of the two seeds, in the order
// an implementation partner works through them. Item ids are stable API (stored decisions are keyed by them).
// Choices are the options Cin7 Core itself offers (research/anchors.md §3), so a decision reads like the setting.

export type ChecklistPhase = 'prepare' | 'accounts' | 'xeroSettings' | 'syncOptions' | 'processes';

export const PHASE_LABELS: Record<ChecklistPhase, string> = {
  prepare: 'Before you connect',
  accounts: 'Accounts and mapping',
  xeroSettings: 'Xero set-up',
  syncOptions: 'Cin7 Core sync options',
  processes: 'Ways of working',
};

export interface ChoiceField {
  id: string;
  /** The setting's label as Cin7 Core (or Xero) names it. */
  label: string;
  choices: readonly string[];
}

interface ItemBase {
  id: string;
  phase: ChecklistPhase;
  title: string;
  /** Why it matters, in one sentence (from the seed). */
  why: string;
  seed: 'integrating' | 'chartOfAccounts';
}

/** Decided from the audit's findings. */
export interface AuditItem extends ItemBase {
  decidedBy: 'audit';
}

/** Only a person can decide: a choice per field plus a free note. */
export interface DecisionItem extends ItemBase {
  decidedBy: 'person';
  fields: readonly ChoiceField[];
  /** Fields are answered once per sales channel (Cin7's "Sale channel sync type" table has a row per channel). */
  perChannel?: boolean;
}

export type ChecklistItem = AuditItem | DecisionItem;

export const SYNC_TYPES = ['Individual', 'Daily consolidate', 'Monthly consolidate', 'No sync'] as const;
export const PAYMENT_DIRECTIONS = ['Sync both ways', 'Pull from Xero', 'Push to Xero'] as const;
export const INVOICE_STATUSES = ['Draft', 'Authorised'] as const;
export const TRACKING_SOURCES = [
  'Not mapped',
  'Sales rep',
  'Location',
  'Job',
  'Category',
  'Brand',
  'Product family',
  'Product attributes',
  'Customer attributes',
  'Supplier attributes',
] as const;
const ON_OFF = ['On', 'Off'] as const;

export const CHECKLIST_ITEMS: readonly ChecklistItem[] = [
  {
    id: 'settingsBeforeFirstLoad',
    phase: 'prepare',
    title: 'Settings done before the first data load',
    why: 'All settings must be in place before suppliers, customers, products, stock or transactions are loaded.',
    seed: 'chartOfAccounts',
    decidedBy: 'person',
    fields: [
      {
        id: 'dataLoad',
        label: 'Initial data load',
        choices: ['Not loaded yet: settings first', 'Already loaded: reviewed', 'Already loaded: needs review'],
      },
    ],
  },
  {
    id: 'userPermissions',
    phase: 'prepare',
    title: 'User permissions',
    why: 'Full access to "Setting - Financial - Charts of Accounts & Mapping" is needed to change the chart and the mapping.',
    seed: 'chartOfAccounts',
    decidedBy: 'person',
    fields: [
      { id: 'chartAndMapping', label: 'Setting - Financial - Charts of Accounts & Mapping', choices: ['Full access', 'Read-only', 'None'] },
      { id: 'integration', label: 'Integration: Accounting - Xero', choices: ['Granted', 'Not granted'] },
    ],
  },
  {
    id: 'multipleCurrencies',
    phase: 'prepare',
    title: 'Currencies',
    why: 'Both apps need the same base currency, and every currency you trade in must be enabled in Xero.',
    seed: 'integrating',
    decidedBy: 'audit',
  },
  {
    id: 'requiredAccounts',
    phase: 'accounts',
    title: 'Required accounts created',
    why: 'Cin7 Core needs each account with the right type and payment setting, created in Xero.',
    seed: 'chartOfAccounts',
    decidedBy: 'audit',
  },
  {
    id: 'chartOfAccountsLinked',
    phase: 'accounts',
    title: 'Chart of accounts linked',
    why: 'Every account Cin7 Core uses (tax rules, products, customers, suppliers) must exist in Xero with a code.',
    seed: 'integrating',
    decidedBy: 'audit',
  },
  {
    id: 'taxRules',
    phase: 'accounts',
    title: 'Tax rules match Xero',
    why: 'Tax rules can be set per product, customer, supplier and line; each must exist, be active, and match a Xero tax rate that applies to the account it posts to.',
    seed: 'chartOfAccounts',
    decidedBy: 'audit',
  },
  {
    id: 'accountMapping',
    phase: 'accounts',
    title: 'Account mapping complete',
    why: 'Each Cin7 Core role must be mapped, one-to-one, to its own Xero account.',
    seed: 'chartOfAccounts',
    decidedBy: 'audit',
  },
  {
    id: 'bankAccountCodes',
    phase: 'xeroSettings',
    title: 'Bank account codes',
    why: 'Bank accounts in Xero need nominal codes for accurate tracking and reporting.',
    seed: 'integrating',
    decidedBy: 'audit',
  },
  {
    id: 'periodLockDates',
    phase: 'xeroSettings',
    title: 'Period lock dates',
    why: "Xero's lock dates stop changes after reports are final; Cin7 Core's must not be earlier.",
    seed: 'integrating',
    decidedBy: 'audit',
  },
  {
    id: 'trackedInventory',
    phase: 'xeroSettings',
    title: 'Tracked inventory removed',
    why: "Xero's tracked inventory must be switched off on items once Cin7 Core manages the stock.",
    seed: 'integrating',
    decidedBy: 'audit',
  },
  {
    id: 'trackingCategories',
    phase: 'xeroSettings',
    title: 'Tracking categories',
    why: 'Xero allows two active tracking categories; Cin7 Core fills them from the source you map.',
    seed: 'integrating',
    decidedBy: 'person',
    fields: [
      { id: 'category1', label: 'Category 1', choices: TRACKING_SOURCES },
      { id: 'category2', label: 'Category 2', choices: TRACKING_SOURCES },
    ],
  },
  {
    id: 'consolidatingInvoices',
    phase: 'syncOptions',
    title: 'Consolidating invoices',
    why: 'Per sales channel, invoices and COGS can sync one by one or consolidated daily or monthly.',
    seed: 'integrating',
    decidedBy: 'person',
    perChannel: true,
    fields: [
      { id: 'invoices', label: 'Invoices', choices: SYNC_TYPES },
      { id: 'cogs', label: 'COGS', choices: SYNC_TYPES },
    ],
  },
  {
    id: 'consolidatingPayments',
    phase: 'syncOptions',
    title: 'Consolidating payments',
    why: 'Per sales channel, payments can sync one by one or consolidated; consolidated payments cannot be edited.',
    seed: 'integrating',
    decidedBy: 'person',
    perChannel: true,
    fields: [{ id: 'payments', label: 'Payments', choices: SYNC_TYPES }],
  },
  {
    id: 'paymentsFromXero',
    phase: 'syncOptions',
    title: 'Payments from Xero back to Cin7 Core',
    why: 'Decide the direction payments flow; payments on consolidated invoices are not imported from Xero.',
    seed: 'integrating',
    decidedBy: 'person',
    fields: [{ id: 'payments', label: 'Payments', choices: PAYMENT_DIRECTIONS }],
  },
  {
    id: 'approvalWorkflow',
    phase: 'syncOptions',
    title: 'Approval workflow',
    why: 'Draft invoices can still be approved and edited in Xero; Authorised ones post straight away.',
    seed: 'integrating',
    decidedBy: 'person',
    fields: [{ id: 'invoiceStatus', label: 'Xero invoice status', choices: INVOICE_STATUSES }],
  },
  {
    id: 'invoiceOrigination',
    phase: 'syncOptions',
    title: 'Invoice origination',
    why: 'Invoices should be sent from the app where the sales data is most accurate.',
    seed: 'integrating',
    decidedBy: 'person',
    fields: [
      { id: 'sentFrom', label: 'Invoices are sent to customers from', choices: ['Cin7 Core', 'Xero'] },
      { id: 'loadInvoices', label: 'Load invoices from Xero', choices: ON_OFF },
    ],
  },
  {
    id: 'proFormaInvoices',
    phase: 'syncOptions',
    title: 'Pro-forma invoices',
    why: 'Quotes and orders never sync; advance payments go through Customer Credits.',
    seed: 'integrating',
    decidedBy: 'person',
    fields: [
      {
        id: 'proForma',
        label: 'Pro-forma invoices',
        choices: ['Not used', 'Kept in Cin7 Core, deposits as customer credits', 'Raised in Xero'],
      },
    ],
  },
  {
    id: 'nonInventoryCosts',
    phase: 'processes',
    title: 'Non-inventory costs',
    why: 'Service products need an expense account so overheads and operating costs post correctly.',
    seed: 'integrating',
    decidedBy: 'audit',
  },
  {
    id: 'reportingNeeds',
    phase: 'processes',
    title: 'Reporting needs',
    why: 'Know which reports you need from Xero, and how often, before the data starts flowing.',
    seed: 'integrating',
    decidedBy: 'person',
    fields: [
      { id: 'frequency', label: 'Reporting frequency', choices: ['Weekly', 'Monthly', 'Quarterly', 'Yearly'] },
      { id: 'cashBasisJournals', label: 'Show journals on cash basis reports', choices: ON_OFF },
    ],
  },
  {
    id: 'reconciliation',
    phase: 'processes',
    title: 'Reconciliation',
    why: 'Plan how inventory movements and the ledger are matched (Xero Synchronization Report, stock vs inventory account).',
    seed: 'integrating',
    decidedBy: 'person',
    fields: [{ id: 'frequency', label: 'Reconciliation frequency', choices: ['Daily', 'Weekly', 'Monthly'] }],
  },
];

export type ChecklistItemId = string;

export function findChecklistItem(id: string): ChecklistItem | undefined {
  return CHECKLIST_ITEMS.find((item) => item.id === id);
}
