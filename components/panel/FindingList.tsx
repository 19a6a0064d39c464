// The findings the panel lists, worst first, each with its fix jump. All text from APIs renders as React text.
import type { StatusFinding } from '../../utils/protocol/shapes';
import { mapToText } from '../../utils/audit/suggestions';
import { FixLink } from '../ui/FixLink';

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;
const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

/** Unreviewed findings first, then by severity; stable otherwise (the engine's order is deterministic). */
export function topFindings(findings: readonly StatusFinding[], limit: number): StatusFinding[] {
  return [...findings]
    .map((finding, index) => ({ finding, index }))
    .sort(
      (a, b) =>
        Number(a.finding.reviewed) - Number(b.finding.reviewed) ||
        SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity] ||
        a.index - b.index,
    )
    .slice(0, limit)
    .map(({ finding }) => finding);
}

export function FindingList({
  findings,
  currentApp,
  emptyText,
}: {
  findings: readonly StatusFinding[];
  currentApp: 'cin7' | 'xero';
  emptyText?: string;
}) {
  if (findings.length === 0) return emptyText ? <p className="mg-muted">{emptyText}</p> : null;
  return (
    <ul className="mg-findings">
      {findings.map((finding) => (
        <li key={finding.key} className={`mg-finding mg-${finding.severity}${finding.reviewed ? ' mg-reviewed' : ''}`}>
          <span className="mg-severity">{SEVERITY_LABEL[finding.severity]}</span>
          <span className="mg-message">{finding.message}</span>
          {finding.suggestions?.[0] ? (
            // The answer, not just the problem: the best account that passes every rule for the role.
            <span className="mg-suggestion" title={finding.suggestions[0].reason}>
              {mapToText(finding.suggestions[0])}
            </span>
          ) : null}
          {finding.fix ? <FixLink fix={finding.fix} currentApp={currentApp} className="mg-fix" /> : null}
        </li>
      ))}
    </ul>
  );
}
