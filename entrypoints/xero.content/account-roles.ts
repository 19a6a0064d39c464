// What Cin7 Core does with a Xero account: the roles mapped to it (by code), the findings about it, and, for the
// edit / archive dialogs, what breaks in words. Pure functions of the facts and the status.
import { accountKey } from '../../utils/audit/account-text';
import { ROLE_BY_ID, describeExpectedTypes, isRoleId, roleLabel, typeLabel, type RoleId } from '../../utils/audit/roles';
import type { FindingCode } from '../../utils/audit/types';
import type { StatusFinding, XeroPageFacts } from '../../utils/protocol/shapes';

/** Short names for badges, where Cin7 Core's label is long. */
const SHORT_ROLE_NAME: Partial<Record<RoleId, string>> = {
  cogs: 'COGS',
  accountsReceivable: 'Receivables',
  accountsPayable: 'Payables',
  inventoryControl: 'Inventory',
  inventoryDiscrepancy: 'Discrepancy',
};

/**
 * A role's name on Xero pages, spelled for the organisation's country (`status.xeroCountryCode`: "Realised" in NZ,
 * "Realized" in the US), as the audit's messages are.
 */
export function roleName(roleId: RoleId, country?: string | null): string {
  return roleLabel(roleId, country);
}

export function shortRoleName(roleId: RoleId, country?: string | null): string {
  return SHORT_ROLE_NAME[roleId] ?? roleName(roleId, country).replace(/ Currency Gains$/, ' FX');
}

/** Roles by account key (`accountKey(code)`), from the facts. */
export function rolesByAccount(facts: XeroPageFacts | null): Map<string, RoleId[]> {
  const byKey = new Map<string, RoleId[]>();
  for (const entry of facts?.mappedAccounts ?? []) {
    const roles = entry.roleIds.filter(isRoleId);
    if (roles.length > 0) byKey.set(accountKey(entry.code), roles);
  }
  return byKey;
}

/** Findings that describe an account row: about the account itself, or about a role mapped to it. */
const ROLE_CODES = new Set<FindingCode>(['ACCOUNT_TYPE_MISMATCH', 'PAYMENTS_NOT_ENABLED', 'PAYMENTS_ENABLED', 'ACCOUNT_ARCHIVED', 'ACCOUNT_NOT_FOUND', 'SYSTEM_ACCOUNT_MAPPED', 'MAPPING_NOT_UNIQUE']);
const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

export function accountFindings(code: string, roles: readonly RoleId[], findings: readonly StatusFinding[]): StatusFinding[] {
  const key = accountKey(code);
  return findings
    .filter(
      (finding) =>
        !finding.reviewed &&
        ((finding.subject.kind === 'account' && accountKey(finding.subject.key) === key) ||
          (finding.subject.kind === 'role' && ROLE_CODES.has(finding.code) && (roles as readonly string[]).includes(finding.subject.key))),
    )
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

const list = (names: string[]) => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);

/** The warning lines shown in an account's edit / archive / delete dialog. */
export function dialogWarning(
  code: string,
  roles: readonly RoleId[],
  action: 'edit' | 'archive' | 'delete',
  chosenType: string | null,
  country?: string | null,
): string[] {
  const names = roles.map((role) => roleName(role, country));
  const lines = [`Cin7 Core posts ${list(names)} to account ${code}.`];
  if (action !== 'edit') {
    lines.push(
      `If you ${action} it, every Cin7 Core sale, purchase or stock movement that posts ${list(names)} fails to sync: Xero answers “Account code '${code}' has been archived, or has been deleted”. Map another account in Cin7 Core’s Account Mapping first.`,
    );
    return lines;
  }
  lines.push(`Archiving it, or changing its code, stops those postings: Cin7 Core maps accounts by code. Map another account in Cin7 Core first.`);
  const needs = roles.map((role) => ROLE_BY_ID[role]).filter((role) => chosenType && !role.expectedTypes.includes(chosenType));
  for (const role of needs) {
    lines.push(`${roleName(role.id, country)} needs ${describeExpectedTypes(role.expectedTypes)}; ${typeLabel(chosenType)} breaks it: Xero refuses the postings (“not a valid code for this document”) or they land in the wrong report.`);
  }
  return lines;
}
