// What the role-account rules check about one account for one role, as predicates: the rules raise findings from
// them and suggestions.ts keeps only accounts that pass all of them, so the two cannot drift apart.
import type { XeroAccount } from '../schemas/xero';
import type { FindingCode, Severity } from './types';
import type { AuditContext, MappedRole } from './context';
import { accountKey } from './account-text';
import { classOfAccount, classOfType, type RoleDefinition } from './roles';

type Account = Pick<XeroAccount, 'Type' | 'Class' | 'Status' | 'SystemAccount' | 'EnablePaymentsToAccount'>;

/** ACCOUNT_ARCHIVED: the state that makes Xero reject postings, or null for an account that takes them. */
export function inactiveState(account: Account): 'archived' | 'deleted' | null {
  if (account.Status === 'ARCHIVED') return 'archived';
  return account.Status === 'DELETED' ? 'deleted' : null;
}

/**
 * ACCOUNT_TYPE_MISMATCH (PRODUCT.md type rule): null for an expected type; another type of the same class is a
 * warning; another class, or Xero's INVENTORY type for any role, an error; a type we cannot class a warning.
 */
export function typeMismatchSeverity(role: RoleDefinition, account: Account): Severity | null {
  if (role.expectedTypes.includes(account.Type)) return null;
  if (account.Type === 'INVENTORY') return 'error';
  const accountClass = classOfAccount(account);
  if (accountClass === null) return 'warning';
  return new Set(role.expectedTypes.map(classOfType)).has(accountClass) ? 'warning' : 'error';
}

/** SYSTEM_ACCOUNT_MAPPED: the Xero system account this role may not sit on, or null. */
export function forbiddenSystemAccount(role: RoleDefinition, account: Account): string | null {
  const system = account.SystemAccount?.trim();
  return system && system !== role.allowedSystemAccount ? system : null;
}

/**
 * PAYMENTS_NOT_ENABLED / PAYMENTS_ENABLED. BANK accounts always take payments and are exempt; when Xero did not send
 * EnablePaymentsToAccount the rule does not guess (null).
 */
export function paymentsProblem(role: RoleDefinition, account: Account): 'PAYMENTS_NOT_ENABLED' | 'PAYMENTS_ENABLED' | null {
  if (account.Type === 'BANK' || account.EnablePaymentsToAccount === undefined) return null;
  if (role.acceptsPayments && !account.EnablePaymentsToAccount) return 'PAYMENTS_NOT_ENABLED';
  if (!role.acceptsPayments && account.EnablePaymentsToAccount) return 'PAYMENTS_ENABLED';
  return null;
}

/** MAPPING_NOT_UNIQUE: the mapped roles on this code (any case, surrounding space ignored), in role-table order. */
export function rolesOnCode(ctx: Pick<AuditContext, 'mappedRoles'>, code: string): MappedRole[] {
  const key = accountKey(code);
  return ctx.mappedRoles.filter((mapped) => mapped.code !== null && accountKey(mapped.code) === key);
}

/** Whether the account fails a rule for this role other than payments (then ticking a box does not fix it). */
export function failsBesidesPayments(role: RoleDefinition, account: Account): boolean {
  return inactiveState(account) !== null || typeMismatchSeverity(role, account) !== null || forbiddenSystemAccount(role, account) !== null;
}

/** The codes of findings about a role's account (issue #14: these carry a cause and, where it helps, suggestions). */
export const ROLE_ACCOUNT_FINDING_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>([
  ...(['ACCOUNT_ARCHIVED', 'ACCOUNT_NOT_FOUND', 'ACCOUNT_TYPE_MISMATCH', 'SYSTEM_ACCOUNT_MAPPED'] as const),
  ...(['MAPPING_MISSING', 'MAPPING_NOT_UNIQUE', 'PAYMENTS_ENABLED', 'PAYMENTS_NOT_ENABLED'] as const),
]);
