// SYSTEM_ACCOUNT_MAPPED (error): Xero uses system accounts internally and "you cannot post transactions to them"
// (research/xero.md §1.2). Only the roles whose own system account it is (AR on DEBTORS, AP on CREDITORS, sales tax
// on GST, currency gains on their gain accounts) may use one.
import type { Rule } from '../rule';
import type { Finding } from '../types';
import { describeAccount } from '../describe';
import { cin7AccountMappingLink } from '../links';
import { forbiddenSystemAccount } from '../role-account';
import { withRoleAnswer } from '../role-answer';

export const mappedSystemAccountRule: Rule = {
  id: 'mapped-system-account',
  title: 'No role sits on a Xero system account it may not use',
  codes: ['SYSTEM_ACCOUNT_MAPPED'],
  needs: ['cin7.mapping', 'xero.accounts'],
  run(ctx) {
    const findings: Finding[] = [];
    for (const { role, account, code } of ctx.mappedRoles) {
      const system = account ? forbiddenSystemAccount(role, account) : null;
      if (!account || !system) continue;
      const label = ctx.label(role);
      const finding: Finding = {
        code: 'SYSTEM_ACCOUNT_MAPPED',
        severity: 'error',
        subject: { kind: 'role', key: role.id, label },
        message: `${label} is mapped to ${describeAccount(account)}, Xero's ${system} system account, which Xero does not let other postings use. Map ${label} to an ordinary account.`,
        fix: cin7AccountMappingLink(role.id),
      };
      findings.push(withRoleAnswer(ctx, finding, role, code));
    }
    return findings;
  },
};
