// The answer to a role-account finding (issue #14): accounts of the Xero chart that would pass every rule for the
// role, best first, or — when none does — which account to create. Pure; "passes" is role-account.ts's predicates.
import type { XeroAccount } from '../schemas/xero';
import type { z } from 'zod';
import type { suggestionSchema } from '../schemas/finding';
import type { AuditContext } from './context';
import { accountKey, parseAccountText } from './account-text';
import { normaliseLabel } from './labels';
import { forbiddenSystemAccount, inactiveState, paymentsProblem, rolesOnCode, typeMismatchSeverity } from './role-account';
import { describeExpectedTypes, roleLabel, typeLabel, type RoleDefinition } from './roles';

export type Suggestion = z.infer<typeof suggestionSchema>;

export const MAX_SUGGESTIONS = 5;

type SuggestionContext = Pick<AuditContext, 'xeroAccounts' | 'findAccount' | 'mappedRoles'>;

/** The code Cin7 Core would show for the account, if mapping it would read back as this very account. */
function mappableCode(ctx: SuggestionContext, account: XeroAccount): string | null {
  const code = account.Code?.trim();
  if (!code || parseAccountText(code) !== code) return null;
  return ctx.findAccount(code) === account ? code : null;
}

/** Whether mapping `account` (by `code`) into `role` leaves no role-account finding for the role. */
export function passesEveryRule(ctx: SuggestionContext, role: RoleDefinition, account: XeroAccount, code: string): boolean {
  if (account.Status !== undefined && account.Status !== 'ACTIVE') return false;
  if (inactiveState(account) !== null || typeMismatchSeverity(role, account) !== null) return false;
  if (forbiddenSystemAccount(role, account) !== null || paymentsProblem(role, account) !== null) return false;
  // A role that takes payments needs them known to be on (a missing flag passes the rule but proves nothing).
  if (role.acceptsPayments && account.Type !== 'BANK' && account.EnablePaymentsToAccount !== true) return false;
  return rolesOnCode(ctx, code).every((mapped) => mapped.role.id === role.id);
}

/** 0–1: how much the account's name reads like the role's label or one of its synonyms. */
export function nameLikeness(role: RoleDefinition, name: string): number {
  const words = normaliseLabel(name).split(' ').filter(Boolean);
  if (words.length === 0) return 0;
  const joined = ` ${words.join(' ')} `;
  let best = 0;
  for (const phrase of [role.label, ...role.synonyms]) {
    const target = normaliseLabel(phrase);
    if (!target) continue;
    if (target === words.join(' ')) return 1;
    if (joined.includes(` ${target} `)) best = Math.max(best, 0.8);
    const targetWords = new Set(target.split(' '));
    const shared = words.filter((word) => targetWords.has(word)).length;
    best = Math.max(best, (0.6 * shared) / Math.max(targetWords.size, words.length));
  }
  return best;
}

function reasonFor(role: RoleDefinition, account: XeroAccount, likeness: number): string {
  const parts = [`${typeLabel(account.Type)} account`, 'active'];
  const system = account.SystemAccount?.trim();
  if (system) parts.push(`Xero's ${system} system account`);
  if (account.Type !== 'BANK') parts.push(role.acceptsPayments ? 'accepts payments' : 'payments off');
  parts.push('used by no other role');
  if (likeness >= 0.8) parts.push('name matches');
  else if (likeness > 0) parts.push('name is similar');
  return parts.join(', ');
}

/**
 * Accounts that would pass every rule for `role`, at most five: an expected type before the role's other expected
 * types (the first names what Cin7 Core needs), then the name most like the role's, then the code.
 */
export function suggestAccounts(ctx: SuggestionContext, role: RoleDefinition): Suggestion[] {
  const ranked: { code: string; account: XeroAccount; typeRank: number; likeness: number }[] = [];
  for (const account of ctx.xeroAccounts ?? []) {
    const code = mappableCode(ctx, account);
    if (code === null || !passesEveryRule(ctx, role, account, code)) continue;
    ranked.push({ code, account, typeRank: role.expectedTypes.indexOf(account.Type), likeness: nameLikeness(role, account.Name) });
  }
  ranked.sort((a, b) => a.typeRank - b.typeRank || b.likeness - a.likeness || (accountKey(a.code) < accountKey(b.code) ? -1 : accountKey(a.code) > accountKey(b.code) ? 1 : 0));
  return ranked.slice(0, MAX_SUGGESTIONS).map(({ code, account, likeness }) => ({
    code,
    name: account.Name.trim().slice(0, 300) || 'unnamed account',
    reason: reasonFor(role, account, likeness),
  }));
}

/** When nothing in the chart qualifies: the account to create, in words ("create a Current Asset account …"). */
export function accountToCreate(role: RoleDefinition, country: string | null): string {
  const label = roleLabel(role, country);
  const primary = role.expectedTypes[0] ?? '';
  const payments =
    primary === 'BANK' ? '' : role.acceptsPayments ? ' with "Enable payments to this account" ticked' : ' with "Enable payments to this account" unticked';
  return `No account in Xero's chart fits ${label}: create ${describeExpectedTypes([primary])} with a code${payments} in Xero, sync accounts in Cin7 Core, then map ${label} to it.`;
}

/** The first suggestion as the one thing to do ("Map to 631 Inventory Control"), for the panel and the badges. */
export function mapToText(suggestion: Pick<Suggestion, 'code' | 'name'>): string {
  return `Map to ${suggestion.code} ${suggestion.name}`;
}
