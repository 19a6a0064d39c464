// ACCOUNT_TYPE_MISMATCH (PRODUCT.md type rule): an expected type is fine; another type of the same class is a
// warning; another class, or Xero's INVENTORY type for any role, is an error (Xero refuses postings to
// inventory-type accounts from non-tracked items). A type we do not know and cannot class is a warning.
import type { Rule } from '../rule';
import type { Finding } from '../types';
import { describeAccount, describeXeroType } from '../describe';
import { xeroChartLink } from '../links';
import { classOfAccount, describeExpectedTypes } from '../roles';
import { typeMismatchSeverity } from '../role-account';
import { withRoleAnswer } from '../role-answer';

export const mappedAccountTypeRule: Rule = {
  id: 'mapped-account-type',
  title: 'Mapped accounts have the type Cin7 Core needs',
  codes: ['ACCOUNT_TYPE_MISMATCH'],
  needs: ['cin7.mapping', 'xero.accounts'],
  run(ctx) {
    const findings: Finding[] = [];
    for (const { role, account, code } of ctx.mappedRoles) {
      const severity = account ? typeMismatchSeverity(role, account) : null;
      if (!account || !severity) continue;
      const accountClass = classOfAccount(account);
      const label = ctx.label(role);
      const needed = describeExpectedTypes(role.expectedTypes);
      const why =
        account.Type === 'INVENTORY'
          ? ' Xero keeps INVENTORY-type accounts for its own tracked items and refuses other postings to them.'
          : severity === 'warning' && accountClass !== null
            ? ' It is the right class, so postings will go through, but reports will not show it where Cin7 Core expects.'
            : '';
      const finding: Finding = {
        code: 'ACCOUNT_TYPE_MISMATCH',
        severity,
        subject: { kind: 'role', key: role.id, label },
        message: `${label} is mapped to ${describeAccount(account)}, ${describeXeroType(account.Type)}; Cin7 Core needs ${needed}.${why} Change the account's type in Xero or map another account.`,
        fix: xeroChartLink(ctx.shortCode, account.Code ?? undefined),
      };
      findings.push(withRoleAnswer(ctx, finding, role, code));
    }
    return findings;
  },
};
