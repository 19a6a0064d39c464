import { useCallback, useEffect, useMemo, useState } from 'react';
import { fixPlan } from '../../utils/audit/fix-plan';
import { buildReportJson, formatReportJson, type ReportJson } from '../../utils/audit/report-json';
import { healthLabel } from '../../utils/audit/score';
import type { Pair, Status } from '../../utils/protocol/shapes';
import { emptyPairChecklist } from '../../utils/store/checklist-schema';
import type { ChecklistStore } from '../../utils/store/checklist';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import type { MappingGuardClient } from '../ui/client';
import { useStatus } from '../ui/use-status';
import { checklistEntries } from './checklist-entries';
import { formatWhen, reportLocale } from './dates';
import { exportFileName, reportToCsv } from './export';
import { findingsToMarkdown } from './export-markdown';
import { FindingsTable } from './FindingsTable';
import { checkOutcomes, countByArea, countBySeverity, DEFAULT_FILTER, filterFindings, groupByArea, sortFindings, type ReportFilter, type SortKey } from './model';
import { ReportControls } from './ReportControls';
import { ReportNextSteps } from './ReportNextSteps';
import { ChecklistSection, CoverageSection, FixPlanSection } from './ReportSections';
import type { CheckEntry } from '../../utils/practice/changes';
import { HistorySection } from './HistorySection';
import { SeverityChart } from './SeverityChart';
import { usePairChecklist, useRemembered } from './hooks';

export interface ReportPageProps {
  client: MappingGuardClient;
  pairId?: string;
  now(): Date;
  /** Hands a file to the user (the page uses a download link; tests capture it). */
  download(fileName: string, mimeType: string, content: string): void;
  print(): void;
  /** The checklist store the popup uses (its decisions and notes join the report); none: no checklist section. */
  checklist?: ChecklistStore;
  /** The browser's preferred locales (dates fall back to them when the organisation's country is unknown). */
  browserLocales?: readonly string[];
  /** The pair's history of checks (issue #18); none: no history section. */
  history?: (pairId: string) => Promise<CheckEntry[]>;
}

/** The JSON export of what the page shows: the whole audit (whatever the filter) plus what only the extension knows. */
function statusReport(status: Status | undefined, pair: Pair | undefined, checklist: ReportJson['checklist'], generatedAt?: string): ReportJson {
  return buildReportJson({
    findings: status?.findings ?? [],
    coverage: status?.coverage ?? [],
    mappingRead: status?.mappingReadAt !== undefined,
    organisations: {
      cin7: pair?.cin7Company ?? null,
      xero: pair?.xeroTenantName ?? null,
      ...(status?.xeroCountryCode ? { xeroCountryCode: status.xeroCountryCode } : {}),
    },
    extension: { generatedAt, fetched: status?.fetched, documentWindow: status?.documentWindow, checklist },
  });
}

/** The pair's two organisations by name, from the pair list (the status carries only the pair's name). */
function usePair(client: MappingGuardClient, pairId: string | undefined): Pair | undefined {
  const [pair, setPair] = useState<Pair>();
  useEffect(() => {
    let current = true;
    client.listPairs().then(
      ({ pairs }) => current && setPair(pairs.find((candidate) => candidate.id === pairId)),
      () => undefined, // names are a nicety: the report stands without them
    );
    return () => {
      current = false;
    };
  }, [client, pairId]);
  return pair;
}

/** The full health report of a pair: what a partner hands to a client after a health check. */
export function ReportPage({ client, pairId, now, download, print, checklist, browserLocales = [], history }: ReportPageProps) {
  const { status, error, loading } = useStatus(client, { pairId });
  const statusPairId = status?.pairId;
  const loadHistory = useCallback(async () => (history && statusPairId ? history(statusPairId) : []), [history, statusPairId]);
  const [filter, setFilter] = useState<ReportFilter>(DEFAULT_FILTER);
  const [sort, setSort] = useState<SortKey>('severity');
  const [showCodes, setShowCodes] = useRemembered('mappingGuard.report.showCodes', true);
  const pairName = status?.pairName ?? 'Cin7 Core ↔ Xero';
  const pair = usePair(client, status?.pairId);
  const pairChecklist = usePairChecklist(checklist, status?.pairId);
  const locale = reportLocale(status?.xeroCountryCode, browserLocales);

  useEffect(() => {
    document.title = `Mapping Guard report: ${pairName}`;
  }, [pairName]);

  const all = useMemo(() => status?.findings ?? [], [status]);
  const shown = useMemo(() => sortFindings(filterFindings(all, filter), sort), [all, filter, sort]);
  // Grouped by area in area order when sorting by area; otherwise one group per area keeps the chosen order inside.
  const groups = groupByArea(shown);
  const counts = countBySeverity(all);
  const entries = useMemo(() => (checklist ? checklistEntries(pairChecklist ?? emptyPairChecklist()) : undefined), [checklist, pairChecklist]);
  const report = useMemo(() => statusReport(status, pair, entries), [status, pair, entries]);
  const { organisations } = report;
  const outcomes = checkOutcomes(report.coverage, all);
  const steps = useMemo(() => fixPlan(all), [all]);

  const exportAs = (kind: 'csv' | 'md' | 'json') => {
    const generatedAt = now().toISOString();
    const full = statusReport(status, pair, entries, generatedAt);
    const meta = { pairName, generatedAt, locale, report: full, showCodes };
    const name = exportFileName(pairName, generatedAt, kind);
    if (kind === 'csv') download(name, 'text/csv;charset=utf-8', reportToCsv(shown, meta));
    else if (kind === 'md') download(name, 'text/markdown;charset=utf-8', findingsToMarkdown(shown, meta));
    // The JSON is the whole audit, whatever the filter: the same shape and findings as `npm run audit -- --format json`.
    else download(name, 'application/json;charset=utf-8', formatReportJson(full));
  };

  return (
    <main className="mg-report">
      <header>
        <h1>Integration health report</h1>
        <p className="mg-report-pair">{pairName}</p>
        <dl className="mg-report-sides">
          <div>
            <dt>Cin7 Core</dt>
            <dd>{organisations.cin7 ?? 'Organisation name not known'}</dd>
          </div>
          <div>
            <dt>Xero</dt>
            <dd>{organisations.xero ?? 'Organisation name not known'}</dd>
          </div>
        </dl>
        {status?.fetchedAt && <p className="mg-muted">Data fetched {formatWhen(status.fetchedAt, locale)}</p>}
      </header>
      {loading && <p>Loading findings…</p>}
      {error && <p role="alert" className="mg-error-text">{error}</p>}
      {status && <ReportNextSteps status={status} />}
      {status?.pairId && status.summary === undefined && <p>No audit has run for this pair yet. Run one from the popup.</p>}
      {status?.summary !== undefined && (
        <>
          <section aria-labelledby="mg-summary-title" className="mg-report-summary">
            <h2 id="mg-summary-title">Summary</h2>
            <p className="mg-score">
              {report.score === null ? (
                <>Health score: {healthLabel(null)}</>
              ) : (
                <>
                  Health score <strong>{report.score}</strong>/100: {healthLabel(report.score)}
                </>
              )}
            </p>
            <p className="mg-muted">Each thing to fix counts once; reviewed findings do not count.</p>
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
          <CoverageSection outcomes={outcomes} fetched={status.fetched} documentWindow={status.documentWindow} locale={locale} />
          <FixPlanSection steps={steps} showCodes={showCodes} />
          <section aria-labelledby="mg-findings-title">
            <h2 id="mg-findings-title">Findings</h2>
            <ReportControls filter={filter} onFilter={setFilter} sort={sort} onSort={setSort} />
            <div className="mg-report-actions mg-no-print">
              <label>
                <input type="checkbox" checked={showCodes} onChange={(event) => setShowCodes(event.target.checked)} /> Show codes
              </label>
              <Button onClick={() => exportAs('csv')}>Export CSV</Button>
              <Button onClick={() => exportAs('md')}>Export Markdown</Button>
              <Button onClick={() => exportAs('json')}>Export JSON</Button>
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
                <FindingsTable caption={group.area} findings={group.findings} showCodes={showCodes} />
              </section>
            ))}
          </section>
          {entries && <ChecklistSection entries={entries} locale={locale} />}
          {history && status.pairId && <HistorySection load={loadHistory} locale={locale} />}
        </>
      )}
    </main>
  );
}
