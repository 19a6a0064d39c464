// One row per pair: names, open findings, the last change, the age of the data, the connection, the checklist and
// the trend, with links to the pair's report, checklist and both apps. A real table: headers, caption, aria-sort.
import { CIN7_PATHS, XERO_PATHS, cin7Url, xeroUrl } from '../../utils/audit/links';
import { NEXT_STEP_WORDS } from '../ui/next-step';
import { formatAge } from '../ui/time';
import { plural } from '../ui/audit-view';
import type { PracticeRow, SortKey } from './model';
import { Trend } from './Trend';

export interface PracticeLinks {
  report(pairId: string): string;
  checklist(pairId: string): string;
  /** The guided set-up (welcome page): the way in while there is no client. */
  setUp: string;
}

function Ages({ row, now }: { row: PracticeRow; now: Date }) {
  const mapping = formatAge(row.mappingReadAt, now);
  return (
    <details>
      <summary>{mapping ? `Mapping read ${mapping}` : NEXT_STEP_WORDS.mappingUnread}</summary>
      <ul className="mg-ages">
        {row.coverage.lists.map((list) => (
          <li key={list.key}>
            {list.label}: {formatAge(list.at, now) ?? 'never'}
          </li>
        ))}
      </ul>
    </details>
  );
}

function Change({ row, now }: { row: PracticeRow; now: Date }) {
  if (!row.change) return <>{row.history.length ? 'No change' : 'Not checked yet'}</>;
  return (
    <details>
      <summary>
        {row.change.text} <span className="mg-muted">({formatAge(row.change.at, now)})</span>
      </summary>
      <ul className="mg-changed">
        {row.change.added.map((finding) => (
          <li key={`+${finding.key}`}>New {finding.severity}: {finding.code}</li>
        ))}
        {row.change.removed.map((finding) => (
          <li key={`-${finding.key}`}>Resolved: {finding.code}</li>
        ))}
      </ul>
    </details>
  );
}

export function PracticeTable({ rows, sort, now, links, queued }: { rows: PracticeRow[]; sort: SortKey; now: Date; links: PracticeLinks; queued: ReadonlySet<string> }) {
  const sortOf = (key: SortKey) => (sort === key ? 'descending' : undefined);
  return (
    <table className="mg-practice-table">
      <caption>Every client, {sort === 'worst' ? 'worst first' : sort === 'change' ? 'newest change first' : 'by name'}</caption>
      <thead>
        <tr>
          <th scope="col" aria-sort={sort === 'name' ? 'ascending' : undefined}>Client</th>
          <th scope="col" aria-sort={sortOf('worst')}>Open</th>
          <th scope="col" aria-sort={sortOf('change')}>Last change</th>
          <th scope="col">Data</th>
          <th scope="col">Connection</th>
          <th scope="col">Checklist</th>
          <th scope="col">Trend</th>
          <th scope="col">Open in</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.pairId} data-pair={row.pairId}>
            <th scope="row">
              <span className="mg-client">{row.cin7Name}</span> ↔ <span className="mg-client">{row.xeroName}</span>
              {row.refreshing ? (
                <div className="mg-muted" role="status">{row.refreshing}</div>
              ) : (
                queued.has(row.pairId) && <div className="mg-muted">Waiting its turn to refresh</div>
              )}
            </th>
            <td className="mg-open">
              {row.audited ? (
                <>
                  {plural(row.totals.open.error, 'error')} · {plural(row.totals.open.warning, 'warning')}
                  {row.notRun > 0 && <div className="mg-muted">{plural(row.notRun, 'check')} not run</div>}
                </>
              ) : (
                'Not audited yet'
              )}
            </td>
            <td><Change row={row} now={now} /></td>
            <td><Ages row={row} now={now} /></td>
            <td>{row.problems.length ? <ul className="mg-problems">{row.problems.map((p) => <li key={p}>{p}</li>)}</ul> : 'Connected'}</td>
            <td>
              {row.checklist.done} of {row.checklist.total} done
            </td>
            <td><Trend history={row.history} /></td>
            <td>
              <ul className="mg-links">
                <li><a href={links.report(row.pairId)} target="_blank" rel="noopener noreferrer" aria-label={`Report of ${row.name}`}>Report</a></li>
                <li><a href={links.checklist(row.pairId)} target="_blank" rel="noopener noreferrer" aria-label={`Checklist of ${row.name}`}>Checklist</a></li>
                {/* The app's settings; with several organisations on one login, switch to this client there. */}
                <li><a href={cin7Url(CIN7_PATHS.settings)} target="_blank" rel="noopener noreferrer" aria-label={`Cin7 Core of ${row.name}`}>Cin7 Core</a></li>
                <li><a href={xeroUrl(XERO_PATHS.chartOfAccounts, row.xeroShortCode)} target="_blank" rel="noopener noreferrer" aria-label={`Xero chart of accounts of ${row.name}`}>Xero chart of accounts</a></li>
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
