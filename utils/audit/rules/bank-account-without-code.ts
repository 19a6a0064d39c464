// BANK_ACCOUNT_WITHOUT_CODE (error): the onboarding seed says bank accounts need nominal codes; without one Cin7
// Core cannot see the account, so payments cannot sync to it.
import type { Rule } from '../rule';
import type { Finding } from '../types';
import { xeroBankAccountsLink } from '../links';

export const bankAccountWithoutCodeRule: Rule = {
  id: 'bank-account-without-code',
  title: 'Every active Xero bank account has a code',
  codes: ['BANK_ACCOUNT_WITHOUT_CODE'],
  needs: ['xero.accounts'],
  run(ctx) {
    const findings: Finding[] = [];
    for (const account of ctx.xeroAccounts ?? []) {
      if (account.Type !== 'BANK' || account.Code?.trim()) continue;
      if (account.Status === 'ARCHIVED' || account.Status === 'DELETED') continue;
      const key = account.AccountID || account.Name;
      findings.push({
        code: 'BANK_ACCOUNT_WITHOUT_CODE',
        severity: 'error',
        subject: { kind: 'account', key, label: account.Name },
        message: `The Xero bank account "${account.Name}" has no code, so Cin7 Core cannot see it and payments cannot sync to it. Give the bank account a code in Xero.`,
        fix: xeroBankAccountsLink(ctx.shortCode, key),
      });
    }
    return findings;
  },
};
