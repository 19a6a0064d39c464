// TAX_RULE_NOT_IN_XERO (error or warning): an active Cin7 Core tax rule that a product, customer, supplier, document or
// the default sale rule uses, and that Xero cannot take: no Xero tax rate has its percentages (tax-match.ts), or the
// only one is archived or deleted. Xero refuses a document with an archived or deleted rate (error); a rule Xero
// does not have syncs with a tax adjustment line (research/cin7.md §4.1, Xero sync options), so the tax Xero reports
// differs from Cin7 Core's (warning). Inactive rules are the record check's (RECORD_TAX_RULE_INVALID).
import type { Rule } from '../rule';
import type { Finding } from '../types';
import type { Snapshot } from '../../schemas/snapshot';
import { xeroTaxRatesLink } from '../links';
import { listNames, plural } from '../describe';
import { matchTaxRate, taxMatchProblem } from '../tax-match';

const ruleKey = (name: string) => name.trim().toLowerCase();

/** How often each tax rule name is used, by what ("3 products", "1 sale"), keyed by lower-case name. */
export function taxRuleUses(snapshot: Snapshot): Map<string, Map<string, number>> {
  const uses = new Map<string, Map<string, number>>();
  // A few names among 200,000 records: each lower-cased once.
  const keys = new Map<string, string>();
  const add = (name: string | null | undefined, what: string) => {
    if (typeof name !== 'string') return;
    let key = keys.get(name);
    if (key === undefined) keys.set(name, (key = name.trim() ? ruleKey(name) : ''));
    if (!key) return;
    const counts = uses.get(key) ?? uses.set(key, new Map()).get(key)!;
    counts.set(what, (counts.get(what) ?? 0) + 1);
  };
  const cin7 = snapshot.cin7;
  add(cin7?.me?.DefaultSaleTaxRuleName, 'default sale rule');
  const products = cin7?.products ?? [];
  for (let at = 0; at < products.length; at++) {
    const product = products[at] as (typeof products)[number];
    add(product.SaleTaxRule, 'product');
    add(product.PurchaseTaxRule, 'product');
  }
  const customers = cin7?.customers ?? [];
  for (let at = 0; at < customers.length; at++) add((customers[at] as (typeof customers)[number]).TaxRule, 'customer');
  const suppliers = cin7?.suppliers ?? [];
  for (let at = 0; at < suppliers.length; at++) add((suppliers[at] as (typeof suppliers)[number]).TaxRule, 'supplier');
  for (const sale of cin7?.sales ?? []) add(sale.TaxRule, 'sale');
  for (const purchase of cin7?.purchases ?? []) add(purchase.TaxRule, 'purchase');
  return uses;
}

const describeUses = (counts: Map<string, number>) =>
  listNames([...counts].map(([what, count]) => (what === 'default sale rule' ? 'the default sale tax rule' : plural(count, what))), 4);

export const taxRuleNotInXeroRule: Rule = {
  id: 'tax-rule-not-in-xero',
  title: 'Tax rules Cin7 Core uses exist in Xero',
  codes: ['TAX_RULE_NOT_IN_XERO'],
  needs: ['cin7.taxRules', 'xero.taxRates'],
  run(ctx) {
    const rates = ctx.snapshot.xero?.taxRates ?? [];
    const uses = taxRuleUses(ctx.snapshot);
    const findings: Finding[] = [];
    for (const rule of ctx.snapshot.cin7?.taxRules ?? []) {
      const counts = uses.get(ruleKey(rule.Name));
      if (rule.IsActive === false || !counts) continue;
      const match = matchTaxRate(rule, rates);
      const problem = taxMatchProblem(rule.Name, match);
      if (!problem) continue;
      const name = rule.Name.trim() || '(unnamed tax rule)';
      findings.push({
        code: 'TAX_RULE_NOT_IN_XERO',
        severity: match.status === 'inactive' ? 'error' : 'warning',
        subject: { kind: 'taxRule', key: name, label: name },
        message: `${problem} Used by ${describeUses(counts)}.`,
        fix: xeroTaxRatesLink(ctx.shortCode),
        cause: `taxRule:${ruleKey(name)}`,
      });
    }
    return findings;
  },
};
