// Completes a role-account finding with its cause (what the score and the fix plan count once) and its answer:
// accounts to map instead, or the account to create when none qualifies.
import type { Finding } from './types';
import type { AuditContext } from './context';
import type { RoleDefinition } from './roles';
import { accountKey } from './account-text';
import { accountToCreate, suggestAccounts } from './suggestions';

/** The cause of a role-account finding: the Xero account it is about, else the role that has none. */
export function roleAccountCause(role: RoleDefinition, code: string | null): string {
  return code !== null && code.trim() ? `account:${accountKey(code)}` : `role:${role.id}`;
}

/**
 * `offer`: the fix is to choose another account (not to change the one mapped), so the finding carries suggestions,
 * or, when no account qualifies, a message that says which account to create.
 */
export function withRoleAnswer(ctx: AuditContext, finding: Finding, role: RoleDefinition, code: string | null, offer = true): Finding {
  const answered: Finding = { ...finding, cause: roleAccountCause(role, code) };
  if (!offer || !ctx.xeroAccounts) return answered;
  const suggestions = suggestAccounts(ctx, role);
  if (suggestions.length > 0) return { ...answered, suggestions };
  return { ...answered, message: `${finding.message} ${accountToCreate(role, ctx.country)}` };
}
