// The engine's rule table as "rule id → codes it produces", so a coverage entry that did not run can be tied to the
// checklist items it would have decided.
import { RULES } from '../audit/rules';
import type { FindingCode } from '../audit/types';

export const RULE_CODES: Readonly<Record<string, readonly FindingCode[]>> = Object.freeze(
  Object.fromEntries(RULES.map((rule) => [rule.id, rule.codes])),
);
