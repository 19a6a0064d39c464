// The status badge of one Account Mapping row: which findings concern it (its role, or the account it maps to),
// the worst of them, the rule behind it in words, and what to do ("Map to 631 Inventory Control", "Turn payments on").
import { accountKey, parseAccountText } from '../../utils/audit/account-text';
import { readTarget } from '../../utils/audit/links';
import { ROLE_BY_ID, describeExpectedTypes, roleLabel, type RoleId } from '../../utils/audit/roles';
import { mapToText } from '../../utils/audit/suggestions';
import type { FindingCode } from '../../utils/audit/types';
import type { Status, StatusFinding } from '../../utils/protocol/shapes';
import type { BadgeSpec } from '../../utils/overlay/badges';

export type RowStatusKind =
  | 'ok'
  | 'unmapped'
  | 'wrong-type'
  | 'payments'
  | 'archived'
  | 'not-found'
  | 'duplicate'
  | 'system-account'
  | 'optional-unmapped'
  | 'unknown-role'
  | 'unchecked';

const STATUS_OF_CODE: Partial<Record<FindingCode, RowStatusKind>> = {
  MAPPING_MISSING: 'unmapped',
  ACCOUNT_TYPE_MISMATCH: 'wrong-type',
  PAYMENTS_NOT_ENABLED: 'payments',
  PAYMENTS_ENABLED: 'payments',
  ACCOUNT_ARCHIVED: 'archived',
  ACCOUNT_NOT_FOUND: 'not-found',
  MAPPING_NOT_UNIQUE: 'duplicate',
  SYSTEM_ACCOUNT_MAPPED: 'system-account',
};

/** Findings about an account (not a role) that also describe the row mapped to it. */
const ACCOUNT_CODES_FOR_ROWS = new Set<FindingCode>(['MAPPING_NOT_UNIQUE', 'ACCOUNT_ARCHIVED', 'ACCOUNT_NOT_FOUND']);

const BADGE_TEXT: Record<RowStatusKind, string> = {
  ok: 'OK',
  unmapped: 'Unmapped',
  'wrong-type': 'Wrong type',
  payments: 'Payments',
  archived: 'Archived',
  'not-found': 'Not in Xero',
  duplicate: 'Duplicate',
  'system-account': 'System account',
  'optional-unmapped': 'Not mapped (optional)',
  'unknown-role': 'Not checked',
  unchecked: 'Not checked yet',
};

function ruleText(kind: RowStatusKind, roleId: RoleId | null, label: string): string {
  const role = roleId ? ROLE_BY_ID[roleId] : null;
  switch (kind) {
    case 'ok':
      return 'Mapped to an active Xero account of a fitting type, used by no other role.';
    case 'unmapped':
      return 'This role needs a Xero account: Cin7 Core cannot post these transactions without one.';
    case 'wrong-type':
      return role
        ? `${label} needs ${describeExpectedTypes(role.expectedTypes)}; Xero's Inventory type is never allowed.`
        : 'The Xero account type does not fit this role.';
    case 'payments':
      return role?.acceptsPayments
        ? `${label} needs an account with “Enable payments to this account” ticked in Xero.`
        : 'This role should not use an account that accepts payments (bank accounts excepted).';
    case 'archived':
      return 'The account is archived or deleted in Xero: postings to it fail.';
    case 'not-found':
      return 'The chosen code is not in Xero’s chart of accounts.';
    case 'duplicate':
      return 'Account mappings are one-to-one: each Cin7 Core account role needs its own Xero account.';
    case 'system-account':
      return 'A Xero system account (Receivables, Payables, GST…) can only back the role it belongs to.';
    case 'optional-unmapped':
      return 'Optional role: nothing posts here unless the feature that uses it is on.';
    case 'unknown-role':
      return 'Mapping Guard does not know this row’s role, so it was not checked.';
    case 'unchecked':
      return 'The set-up has not been checked yet (connect both apps and refresh).';
  }
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

export function rowFindings(roleId: RoleId | null, accountText: string, findings: readonly StatusFinding[]): StatusFinding[] {
  const code = parseAccountText(accountText);
  const key = code ? accountKey(code) : null;
  return findings
    .filter(
      (finding) =>
        STATUS_OF_CODE[finding.code] !== undefined &&
        ((finding.subject.kind === 'role' && roleId !== null && finding.subject.key === roleId) ||
          (finding.subject.kind === 'account' && key !== null && ACCOUNT_CODES_FOR_ROWS.has(finding.code) && accountKey(finding.subject.key) === key)),
    )
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

export interface RowStatus {
  kind: RowStatusKind;
  findings: StatusFinding[];
}

export function rowStatus(roleId: RoleId | null, accountText: string, status: Status | null): RowStatus {
  if (!roleId) return { kind: 'unknown-role', findings: [] };
  // Until the background has audited a mapping read from this page, a row without findings proves nothing.
  const checked =
    status && status.connection.cin7 === 'connected' && status.connection.xero === 'connected' && status.summary && status.mappingReadAt;
  if (!checked) return { kind: 'unchecked', findings: [] };
  const findings = rowFindings(roleId, accountText, status.findings);
  const worst = findings[0];
  if (worst) return { kind: STATUS_OF_CODE[worst.code] ?? 'ok', findings };
  if (!parseAccountText(accountText)) return { kind: ROLE_BY_ID[roleId].required === 'always' ? 'unmapped' : 'optional-unmapped', findings };
  return { kind: 'ok', findings };
}

/**
 * What the row's worst finding asks for, in a few words: the first suggested account (for a duplicate, only on the
 * row of the role its fix opens), else the payments switch; null when the problem word says it best.
 */
export function rowAction(worst: StatusFinding | undefined, roleId: RoleId | null): string | null {
  if (!worst) return null;
  const first = worst.suggestions?.[0];
  const forThisRow = worst.subject.kind === 'role' || (worst.fix !== undefined && readTarget(worst.fix.url)?.key === roleId);
  if (first && forThisRow) return mapToText(first);
  if (worst.code === 'PAYMENTS_NOT_ENABLED') return 'Turn payments on';
  if (worst.code === 'PAYMENTS_ENABLED') return 'Turn payments off';
  return null;
}

export function badgeFor(row: RowStatus, roleId: RoleId | null): BadgeSpec {
  const worst = row.findings[0];
  const tone = worst ? worst.severity : row.kind === 'ok' ? 'ok' : row.kind === 'unmapped' ? 'error' : 'neutral';
  // The engine's findings carry the role's name spelled for the organisation's country; without one, Cin7's label.
  const label = worst?.subject.kind === 'role' ? worst.subject.label : roleId ? roleLabel(roleId) : '';
  const messages = row.findings.map((finding) => finding.message);
  const action = rowAction(worst, roleId);
  // When the badge says what to do, the tooltip starts with what is wrong.
  const tooltip = [...(action ? [`${BADGE_TEXT[row.kind]}.`] : []), ruleText(row.kind, roleId, label), ...messages].join(' ');
  const fix = worst?.fix ? { url: worst.fix.url, label: worst.fix.label, newTab: worst.fix.app !== 'cin7' } : undefined;
  return { tone, text: action ?? BADGE_TEXT[row.kind], tooltip, ...(fix ? { fix } : {}) };
}
