// PAYMENTS_NOT_ENABLED (error) / PAYMENTS_ENABLED (warning), PRODUCT.md payments rule. BANK accounts always take
// payments and are exempt. When Xero did not send EnablePaymentsToAccount we do not guess.
import type { Rule } from '../rule';
import type { Finding } from '../types';
import { describeAccount } from '../describe';
import { xeroChartLink } from '../links';
import { failsBesidesPayments, paymentsProblem, rolesOnCode } from '../role-account';
import { withRoleAnswer } from '../role-answer';

export const mappedAccountPaymentsRule: Rule = {
  id: 'mapped-account-payments',
  title: 'Mapped accounts accept payments only where Cin7 Core needs it',
  codes: ['PAYMENTS_NOT_ENABLED', 'PAYMENTS_ENABLED'],
  needs: ['cin7.mapping', 'xero.accounts'],
  run(ctx) {
    const findings: Finding[] = [];
    for (const { role, account, code } of ctx.mappedRoles) {
      const problem = account ? paymentsProblem(role, account) : null;
      if (!account || !problem) continue;
      const label = ctx.label(role);
      const subject = { kind: 'role' as const, key: role.id, label };
      const fix = xeroChartLink(ctx.shortCode, account.Code ?? undefined);
      // Ticking the box is the fix, unless the account is wrong for the role anyway or another role on it needs
      // the opposite: then the answer is another account.
      const otherRoles = code ? rolesOnCode(ctx, code).filter((mapped) => mapped.role.id !== role.id) : [];
      const offer = failsBesidesPayments(role, account) || otherRoles.some((mapped) => mapped.role.acceptsPayments !== role.acceptsPayments);
      const finding: Finding =
        problem === 'PAYMENTS_NOT_ENABLED'
          ? {
              code: problem,
              severity: 'error',
              subject,
              message: `${label} is mapped to ${describeAccount(account)}, which does not accept payments; Cin7 Core records payments against ${label}. In Xero, edit the account and tick "Enable payments to this account".`,
              fix,
            }
          : {
              code: problem,
              severity: 'warning',
              subject,
              message: `${label} is mapped to ${describeAccount(account)}, which accepts payments; Cin7 Core expects ${label} not to. In Xero, edit the account and untick "Enable payments to this account", or map another account.`,
              fix,
            };
      findings.push(withRoleAnswer(ctx, finding, role, code, offer));
    }
    return findings;
  },
};
