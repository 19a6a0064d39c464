// Which records' tax rules need a finding, judged once per distinct combination of field values (an audit of
// hundreds of thousands of records builds verdicts and words only for those it reports).
import { RECORD_TAX_FIELDS, judgeRecordTaxRules, type AnyRecord, type TaxRuleJudge, type TaxRuleRecordKind } from './record-tax-rules';

// Per judge and kind, whether a record with these field values has a field at error or warning: one map level per
// field, keyed by its value (undefined when not a string), so a record costs lookups, not a key built for it.
type Verdicts = Map<string | undefined, Verdicts | boolean>;
const attentionByJudge = new WeakMap<TaxRuleJudge, Map<TaxRuleRecordKind, Verdicts>>();

const valueOf = (record: AnyRecord, field: string): string | undefined => {
  const value = (record as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
};

/**
 * Whether any of the record's fields is judged an error or a warning. A snapshot has a handful of distinct field
 * combinations among its hundreds of thousands of records: each is judged once, so the audit builds verdicts (and
 * their words) only for the records it reports.
 */
export function recordNeedsAttention(judge: TaxRuleJudge, kind: TaxRuleRecordKind, record: AnyRecord): boolean {
  let byKind = attentionByJudge.get(judge);
  if (!byKind) attentionByJudge.set(judge, (byKind = new Map()));
  let level = byKind.get(kind);
  if (!level) byKind.set(kind, (level = new Map()));
  const fields = RECORD_TAX_FIELDS[kind];
  for (let at = 0; at < fields.length - 1; at++) {
    const value = valueOf(record, (fields[at] as (typeof fields)[number]).field);
    let next = level.get(value) as Verdicts | undefined;
    if (!next) level.set(value, (next = new Map()));
    level = next;
  }
  const last = valueOf(record, (fields[fields.length - 1] as (typeof fields)[number]).field);
  let attention = level.get(last) as boolean | undefined;
  if (attention === undefined) {
    attention = judgeRecordTaxRules(judge, kind, record).fields.some((field) => field.severity === 'error' || field.severity === 'warning');
    level.set(last, attention);
  }
  return attention;
}
