// The report's view of a pair's findings: areas, counts, what each check found, filtering and sorting. Pure. The
// health score is the engine's (utils/audit/score.ts), the same number every surface shows.
import { AREAS, areaOf, groupByArea, type Area } from '../../utils/audit/areas';
import { RULES } from '../../utils/audit/rules';
import type { CoverageEntry, FindingCode, Severity } from '../../utils/audit/types';
import type { StatusFinding } from '../../utils/protocol/shapes';

export { AREAS, areaOf, groupByArea, type Area };

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(findings: readonly Pick<StatusFinding, 'severity'>[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/** Counts per area and severity, every area present (zeros too), in AREAS order. */
export function countByArea(findings: readonly StatusFinding[]): { area: Area; counts: SeverityCounts }[] {
  return AREAS.map((area) => ({ area, counts: countBySeverity(findings.filter((finding) => areaOf(finding) === area)) }));
}

export interface ReportFilter {
  severities: readonly Severity[];
  area?: Area;
  /** Case-insensitive, matched against message, subject and code. */
  text: string;
  includeReviewed: boolean;
}

export type SortKey = 'severity' | 'area' | 'subject' | 'code';

export const DEFAULT_FILTER: ReportFilter = { severities: SEVERITIES, text: '', includeReviewed: true };

export function filterFindings<F extends StatusFinding>(findings: readonly F[], filter: ReportFilter): F[] {
  const text = filter.text.trim().toLowerCase();
  return findings.filter(
    (finding) =>
      filter.severities.includes(finding.severity) &&
      (filter.area === undefined || areaOf(finding) === filter.area) &&
      (filter.includeReviewed || !finding.reviewed) &&
      (!text ||
        [finding.message, finding.subject.label, finding.subject.key, finding.code].some((field) =>
          field.toLowerCase().includes(text),
        )),
  );
}

function compareText(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
}

/** Stable, deterministic sort: the chosen key first, then severity, subject and code as tie-breakers. */
export function sortFindings<F extends StatusFinding>(findings: readonly F[], key: SortKey, descending = false): F[] {
  const primary = (a: F, b: F): number => {
    switch (key) {
      case 'severity':
        return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
      case 'area':
        return AREAS.indexOf(areaOf(a)) - AREAS.indexOf(areaOf(b));
      case 'subject':
        return compareText(a.subject.label || a.subject.key, b.subject.label || b.subject.key);
      case 'code':
        return compareText(a.code, b.code);
    }
  };
  const tieBreak = (a: F, b: F) =>
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    compareText(a.subject.label || a.subject.key, b.subject.label || b.subject.key) ||
    compareText(a.code, b.code) ||
    compareText(a.key, b.key);
  return [...findings].sort((a, b) => (descending ? -primary(a, b) : primary(a, b)) || tieBreak(a, b));
}

export interface CheckOutcome {
  check: string;
  label: string;
  /** passed: ran and found nothing; failed: ran and found something; notRun: could not run (see reason). */
  state: 'passed' | 'failed' | 'notRun';
  reason?: string;
  findings: number;
  /** Some of its codes are also another check's: `findings` may count theirs too. */
  shared: boolean;
}

const CODES_OF_CHECK = new Map<string, readonly FindingCode[]>(RULES.map((rule) => [rule.id, rule.codes]));
const SHARED_CODES = new Set(RULES.flatMap((rule) => rule.codes).filter((code, index, all) => all.indexOf(code) !== index));

/**
 * Each coverage entry with what it found. A check counts every finding of a code it may produce (two checks share
 * a few codes), so a check is "passed" only when no finding could be its own: never claimed when in doubt.
 */
export function checkOutcomes(coverage: readonly CoverageEntry[], findings: readonly Pick<StatusFinding, 'code'>[]): CheckOutcome[] {
  return coverage.map((entry) => {
    const codes = CODES_OF_CHECK.get(entry.check) ?? [];
    const found = findings.filter((finding) => codes.includes(finding.code)).length;
    const state = !entry.ran ? 'notRun' : found > 0 ? 'failed' : 'passed';
    const shared = codes.some((code) => SHARED_CODES.has(code));
    return { check: entry.check, label: entry.label ?? entry.check, state, reason: entry.reason, findings: found, shared };
  });
}
