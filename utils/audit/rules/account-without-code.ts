// ACCOUNT_WITHOUT_CODE (warning): "Any Xero account without an account code is invisible to Cin7 Core"
// (research/cin7.md §4.2). A warning, not an error: it only hurts if Cin7 needs that account. Bank accounts have
// their own, stronger rule; archived and deleted accounts do not matter.
import type { Rule } from '../rule';
import type { Finding } from '../types';
import { xeroChartLink } from '../links';

export const accountWithoutCodeRule: Rule = {
  id: 'account-without-code',
  title: 'Every active Xero account has a code',
  codes: ['ACCOUNT_WITHOUT_CODE'],
  needs: ['xero.accounts'],
  run(ctx) {
    const findings: Finding[] = [];
    for (const account of ctx.xeroAccounts ?? []) {
      if (account.Code?.trim() || account.Type === 'BANK') continue;
      if (account.Status === 'ARCHIVED' || account.Status === 'DELETED') continue;
      const key = account.AccountID || account.Name;
      findings.push({
        code: 'ACCOUNT_WITHOUT_CODE',
        severity: 'warning',
        subject: { kind: 'account', key, label: account.Name },
        message: `The Xero account "${account.Name}" has no code, so Cin7 Core cannot see or use it. Give it a code in Xero's chart of accounts if Cin7 Core should post to it.`,
        fix: xeroChartLink(ctx.shortCode, key),
      });
    }
    return findings;
  },
};
