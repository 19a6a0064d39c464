import { useState } from 'react';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { errorText, type MappingGuardClient } from '../ui/client';
import { useStatus } from '../ui/use-status';
import { Section } from './Section';

/** Findings the user marked reviewed (accepted), with a way to take that back. */
export function ReviewedFindingsSection({ client, pairId }: { client: MappingGuardClient; pairId?: string }) {
  const { status, error, reload } = useStatus(client, { pairId });
  const [message, setMessage] = useState<string>();
  const reviewed = status?.findings.filter((finding) => finding.reviewed) ?? [];
  return (
    <Section id="mg-reviewed" title="Reviewed findings">
      {error && <p className="mg-error-text">{error}</p>}
      {status && reviewed.length === 0 && <p className="mg-muted">No finding is marked reviewed.</p>}
      {reviewed.length > 0 && (
        <ul>
          {reviewed.map((finding) => (
            <li key={finding.key}>
              <Badge tone={finding.severity} /> {finding.message}{' '}
              <Button
                size="small"
                onClick={() =>
                  client
                    .markReviewed({ findingKey: finding.key, reviewed: false, pairId: status?.pairId })
                    .then(reload, (failure: unknown) => setMessage(errorText(failure)))
                }
              >
                Undo reviewed<span className="mg-visually-hidden">: {finding.subject.label}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      <p role="status" className="mg-muted">
        {message}
      </p>
    </Section>
  );
}
