// PAYMENTS_NOT_ENABLED (error) / PAYMENTS_ENABLED (warning), PRODUCT.md payments rule. BANK accounts always take
// payments and are exempt. When Xero did not send EnablePaymentsToAccount we do not guess.
import type { Rule } from '../rule';
import type { Finding } from '../types';
import { describeAccount } from '../describe';
import { xeroChartLink } from '../links';

export const mappedAccountPaymentsRule: Rule = {
  id: 'mapped-account-payments',
  title: 'Mapped accounts accept payments only where Cin7 Core needs it',
  codes: ['PAYMENTS_NOT_ENABLED', 'PAYMENTS_ENABLED'],
  needs: ['cin7.mapping', 'xero.accounts'],
  run(ctx) {
    const findings: Finding[] = [];
    for (const { role, account } of ctx.mappedRoles) {
      if (!account || account.Type === 'BANK' || account.EnablePaymentsToAccount === undefined) continue;
      const subject = { kind: 'role' as const, key: role.id, label: role.label };
      const fix = xeroChartLink(ctx.shortCode, account.Code ?? undefined);
      if (role.acceptsPayments && !account.EnablePaymentsToAccount) {
        findings.push({
          code: 'PAYMENTS_NOT_ENABLED',
          severity: 'error',
          subject,
          message: `${role.label} is mapped to ${describeAccount(account)}, which does not accept payments; Cin7 Core records payments against ${role.label}. In Xero, edit the account and tick "Enable payments to this account".`,
          fix,
        });
      } else if (!role.acceptsPayments && account.EnablePaymentsToAccount) {
        findings.push({
          code: 'PAYMENTS_ENABLED',
          severity: 'warning',
          subject,
          message: `${role.label} is mapped to ${describeAccount(account)}, which accepts payments; Cin7 Core expects ${role.label} not to. In Xero, edit the account and untick "Enable payments to this account", or map another account.`,
          fix,
        });
      }
    }
    return findings;
  },
};
