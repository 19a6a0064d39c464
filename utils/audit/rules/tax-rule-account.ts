// TAX_RULE_ACCOUNT_INVALID (error): a Cin7 tax rule's account "must be an ACTIVE account of Class LIABILITY"
// (research/cin7.md §2.2). Checks the rule's account and any component account that differs from it. Inactive
// tax rules are skipped: nothing posts through them.
import type { Rule } from '../rule';
import type { Finding, FixLink } from '../types';
import { describeAccount } from '../describe';
import { xeroChartLink } from '../links';
import { classOfAccount } from '../roles';

export const taxRuleAccountRule: Rule = {
  id: 'tax-rule-account',
  title: 'Tax rules post to active liability accounts',
  codes: ['TAX_RULE_ACCOUNT_INVALID'],
  needs: ['cin7.taxRules', 'xero.accounts'],
  run(ctx) {
    const findings: Finding[] = [];
    for (const taxRule of ctx.snapshot.cin7?.taxRules ?? []) {
      if (taxRule.IsActive === false) continue;
      const name = taxRule.Name.trim() || '(unnamed tax rule)';
      const subject = { kind: 'taxRule' as const, key: name, label: name };
      const report = (problem: string, fix?: FixLink) =>
        findings.push({ code: 'TAX_RULE_ACCOUNT_INVALID', severity: 'error', subject, message: `The Cin7 Core tax rule "${name}" ${problem}`, ...(fix ? { fix } : {}) });
      const ruleCode = taxRule.Account?.trim() ?? '';
      const codes: Array<{ code: string; where: string }> = [];
      if (!ruleCode) report('has no account, so Cin7 Core cannot post its tax. Choose a Current Liability account for it in Cin7 Core\'s tax rules.');
      else codes.push({ code: ruleCode, where: 'posts to' });
      for (const component of taxRule.Components ?? []) {
        const code = component.AccountCode?.trim();
        if (code && code.toUpperCase() !== ruleCode.toUpperCase() && !codes.some((entry) => entry.code.toUpperCase() === code.toUpperCase())) {
          codes.push({ code, where: `has a component${component.Name?.trim() ? ` "${component.Name.trim()}"` : ''} posting to` });
        }
      }
      for (const { code, where } of codes) {
        const account = ctx.findAccount(code);
        if (!account) {
          report(`${where} account ${code}, which is not in Xero's chart of accounts. Choose an existing liability account for it in Cin7 Core's tax rules.`);
        } else if (account.Status === 'ARCHIVED' || account.Status === 'DELETED') {
          report(`${where} ${describeAccount(account)}, which is ${account.Status.toLowerCase()} in Xero. Restore the account or choose another one for the tax rule.`, xeroChartLink(ctx.shortCode, account.Code ?? undefined, { archived: account.Status === 'ARCHIVED' }));
        } else if (classOfAccount(account) !== 'LIABILITY') {
          report(`${where} ${describeAccount(account)}, which is not a liability account; tax collected is owed, so it must post to a liability. Choose a Current Liability account for the tax rule.`, xeroChartLink(ctx.shortCode, account.Code ?? undefined));
        }
      }
    }
    return findings;
  },
};
