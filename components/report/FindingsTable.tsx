import type { StatusFinding } from '../../utils/protocol/shapes';
import { Badge } from '../ui/Badge';
import { ColumnHeads } from './ColumnHeads';
import { FixLink } from '../ui/FixLink';
import { safeSourceUrl, suggestionText } from './words';

/** Where the advice comes from: a link to the help article when its URL is safe, else its name. */
function SourceNote({ source }: { source: NonNullable<StatusFinding['source']> }) {
  const url = safeSourceUrl(source.url);
  return (
    <div className="mg-muted mg-source">
      Source:{' '}
      {url ? (
        <a href={url} target="_blank" rel="noopener noreferrer">
          {source.label}
        </a>
      ) : (
        source.label
      )}
    </div>
  );
}

/** One area's findings as a table (prints well, reads well with a screen reader). */
export function FindingsTable({ caption, findings, showCodes = true }: { caption: string; findings: readonly StatusFinding[]; showCodes?: boolean }) {
  return (
    <table className="mg-table mg-report-table">
      <caption className="mg-visually-hidden">{caption}</caption>
      <ColumnHeads columns={['Severity', 'Subject', 'Finding', 'Fix']} />
      <tbody>
        {findings.map((finding) => (
          <tr key={finding.key} className={finding.reviewed ? 'mg-reviewed' : undefined}>
            <td>
              <Badge tone={finding.severity} />
              {finding.reviewed && <div className="mg-muted">reviewed</div>}
            </td>
            <td>{finding.subject.label || finding.subject.key}</td>
            <td>
              {finding.message} {showCodes && <span className="mg-muted mg-code">{finding.code}</span>}
              {finding.source && <SourceNote source={finding.source} />}
            </td>
            <td>
              {finding.suggestions?.[0] && (
                <div className="mg-suggestion" title={finding.suggestions[0].reason}>
                  {suggestionText(finding.suggestions[0])}
                  <span className="mg-visually-hidden">: {finding.suggestions[0].reason}</span>
                </div>
              )}
              {finding.fix && <FixLink fix={finding.fix} />}
              {finding.fix && <div className="mg-print-only mg-fix-url">{finding.fix.url}</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
