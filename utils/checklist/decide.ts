// How the audit decides a checklist item: which finding codes belong to which item, and the resulting status.
// Pure: findings and coverage in, statuses out.
import { FINDING_CODES, type FindingCode, type Severity } from '../audit/types';
import { CHECKLIST_ITEMS, type AuditItem } from './items';

/** The fields of a finding this module needs (the engine's Finding and the messaging StatusFinding both fit). */
export interface DecidingFinding {
  code: FindingCode;
  severity: Severity;
  subject: { kind: string; key: string; label: string };
  message?: string;
  reviewed?: boolean;
}

export interface DecidingCoverage {
  check: string;
  ran: boolean;
  reason?: string;
}

export type AuditItemStatus = 'pass' | 'fail' | 'unknown';

const CURRENCY_ROLES = new Set(['realizedCurrencyGains', 'unrealizedCurrencyGains']);
const ROLE_ACCOUNT_CODES = new Set<FindingCode>([
  'ACCOUNT_NOT_FOUND',
  'ACCOUNT_ARCHIVED',
  'ACCOUNT_TYPE_MISMATCH',
  'PAYMENTS_NOT_ENABLED',
  'PAYMENTS_ENABLED',
  'SYSTEM_ACCOUNT_MAPPED',
]);

/**
 * The checklist items a finding speaks to. A role's account problems belong to "required accounts"; the same codes
 * about any other account (a tax rule's, an override's) belong to "chart of accounts linked".
 */
export function itemsForFinding(finding: Pick<DecidingFinding, 'code' | 'subject'>): string[] {
  const { code, subject } = finding;
  if (ROLE_ACCOUNT_CODES.has(code)) return subject.kind === 'role' ? ['requiredAccounts'] : ['chartOfAccountsLinked'];
  switch (code) {
    case 'MAPPING_UNKNOWN':
      return ['accountMapping', 'requiredAccounts'];
    case 'MAPPING_MISSING':
      return CURRENCY_ROLES.has(subject.key) ? ['accountMapping', 'multipleCurrencies'] : ['accountMapping'];
    case 'MAPPING_NOT_UNIQUE':
      return ['accountMapping'];
    case 'TAX_RULE_ACCOUNT_INVALID':
      return ['chartOfAccountsLinked', 'taxRules'];
    case 'RECORD_TAX_RULE_INVALID':
    case 'TAX_RULE_NOT_IN_XERO':
    case 'TAX_RATE_NOT_APPLICABLE':
      return ['taxRules'];
    case 'ACCOUNT_WITHOUT_CODE':
    case 'OVERRIDE_ACCOUNT_INVALID':
    case 'OVERRIDE_ACCOUNT_TYPE':
      return ['chartOfAccountsLinked'];
    case 'BANK_ACCOUNT_WITHOUT_CODE':
      return ['bankAccountCodes'];
    case 'TRACKED_INVENTORY':
      return ['trackedInventory'];
    case 'BASE_CURRENCY_MISMATCH':
    case 'CURRENCY_NOT_ENABLED':
      return ['multipleCurrencies'];
    case 'LOCK_DATE_NOT_SET':
    case 'LOCK_DATE_MISALIGNED':
    case 'DOCUMENT_IN_LOCKED_PERIOD':
      return ['periodLockDates'];
    case 'SERVICE_PRODUCT_NO_EXPENSE_ACCOUNT':
      return ['nonInventoryCosts'];
    default:
      return [];
  }
}

/** A finding that says "we could not look", not "something is wrong". */
function meansNotYetKnown(finding: DecidingFinding): boolean {
  return finding.code === 'MAPPING_UNKNOWN';
}

/**
 * Whether a finding still blocks its item. Errors always do. A warning or note the user marked reviewed is an
 * accepted decision and does not; LOCK_DATE_NOT_SET is only "info" to the engine but the seed asks for lock dates.
 */
function blocks(finding: DecidingFinding): boolean {
  if (finding.severity === 'error') return true;
  return !finding.reviewed;
}

/** Every finding code that can decide the item (for either subject kind). */
export function codesOfItem(itemId: string): FindingCode[] {
  return FINDING_CODES.filter((code) =>
    ['role', 'account'].some((kind) => itemsForFinding({ code, subject: { kind, key: '', label: '' } }).includes(itemId)),
  );
}

/** The engine's rule id for a code when no rule table is given: rules are named after their code ("mapping-missing"). */
function ruleIdOf(code: FindingCode): string {
  return code.toLowerCase().replace(/_/g, '-');
}

/**
 * Whether a coverage entry (`check` = the engine's rule id) is one the item relies on: when such a check did not
 * run, a clean result means "not yet known", not "pass". `ruleCodes` maps rule ids to the codes they produce.
 */
function dependsOn(itemId: string, check: string, ruleCodes?: Readonly<Record<string, readonly FindingCode[]>>): boolean {
  const codes = codesOfItem(itemId);
  const produced = ruleCodes?.[check];
  if (produced) return produced.some((code) => codes.includes(code));
  return codes.some((code) => ruleIdOf(code) === check);
}

export interface AuditItemDecision<F extends DecidingFinding = DecidingFinding> {
  status: AuditItemStatus;
  /** Findings that belong to the item, blocking ones first (stable otherwise). */
  findings: F[];
  /** Why the status is "unknown", in words. */
  reason?: string;
}

/**
 * Decides one audit item. `audited` false means no audit has run for the pair yet: everything is unknown.
 * A blocking finding fails the item even when some checks could not run (a known failure beats an unknown).
 */
export function decideAuditItem<F extends DecidingFinding>(
  item: AuditItem,
  findings: readonly F[],
  coverage: readonly DecidingCoverage[],
  audited: boolean,
  ruleCodes?: Readonly<Record<string, readonly FindingCode[]>>,
): AuditItemDecision<F> {
  const own = findings.filter((finding) => itemsForFinding(finding).includes(item.id));
  const sorted = [...own].sort((a, b) => Number(blocks(b)) - Number(blocks(a)));
  if (!audited) return { status: 'unknown', findings: sorted, reason: 'No audit has run for this pair yet.' };
  if (own.some((finding) => !meansNotYetKnown(finding) && blocks(finding))) return { status: 'fail', findings: sorted };
  const unknownFinding = own.find(meansNotYetKnown);
  if (unknownFinding) return { status: 'unknown', findings: sorted, reason: unknownFinding.message ?? 'Not read yet.' };
  const missing = coverage.find((entry) => !entry.ran && dependsOn(item.id, entry.check, ruleCodes));
  if (missing) return { status: 'unknown', findings: sorted, reason: missing.reason ?? `Not checked: ${missing.check}.` };
  return { status: 'pass', findings: sorted };
}

export const AUDIT_ITEMS: readonly AuditItem[] = CHECKLIST_ITEMS.filter(
  (item): item is AuditItem => item.decidedBy === 'audit',
);
