// RECORD_TAX_RULE_INVALID (error or warning, as the record page says): a product's, customer's or supplier's tax rule
// field names a rule Cin7 Core does not have, an inactive one, one for the other side, one whose account is invalid,
// or one Xero cannot take. The verdicts are record-tax-rules.ts's, the record page's own, so the page and the audit
// agree. A problem of the rule itself (its account, its Xero rate) shares its cause with the rule's finding, so the
// score counts it once however many records use the rule.
import type { Rule } from '../rule';
import type { Finding } from '../types';
import { causeOf } from '../score';
import { recordNeedsAttention } from '../record-tax-attention';
import { judgeRecordTaxRules, prepareTaxRuleJudge, recordsOfKind, TAX_RULE_RECORD_KINDS, type TaxRuleFieldCheck, type TaxRuleJudge } from '../record-tax-rules';
import type { Cin7Customer, Cin7Product, Cin7Supplier } from '../../schemas/cin7';

const ruleKey = (name: string) => name.trim().toLowerCase();

/** The thing to fix behind a field's verdict, when it is shared by every record that names the rule. */
function causeOfField(judge: TaxRuleJudge, field: TaxRuleFieldCheck): string | undefined {
  const name = field.ruleName;
  if (!name) return undefined;
  const rule = judge.findRule(name);
  switch (field.verdict) {
    case 'unknown':
      return `taxRuleName:${ruleKey(name)}`;
    case 'inactive':
    case 'notInXero':
    case 'xeroTaxRateInactive':
      return `taxRule:${ruleKey(rule?.Name ?? name)}`;
    case 'accountInvalid':
      return rule ? causeOf({ code: 'TAX_RULE_ACCOUNT_INVALID', subject: { kind: 'taxRule', key: rule.Name.trim() || '(unnamed tax rule)' } }) : undefined;
    default:
      return undefined;
  }
}

/** Subjects keyed as the override checks key them: products by SKU, contacts by name. */
function subjectKey(kind: (typeof TAX_RULE_RECORD_KINDS)[number], record: Cin7Product | Cin7Customer | Cin7Supplier): string {
  return kind === 'product' ? (record as Cin7Product).SKU : (record as Cin7Customer | Cin7Supplier).Name;
}

export const recordTaxRuleInvalidRule: Rule = {
  id: 'record-tax-rule-invalid',
  title: 'Products, customers and suppliers name usable tax rules',
  codes: ['RECORD_TAX_RULE_INVALID'],
  needs: ['cin7.taxRules'],
  needsAnyOf: ['cin7.products', 'cin7.customers', 'cin7.suppliers'],
  run(ctx) {
    const judge = prepareTaxRuleJudge(ctx.snapshot);
    const findings: Finding[] = [];
    for (const kind of TAX_RULE_RECORD_KINDS) {
      const records = recordsOfKind(ctx.snapshot, kind) ?? [];
      for (let at = 0; at < records.length; at++) {
        const record = records[at] as (typeof records)[number];
        if (!recordNeedsAttention(judge, kind, record)) continue;
        const result = judgeRecordTaxRules(judge, kind, record);
        for (const field of result.fields) {
          if (field.severity !== 'error' && field.severity !== 'warning') continue;
          const cause = causeOfField(judge, field);
          const label = result.label ?? subjectKey(kind, record);
          findings.push({
            code: 'RECORD_TAX_RULE_INVALID',
            severity: field.severity,
            subject: { kind, key: subjectKey(kind, record), label },
            message: `${label}, ${field.fieldLabel.toLowerCase()} “${field.ruleName ?? ''}”: ${field.explanation}`,
            ...(field.fix ? { fix: field.fix } : {}),
            ...(cause ? { cause } : {}),
          });
        }
      }
    }
    return findings;
  },
};
