// ACCOUNT_NOT_FOUND / ACCOUNT_ARCHIVED (errors): Xero rejects lines whose account "has been archived, or has been
// deleted" (research/xero.md §6). Applies to every mapped role, required or not.
import type { Rule } from '../rule';
import type { Finding } from '../types';
import { describeAccount } from '../describe';
import { cin7AccountMappingLink, xeroChartLink } from '../links';
import { inactiveState } from '../role-account';
import { withRoleAnswer } from '../role-answer';

export const mappedAccountExistsRule: Rule = {
  id: 'mapped-account-exists',
  title: 'Mapped accounts exist and are active in Xero',
  codes: ['ACCOUNT_NOT_FOUND', 'ACCOUNT_ARCHIVED'],
  needs: ['cin7.mapping', 'xero.accounts'],
  run(ctx) {
    const findings: Finding[] = [];
    for (const mapped of ctx.mappedRoles) {
      const { role, account, code } = mapped;
      const label = ctx.label(role);
      const subject = { kind: 'role' as const, key: role.id, label };
      const state = account ? inactiveState(account) : null;
      if (!account) {
        const finding: Finding = {
          code: 'ACCOUNT_NOT_FOUND',
          severity: 'error',
          subject,
          message: `${label} is mapped to account ${code}, which is not in Xero's chart of accounts. Map ${label} to an existing account, or create account ${code} in Xero and sync accounts in Cin7 Core.`,
          fix: cin7AccountMappingLink(role.id),
        };
        findings.push(withRoleAnswer(ctx, finding, role, code));
      } else if (state) {
        const finding: Finding = {
          code: 'ACCOUNT_ARCHIVED',
          severity: 'error',
          subject,
          message: `${label} is mapped to ${describeAccount(account)}, which is ${state} in Xero, so Xero will reject what Cin7 Core posts to it. ${state === 'archived' ? 'Restore the account in Xero or map another account.' : 'Map another account.'}`,
          fix: state === 'archived' ? xeroChartLink(ctx.shortCode, account.Code ?? undefined, { archived: true }) : cin7AccountMappingLink(role.id),
        };
        findings.push(withRoleAnswer(ctx, finding, role, code));
      }
    }
    return findings;
  },
};
