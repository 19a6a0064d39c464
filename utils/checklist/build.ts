// Puts the checklist together for one pair: every item with its status, and the progress at a glance. Pure.
import type { FindingCode } from '../audit/types';
import { decideAuditItem, type AuditItemStatus, type DecidingCoverage, type DecidingFinding } from './decide';
import { decisionStatus, type Channel, type Decision, type DecisionItemStatus } from './decisions';
import { RULE_CODES } from './rule-codes';
import { CHECKLIST_ITEMS, type AuditItem, type ChecklistItem, type DecisionItem } from './items';

export type ChecklistRow<F extends DecidingFinding = DecidingFinding> =
  | { kind: 'audit'; item: AuditItem; status: AuditItemStatus; findings: F[]; reason?: string; done: boolean }
  | { kind: 'person'; item: DecisionItem; status: DecisionItemStatus; decision?: Decision; done: boolean };

export interface ChecklistInput<F extends DecidingFinding> {
  findings: readonly F[];
  coverage: readonly DecidingCoverage[];
  /** False until an audit has run for the pair. */
  audited: boolean;
  decisions: Readonly<Record<string, Decision>>;
  channels: readonly Channel[];
  /** The engine's rule id → the codes it produces (default: the engine's RULES), to know which unrun checks leave an item unknown. */
  ruleCodes?: Readonly<Record<string, readonly FindingCode[]>>;
}

export interface ChecklistProgress {
  done: number;
  total: number;
  failing: number;
  unknown: number;
  complete: boolean;
}

export function buildChecklist<F extends DecidingFinding>(
  input: ChecklistInput<F>,
  items: readonly ChecklistItem[] = CHECKLIST_ITEMS,
): ChecklistRow<F>[] {
  return items.map((item): ChecklistRow<F> => {
    if (item.decidedBy === 'audit') {
      const decided = decideAuditItem(item, input.findings, input.coverage, input.audited, input.ruleCodes ?? RULE_CODES);
      return { kind: 'audit', item, ...decided, done: decided.status === 'pass' };
    }
    const decision = input.decisions[item.id];
    const status = decisionStatus(item, decision, input.channels);
    return { kind: 'person', item, status, decision, done: status === 'decided' };
  });
}

export function checklistProgress(rows: readonly ChecklistRow[]): ChecklistProgress {
  const done = rows.filter((row) => row.done).length;
  const failing = rows.filter((row) => row.status === 'fail').length;
  const unknown = rows.filter((row) => row.status === 'unknown').length;
  return { done, total: rows.length, failing, unknown, complete: rows.length > 0 && done === rows.length };
}
