import { useEffect, useMemo, useState } from 'react';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import type { MappingGuardClient } from '../ui/client';
import { useStatus } from '../ui/use-status';
import { exportFileName, findingsToCsv, findingsToMarkdown } from './export';
import { FindingsTable } from './FindingsTable';
import {
  countByArea,
  countBySeverity,
  DEFAULT_FILTER,
  filterFindings,
  groupByArea,
  healthLabel,
  healthScore,
  sortFindings,
  type ReportFilter,
  type SortKey,
} from './model';
import { ReportControls } from './ReportControls';
import { SeverityChart } from './SeverityChart';

export interface ReportPageProps {
  client: MappingGuardClient;
  pairId?: string;
  now(): Date;
  /** Hands a file to the user (the page uses a download link; tests capture it). */
  download(fileName: string, mimeType: string, content: string): void;
  print(): void;
}

/** The full health report of a pair: what a partner hands to a client after a health check. */
export function ReportPage({ client, pairId, now, download, print }: ReportPageProps) {
  const { status, error, loading } = useStatus(client, { pairId });
  const [filter, setFilter] = useState<ReportFilter>(DEFAULT_FILTER);
  const [sort, setSort] = useState<SortKey>('severity');
  const pairName = status?.pairName ?? 'Cin7 Core ↔ Xero';

  useEffect(() => {
    document.title = `Mapping Guard report: ${pairName}`;
  }, [pairName]);

  const all = useMemo(() => status?.findings ?? [], [status]);
  const shown = useMemo(() => sortFindings(filterFindings(all, filter), sort), [all, filter, sort]);
  // Grouped by area in area order when sorting by area; otherwise one group per area keeps the chosen order inside.
  const groups = groupByArea(shown);
  const counts = countBySeverity(all);
  const score = healthScore(all);

  const exportAs = (kind: 'csv' | 'md') => {
    const generatedAt = now().toISOString();
    const meta = { pairName, generatedAt, fetchedAt: status?.fetchedAt };
    if (kind === 'csv') download(exportFileName(pairName, generatedAt, 'csv'), 'text/csv;charset=utf-8', findingsToCsv(shown));
    else download(exportFileName(pairName, generatedAt, 'md'), 'text/markdown;charset=utf-8', findingsToMarkdown(shown, meta));
  };

  return (
    <main className="mg-report">
      <header>
        <h1>Integration health report</h1>
        <p className="mg-report-pair">{pairName}</p>
        {status?.fetchedAt && <p className="mg-muted">Data fetched {new Date(status.fetchedAt).toLocaleString()}</p>}
      </header>
      {loading && <p>Loading findings…</p>}
      {error && <p role="alert" className="mg-error-text">{error}</p>}
      {status && status.summary === undefined && <p>No audit has run for this pair yet. Run one from the popup.</p>}
      {status?.summary !== undefined && (
        <>
          <section aria-labelledby="mg-summary-title" className="mg-report-summary">
            <h2 id="mg-summary-title">Summary</h2>
            <p className="mg-score">
              Health score <strong>{score}</strong>/100: {healthLabel(score)}
            </p>
            <ul className="mg-counts">
              <li>
                <Badge tone="error" /> {counts.error}
              </li>
              <li>
                <Badge tone="warning" /> {counts.warning}
              </li>
              <li>
                <Badge tone="info" /> {counts.info}
              </li>
            </ul>
            <SeverityChart data={countByArea(all)} title="Findings by area and severity" />
          </section>
          <section aria-labelledby="mg-findings-title">
            <h2 id="mg-findings-title">Findings</h2>
            <ReportControls filter={filter} onFilter={setFilter} sort={sort} onSort={setSort} />
            <div className="mg-report-actions mg-no-print">
              <Button onClick={() => exportAs('csv')}>Export CSV</Button>
              <Button onClick={() => exportAs('md')}>Export Markdown</Button>
              <Button onClick={print}>Print or save as PDF</Button>
            </div>
            <p role="status" className="mg-muted">
              Showing {shown.length} of {all.length} findings.
            </p>
            {all.length === 0 && <p>No findings: nothing to fix.</p>}
            {groups.map((group) => (
              <section key={group.area} aria-labelledby={`area-${group.area}`} className="mg-report-area">
                <h3 id={`area-${group.area}`}>
                  {group.area} <span className="mg-muted">({group.findings.length})</span>
                </h3>
                <FindingsTable caption={group.area} findings={group.findings} />
              </section>
            ))}
          </section>
        </>
      )}
    </main>
  );
}
