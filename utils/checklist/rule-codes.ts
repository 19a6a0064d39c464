// The engine's rule table as "rule id → codes it produces", so a coverage entry that did not run can be tied to the
// checklist items it would have decided.
import { RULES } from '../audit/rules';
import type { DataKey } from '../audit/context';
import type { FindingCode } from '../audit/types';

/**
 * Sales and purchases are checked one document at a time (when the user opens one), not as part of the set-up:
 * rules that run on them never leave a set-up item "not yet known".
 */
const PER_DOCUMENT_DATA: readonly DataKey[] = ['cin7.sales', 'cin7.purchases'];

function isSetUpRule(rule: (typeof RULES)[number]): boolean {
  return ![...rule.needs, ...(rule.needsAnyOf ?? [])].some((key) => PER_DOCUMENT_DATA.includes(key));
}

export const RULE_CODES: Readonly<Record<string, readonly FindingCode[]>> = Object.freeze(
  Object.fromEntries(RULES.map((rule) => [rule.id, isSetUpRule(rule) ? rule.codes : []])),
);
