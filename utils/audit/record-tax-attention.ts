// Which records' tax rules need a finding, judged once per distinct combination of field values (an audit of
// hundreds of thousands of records builds verdicts and words only for those it reports).
import { RECORD_TAX_FIELDS, judgeRecordTaxRules, valuesOf, type AnyRecord, type TaxRuleJudge, type TaxRuleRecordKind } from './record-tax-rules';

// Per judge, by kind and field values: whether such a record has a field at error or warning.
const attentionByJudge = new WeakMap<TaxRuleJudge, Map<string, boolean>>();

/**
 * Whether any of the record's fields is judged an error or a warning. A snapshot has a handful of distinct field
 * combinations among its hundreds of thousands of records: each is judged once, so the audit builds verdicts (and
 * their words) only for the records it reports.
 */
export function recordNeedsAttention(judge: TaxRuleJudge, kind: TaxRuleRecordKind, record: AnyRecord): boolean {
  let known = attentionByJudge.get(judge);
  if (!known) attentionByJudge.set(judge, (known = new Map()));
  const values = valuesOf(kind, record);
  // Length-prefixed, so no two combinations share a key whatever the names hold.
  let key: string = kind;
  for (const { field } of RECORD_TAX_FIELDS[kind]) {
    const value = values[field];
    key += typeof value === 'string' ? `|${value.length}:${value}` : '|-';
  }
  let attention = known.get(key);
  if (attention === undefined) {
    attention = judgeRecordTaxRules(judge, kind, record).fields.some((field) => field.severity === 'error' || field.severity === 'warning');
    known.set(key, attention);
  }
  return attention;
}
