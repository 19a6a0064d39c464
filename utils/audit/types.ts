// The engine's output contract (PRODUCT.md "Findings"). Stable API: the UI, storage and CLI depend on it.
export const FINDING_CODES = [
  'MAPPING_UNKNOWN',
  'MAPPING_MISSING',
  'MAPPING_NOT_UNIQUE',
  'ACCOUNT_NOT_FOUND',
  'ACCOUNT_ARCHIVED',
  'ACCOUNT_TYPE_MISMATCH',
  'PAYMENTS_NOT_ENABLED',
  'PAYMENTS_ENABLED',
  'SYSTEM_ACCOUNT_MAPPED',
  'ACCOUNT_WITHOUT_CODE',
  'BANK_ACCOUNT_WITHOUT_CODE',
  'TRACKED_INVENTORY',
  'BASE_CURRENCY_MISMATCH',
  'CURRENCY_NOT_ENABLED',
  'LOCK_DATE_NOT_SET',
  'LOCK_DATE_MISALIGNED',
  'DOCUMENT_IN_LOCKED_PERIOD',
  'TAX_RULE_ACCOUNT_INVALID',
  'OVERRIDE_ACCOUNT_INVALID',
  'OVERRIDE_ACCOUNT_TYPE',
  'SERVICE_PRODUCT_NO_EXPENSE_ACCOUNT',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export type Severity = 'error' | 'warning' | 'info';

export type SubjectKind =
  | 'role'
  | 'account'
  | 'item'
  | 'product'
  | 'customer'
  | 'supplier'
  | 'taxRule'
  | 'organisation'
  | 'sale'
  | 'purchase'
  | 'currency';

export interface FixLink {
  app: 'cin7' | 'xero';
  url: string;
  label: string;
}

export interface Finding {
  code: FindingCode;
  severity: Severity;
  subject: { kind: SubjectKind; key: string; label: string };
  message: string;
  fix?: FixLink;
}

export interface AuditSummary {
  errors: number;
  warnings: number;
  infos: number;
  total: number;
}

export interface CoverageEntry {
  check: string;
  /** What the check verifies, in words ("Mapped accounts exist and are active in Xero"). */
  label?: string;
  ran: boolean;
  /** Why it could not run, in words the UI can show ("Xero chart of accounts not fetched yet"). */
  reason?: string;
}

export interface AuditResult {
  findings: Finding[];
  summary: AuditSummary;
  coverage: CoverageEntry[];
}

export interface AuditOptions {
  /** Today's calendar day (YYYY-MM-DD); the engine never reads the clock. */
  today: string;
}
