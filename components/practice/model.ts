// The practice page's rows (issue #18), built from each pair's status with the popup's own totals and coverage
// (components/ui/audit-view.ts) so a number here is the number the popup and the report show. Pure.
import { buildChecklist, checklistProgress, type ChecklistProgress } from '../../utils/checklist/build';
import { changeText, lastChange, type CheckEntry } from '../../utils/practice/changes';
import type { ChecklistStateV2 } from '../../utils/store/checklist-schema';
import type { Pair, Status } from '../../utils/protocol/shapes';
import { connectionStep, NEXT_STEP_WORDS } from '../ui/next-step';
import { auditTotals, coverageView, type AuditTotals, type CoverageView } from '../ui/audit-view';

export interface PracticeInput {
  pair: Pair;
  status: Status;
  history: CheckEntry[];
}

export interface PracticeRow {
  pairId: string;
  name: string;
  cin7Name: string;
  xeroName: string;
  xeroShortCode?: string;
  audited: boolean;
  totals: AuditTotals;
  notRun: number;
  coverage: CoverageView;
  mappingReadAt?: string;
  /** The last check that changed something, and what ("2 new errors (…); 1 resolved"). */
  change?: { at: string; text: string; added: CheckEntry['added']; removed: CheckEntry['removed'] };
  /** Connection problems in words; empty when both sides are fine. */
  problems: string[];
  refreshing?: string;
  checklist: ChecklistProgress;
  history: CheckEntry[];
}

function connectionProblems(pairId: string, status: Status): string[] {
  const problems: string[] = [];
  const step = connectionStep({ ...status, pairId }); // a row is a pair, whatever its status names
  if (step?.kind === 'connect') problems.push(step.text, ...(step.detail ? [step.detail] : []));
  if (status.lastError && !problems.includes(status.lastError.message)) problems.push(`${NEXT_STEP_WORDS.refreshFailed} ${status.lastError.message}`);
  const { minuteRemaining, dayRemaining } = status.xeroLimits ?? {};
  if (dayRemaining === 0) problems.push('Xero’s daily API limit for this organisation is used up until tomorrow.');
  else if (minuteRemaining === 0) problems.push('Waiting for Xero’s per-minute API limit.');
  return problems;
}

export function practiceRow({ pair, status, history }: PracticeInput, checklists: ChecklistStateV2): PracticeRow {
  const decisions = checklists.pairs[pair.id];
  const rows = buildChecklist({
    findings: status.findings,
    coverage: status.coverage,
    audited: status.summary !== undefined,
    decisions: decisions?.decisions ?? {},
    channels: decisions?.channels ?? [{ id: 'all', name: 'All channels' }],
  });
  const changed = lastChange(history);
  const coverage = coverageView(status);
  return {
    pairId: pair.id,
    name: pair.name,
    cin7Name: pair.cin7Company ?? 'Cin7 Core',
    xeroName: pair.xeroTenantName ?? 'Xero',
    ...(pair.xeroShortCode ? { xeroShortCode: pair.xeroShortCode } : {}),
    audited: status.summary !== undefined,
    totals: auditTotals(status.findings),
    notRun: coverage.notRun.length,
    coverage,
    ...(status.mappingReadAt ? { mappingReadAt: status.mappingReadAt } : {}),
    ...(changed ? { change: { at: changed.at, text: changeText(changed) ?? '', added: changed.added, removed: changed.removed } } : {}),
    problems: connectionProblems(pair.id, status),
    ...(status.refreshing ? { refreshing: status.refreshing.message || 'Refreshing…' } : {}),
    checklist: checklistProgress(rows),
    history,
  };
}

export type SortKey = 'worst' | 'change' | 'name';

/** Worst first: connection problems, then open errors, warnings, checks not run; a pair never audited counts as bad. */
function badness(row: PracticeRow): number[] {
  return [row.problems.length ? 1 : 0, row.audited ? 0 : 1, row.totals.open.error, row.totals.open.warning, row.notRun];
}

export function sortRows(rows: readonly PracticeRow[], key: SortKey): PracticeRow[] {
  const byName = (a: PracticeRow, b: PracticeRow) => a.name.localeCompare(b.name, 'en');
  const sorted = [...rows];
  if (key === 'name') return sorted.sort(byName);
  if (key === 'change') return sorted.sort((a, b) => (b.change?.at ?? '').localeCompare(a.change?.at ?? '') || byName(a, b));
  return sorted.sort((a, b) => {
    const [x, y] = [badness(a), badness(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (y[i] ?? 0) - (x[i] ?? 0);
    return byName(a, b);
  });
}

export type FilterKey = 'all' | 'errors' | 'changed' | 'connection';

/** Rows whose names contain `text` (any case) and that match the chosen filter. */
export function filterRows(rows: readonly PracticeRow[], text: string, filter: FilterKey): PracticeRow[] {
  const needle = text.trim().toLowerCase();
  return rows.filter((row) => {
    if (needle && !`${row.name} ${row.cin7Name} ${row.xeroName}`.toLowerCase().includes(needle)) return false;
    if (filter === 'errors') return row.totals.open.error > 0;
    if (filter === 'changed') return Boolean(row.change?.added.length);
    if (filter === 'connection') return row.problems.length > 0;
    return true;
  });
}
