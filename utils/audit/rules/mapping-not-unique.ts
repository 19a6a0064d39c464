// MAPPING_NOT_UNIQUE (error): "Account mappings are one-to-one. Each Cin7 Core account must be mapped to a unique
// Xero account" (seed). One finding per shared account, naming every role on it. The role to move (the first the
// account is wrong for, else the second) gets the fix link and the suggestions.
import type { Rule } from '../rule';
import type { Finding } from '../types';
import type { MappedRole } from '../context';
import { accountKey } from '../account-text';
import { describeAccount, listNames } from '../describe';
import { cin7AccountMappingLink } from '../links';
import { failsBesidesPayments, paymentsProblem } from '../role-account';
import { withRoleAnswer } from '../role-answer';

export const mappingNotUniqueRule: Rule = {
  id: 'mapping-not-unique',
  title: 'Each Xero account is behind one role only',
  codes: ['MAPPING_NOT_UNIQUE'],
  needs: ['cin7.mapping'],
  run(ctx) {
    const byAccount = new Map<string, MappedRole[]>();
    for (const mapped of ctx.mappedRoles) {
      if (mapped.code === null) continue;
      const key = accountKey(mapped.code);
      const list = byAccount.get(key);
      if (list) list.push(mapped);
      else byAccount.set(key, [mapped]);
    }
    const findings: Finding[] = [];
    for (const [key, roles] of byAccount) {
      const [first, second] = roles;
      if (!first || !second) continue;
      const accountName = first.account ? describeAccount(first.account) : (first.code ?? key);
      const roleNames = listNames(roles.map((mapped) => ctx.label(mapped.role)), roles.length);
      const account = first.account;
      const move = (account && roles.find(({ role }) => failsBesidesPayments(role, account) || paymentsProblem(role, account) !== null)) || second;
      const finding: Finding = {
        code: 'MAPPING_NOT_UNIQUE',
        severity: 'error',
        subject: { kind: 'account', key: first.account?.Code?.trim() || (first.code ?? key), label: accountName },
        message: `${roleNames} are ${roles.length === 2 ? 'both' : 'all'} mapped to ${accountName}; Cin7 Core needs a different Xero account for each role. Keep one and map the others to their own accounts, starting with ${ctx.label(move.role)}.`,
        fix: cin7AccountMappingLink(move.role.id),
      };
      findings.push(withRoleAnswer(ctx, finding, move.role, move.code));
    }
    return findings;
  },
};
