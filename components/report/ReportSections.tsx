// The report's sections beside the findings: what was checked (passed, failed, could not run), when each list was
// fetched and which documents were audited, the fix plan, and the checklist decisions. Headings and tables, so a
// screen reader can move through them and they print as they read.
import type { FixPlanStep } from '../../utils/audit/fix-plan';
import type { ChecklistEntry, ReportJson } from '../../utils/audit/report-json';
import type { StatusFinding } from '../../utils/protocol/shapes';
import { Badge } from '../ui/Badge';
import { ColumnHeads } from './ColumnHeads';
import { FixLink } from '../ui/FixLink';
import { formatWhen } from './dates';
import type { CheckOutcome } from './model';
import { appName, findingsWord, listName, suggestionText } from './words';

const OUTCOME_WORD: Record<CheckOutcome['state'], string> = { passed: 'Passed', failed: 'Found problems', notRun: 'Could not run' };
const OUTCOME_TONE = { passed: 'pass', failed: 'fail', notRun: 'unknown' } as const;

export function CoverageSection({
  outcomes,
  fetched,
  documentWindow,
  locale,
}: {
  outcomes: readonly CheckOutcome[];
  fetched?: Record<string, string>;
  documentWindow?: ReportJson['documentWindow'];
  locale: string;
}) {
  const count = (state: CheckOutcome['state']) => outcomes.filter((outcome) => outcome.state === state).length;
  return (
    <section aria-labelledby="mg-coverage-title" className="mg-report-coverage">
      <h2 id="mg-coverage-title">What was checked</h2>
      <p>
        {count('passed')} checks passed, {count('failed')} found problems, {count('notRun')} could not run.
      </p>
      {outcomes.length > 0 && (
        <table className="mg-table mg-report-table">
          <caption className="mg-visually-hidden">Checks and their results</caption>
          <ColumnHeads columns={['Check', 'Result', 'Detail']} />
          <tbody>
            {outcomes.map((outcome) => (
              <tr key={outcome.check} data-check={outcome.check} data-state={outcome.state}>
                <th scope="row">{outcome.label}</th>
                <td>
                  <Badge tone={OUTCOME_TONE[outcome.state]}>{OUTCOME_WORD[outcome.state]}</Badge>
                </td>
                <td>
                  {outcome.state === 'notRun'
                    ? outcome.reason ?? 'Not run'
                    : outcome.state === 'failed'
                      ? findingsWord(outcome)
                      : 'Nothing found'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Data the audit used</h3>
      {fetched && Object.keys(fetched).length > 0 ? (
        <table className="mg-table mg-report-table mg-report-fetched">
          <caption className="mg-visually-hidden">When each list was fetched</caption>
          <ColumnHeads columns={['List', 'Fetched']} />
          <tbody>
            {Object.entries(fetched)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([key, when]) => (
                <tr key={key}>
                  <th scope="row">{listName(key)}</th>
                  <td>{formatWhen(when, locale)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      ) : (
        <p className="mg-muted">The fetch time of each list is not known for this audit.</p>
      )}
      {documentWindow ? (
        <p className="mg-report-window">
          Documents audited: {documentWindow.description} ({documentWindow.sales} sales and {documentWindow.purchases} purchases dated
          from {formatWhen(documentWindow.from, locale)}).
        </p>
      ) : (
        <p className="mg-muted mg-report-window">Sales and purchases were not audited as a batch for this report.</p>
      )}
    </section>
  );
}

export function FixPlanSection({ steps, showCodes }: { steps: readonly FixPlanStep<StatusFinding>[]; showCodes: boolean }) {
  return (
    <section aria-labelledby="mg-plan-title" className="mg-report-plan">
      <h2 id="mg-plan-title">Fix plan</h2>
      {steps.length === 0 ? (
        <p>Nothing to fix.</p>
      ) : (
        <>
          <p className="mg-muted">In this order: each step unblocks the next. Reviewed findings are left out.</p>
          <ol className="mg-plan-steps">
            {steps.map((step) => (
              <li key={step.stage} data-stage={step.stage}>
                <h3>{step.title}</h3>
                <p className="mg-muted">{step.why}</p>
                {step.groups.map((group) => (
                  <div key={group.app} className="mg-plan-group">
                    <h4>In {appName(group.app)}</h4>
                    <ul>
                      {group.fixes.map((fix) => (
                        <li key={fix.cause}>
                          <Badge tone={fix.severity} /> {fix.lead.message}
                          {fix.findings.length > 1 && <span className="mg-muted"> (also fixes {fix.findings.length - 1} more)</span>}
                          {showCodes && <span className="mg-muted mg-code"> {[...new Set(fix.findings.map((finding) => finding.code))].join(', ')}</span>}
                          {fix.lead.suggestions?.[0] && <div className="mg-suggestion">{suggestionText(fix.lead.suggestions[0])}</div>}
                          {fix.lead.fix && (
                            <div>
                              <FixLink fix={fix.lead.fix} />
                            </div>
                          )}
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

const STATUS_TONE = { decided: 'decided', partial: 'partial', open: 'open' } as const;

export function ChecklistSection({ entries, locale }: { entries: readonly ChecklistEntry[]; locale: string }) {
  return (
    <section aria-labelledby="mg-checklist-title" className="mg-report-checklist">
      <h2 id="mg-checklist-title">Checklist decisions</h2>
      <table className="mg-table mg-report-table">
        <caption className="mg-visually-hidden">Decisions recorded in the onboarding checklist</caption>
        <ColumnHeads columns={['Item', 'Status', 'Decision', 'Note']} />
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <th scope="row">{entry.title}</th>
              <td>
                <Badge tone={STATUS_TONE[entry.status]} />
                {entry.updatedAt && <div className="mg-muted">{formatWhen(entry.updatedAt, locale)}</div>}
              </td>
              <td>
                {entry.answers.length === 0
                  ? '—'
                  : entry.answers.map((answer) => (
                      <div key={`${answer.channel ?? ''}:${answer.field}`}>
                        {answer.channel ? `${answer.channel}, ` : ''}
                        {answer.field}: {answer.value}
                      </div>
                    ))}
              </td>
              <td>{entry.note || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
