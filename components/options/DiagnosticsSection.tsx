import { useEffect, useState } from 'react';
import { errorText, type Diagnostics, type MappingGuardClient } from '../ui/client';
import { useStatus } from '../ui/use-status';
import { Section } from './Section';

function when(iso: string | undefined): string {
  return iso ? new Date(iso).toLocaleString() : 'never';
}

/**
 * What support needs: when each source was last read, what the page readers saw, API limits left, and the last
 * errors in words: `getDiagnostics` where it answers, the pair's status otherwise.
 */
export function DiagnosticsSection({ client, pairId }: { client: MappingGuardClient; pairId?: string }) {
  const { status, error } = useStatus(client, { pairId });
  const [diagnostics, setDiagnostics] = useState<Diagnostics>();
  const [diagnosticsError, setDiagnosticsError] = useState<string>();
  useEffect(() => {
    client.getDiagnostics({ pairId }).then(setDiagnostics, (failure: unknown) => setDiagnosticsError(errorText(failure)));
  }, [client, pairId]);

  const skipped = status?.coverage.filter((entry) => !entry.ran) ?? [];
  const limits = status?.xeroLimits;
  return (
    <Section id="mg-diagnostics" title="Diagnostics">
      {error && <p className="mg-error-text">{error}</p>}
      <h3>Page readers</h3>
      <ul>
        {!diagnostics?.readers.length && <li>Cin7 Core Account Mapping page: last read {when(status?.mappingReadAt)}</li>}
        {diagnostics?.readers.map((reader) => (
          <li key={`${reader.reader}-${reader.lastRunAt ?? ''}`}>
            {reader.reader}: {reader.outcome} ({when(reader.lastRunAt)})
          </li>
        ))}
      </ul>
      <h3>API data</h3>
      <ul>
        <li>Data fetched {when(status?.fetchedAt)}</li>
        {!diagnostics?.limits.length && (
          <li>
            Xero calls left:{' '}
            {limits?.minuteRemaining !== undefined || limits?.dayRemaining !== undefined
              ? `${limits.minuteRemaining ?? '?'} this minute, ${limits.dayRemaining ?? '?'} today`
              : 'not known yet'}
          </li>
        )}
        {diagnostics?.limits.map((limit) => (
          <li key={limit.api}>
            {limit.api}: {limit.remaining}
          </li>
        ))}
      </ul>
      <h3>Checks that could not run</h3>
      {skipped.length === 0 ? (
        <p className="mg-muted">{status?.summary ? 'Every check ran.' : 'No audit has run yet.'}</p>
      ) : (
        <ul>
          {skipped.map((entry) => (
            <li key={entry.check}>
              {entry.check}: {entry.reason ?? 'no reason given'}
            </li>
          ))}
        </ul>
      )}
      <h3>Last errors</h3>
      {!status?.lastError && !diagnostics?.errors.length ? (
        <p className="mg-muted">No errors.</p>
      ) : (
        <ul>
          {status?.lastError && (
            <li>
              {status.lastError.message}
              {status.lastError.detail && <div className="mg-muted">Detail: {status.lastError.detail}</div>}
            </li>
          )}
          {diagnostics?.errors.map((entry, index) => (
            <li key={`${entry.at ?? ''}-${index}`}>
              {entry.at && `${when(entry.at)}: `}
              {entry.message}
              {entry.detail && <div className="mg-muted">Detail: {entry.detail}</div>}
            </li>
          ))}
        </ul>
      )}
      {diagnosticsError && <p className="mg-muted">Reader details unavailable: {diagnosticsError}</p>}
    </Section>
  );
}
