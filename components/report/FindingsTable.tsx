import type { StatusFinding } from '../../utils/protocol/shapes';
import { Badge } from '../ui/Badge';
import { FixLink } from '../ui/FixLink';

/** One area's findings as a table (prints well, reads well with a screen reader). */
export function FindingsTable({ caption, findings }: { caption: string; findings: readonly StatusFinding[] }) {
  return (
    <table className="mg-table mg-report-table">
      <caption className="mg-visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Severity</th>
          <th scope="col">Subject</th>
          <th scope="col">Finding</th>
          <th scope="col">Fix</th>
        </tr>
      </thead>
      <tbody>
        {findings.map((finding) => (
          <tr key={finding.key} className={finding.reviewed ? 'mg-reviewed' : undefined}>
            <td>
              <Badge tone={finding.severity} />
              {finding.reviewed && <div className="mg-muted">reviewed</div>}
            </td>
            <td>{finding.subject.label || finding.subject.key}</td>
            <td>
              {finding.message} <span className="mg-muted mg-code">{finding.code}</span>
            </td>
            <td>
              {finding.fix && <FixLink fix={finding.fix} />}
              {finding.fix && <div className="mg-print-only mg-fix-url">{finding.fix.url}</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
