// The audit at a glance for the popup and the panel (issue #14): open findings by severity with the reviewed ones
// apart, the health score (none until the mapping is read, with the way to read it), and the coverage — which checks
// ran, which could not and why, when each list was fetched, and which documents were audited. The panel shows the
// coverage as a closed disclosure; the popup shows it open, with each list's date and the checks that ran.
import { useState, type ReactNode } from 'react';
import type { Status } from '../../utils/protocol/shapes';
import { auditTotals, checkName, coverageView, openText, plural, reviewedText, scoreView, type CoverageView } from './audit-view';
import { NEXT_STEP_WORDS } from './next-step';
import { formatAge } from './time';

export interface AuditOverviewProps {
  status: Pick<Status, 'summary' | 'findings' | 'mappingReadAt' | 'coverage' | 'fetched' | 'fetchedAt' | 'documentWindow'>;
  /** The jump to Cin7 Core's Account Mapping page, shown while the mapping is unread. */
  mappingLink: ReactNode;
  variant: 'compact' | 'full';
  now: Date;
}

export function AuditOverview({ status, mappingLink, variant, now }: AuditOverviewProps) {
  const totals = auditTotals(status.findings);
  const score = scoreView(status);
  // No audit yet: no totals and no score (an empty list would read as a clean bill); the mapping jump still shows.
  const audited = status.summary !== undefined;
  return (
    <div className="mg-audit">
      <p className="mg-summary mg-audit-open">{audited ? openText(totals) : 'Not audited yet.'}</p>
      {audited ? <p className="mg-muted mg-audit-total">{reviewedText(totals)}</p> : null}
      {score.needsMapping ? (
        <div className="mg-state mg-mapping-unknown">
          <p className="mg-score">Health score: {score.label}.</p>
          <p>{NEXT_STEP_WORDS.mappingUnread}</p>
          {mappingLink}
        </div>
      ) : audited ? (
        <p className="mg-score">
          Health score <strong>{score.score}</strong>/100: {score.label}
        </p>
      ) : null}
      {audited ? <Coverage view={coverageView(status)} variant={variant} now={now} /> : null}
    </div>
  );
}

function when(at: string, now: Date, variant: AuditOverviewProps['variant']): string {
  const age = formatAge(at, now) ?? 'at an unknown time';
  if (variant === 'compact') return age;
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? age : `${age} (${date.toLocaleString()})`;
}

function Coverage({ view, variant, now }: { view: CoverageView; variant: AuditOverviewProps['variant']; now: Date }) {
  const total = view.ran.length + view.notRun.length;
  const couldNot = view.notRun.length ? `, ${view.notRun.length} could not` : '';
  const headline = total ? `Checks: ${view.ran.length} of ${total} ran${couldNot}` : 'Checks: none ran yet';
  const notRun =
    view.notRun.length > 0 ? (
      <>
        <p className="mg-coverage-title">Could not run:</p>
        <ul className="mg-coverage-list">
          {view.notRun.map((entry) => (
            <li key={entry.check}>
              {checkName(entry)}: {entry.reason ?? 'no reason given'}
            </li>
          ))}
        </ul>
      </>
    ) : total ? (
      <p>Every check ran.</p>
    ) : null;
  const data = (
    <>
      <p className="mg-coverage-title">Data fetched:</p>
      {view.lists.length ? (
        <ul className="mg-coverage-list">
          {view.lists.map((list) => (
            <li key={list.key}>
              {list.label}: {when(list.at, now, variant)}
            </li>
          ))}
        </ul>
      ) : (
        <p>Not fetched yet.</p>
      )}
      <p className="mg-coverage-title">Sales and purchases audited:</p>
      <p>
        {view.window
          ? `${view.window.description} (${plural(view.window.sales, 'sale')}, ${plural(view.window.purchases, 'purchase')})`
          : 'None in this audit: no document window reported.'}
      </p>
    </>
  );
  const ranList = (
    <ul className="mg-coverage-list">
      {view.ran.map((entry) => (
        <li key={entry.check}>{checkName(entry)}</li>
      ))}
    </ul>
  );
  // The panel: one closed disclosure. The popup: what could not run in plain sight, the rest one click away.
  if (variant === 'compact') {
    return (
      <Disclosure summary={headline}>
        {notRun}
        {view.ran.length > 0 ? <p>Ran: {view.ran.map(checkName).join(', ')}.</p> : null}
        {data}
      </Disclosure>
    );
  }
  return (
    <div className="mg-coverage">
      <p className="mg-coverage-headline">{headline}</p>
      {notRun}
      {view.ran.length > 0 ? (
        <details className="mg-coverage-more">
          <summary>{plural(view.ran.length, 'check')} that ran</summary>
          {ranList}
        </details>
      ) : null}
      <details className="mg-coverage-more">
        <summary>When each list was fetched; documents audited</summary>
        {data}
      </details>
    </div>
  );
}

/** A native disclosure (keyboard and screen readers for free) whose body is built only while it is open. */
function Disclosure({ summary, children }: { summary: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="mg-coverage" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{summary}</summary>
      {open ? children : null}
    </details>
  );
}
