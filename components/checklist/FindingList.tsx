import type { StatusFinding } from '../../utils/protocol/shapes';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { FixLink } from '../ui/FixLink';

/** The findings behind a checklist item, each with its jump-to-fix link; warnings and notes can be marked reviewed. */
export function FindingList({
  findings,
  onMarkReviewed,
}: {
  findings: readonly StatusFinding[];
  onMarkReviewed?(finding: StatusFinding, reviewed: boolean): void;
}) {
  if (findings.length === 0) return null;
  return (
    <ul className="mg-findings">
      {findings.map((finding) => (
        <li key={finding.key} className={finding.reviewed ? 'mg-finding mg-finding--reviewed' : 'mg-finding'}>
          <Badge tone={finding.severity} /> {finding.message}
          {finding.reviewed && <span className="mg-muted"> (reviewed)</span>}
          <div className="mg-finding-actions">
            {finding.fix && <FixLink fix={finding.fix} />}
            {onMarkReviewed && finding.severity !== 'error' && (
              <Button size="small" onClick={() => onMarkReviewed(finding, !finding.reviewed)}>
                {finding.reviewed ? 'Undo reviewed' : 'Mark reviewed'}
              </Button>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
