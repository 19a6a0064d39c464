// Financial settings: Xero's two lock dates beside Cin7 Core's, whether they are aligned, and a count of the pair's
// Cin7 sales and purchases in a date range that Xero would refuse, with links to Cin7 Core's lists.
import { useState } from 'react';
import { CIN7_PATHS, applyLearnedPages, cin7GeneralSettingsLink, cin7Url, type LearnedPages } from '../../../utils/audit/links';
import type { LockedDocumentCount } from '../../../utils/protocol/shapes';
import { describeError } from '../../../utils/overlay/panel-state';
import type { LockComparison } from '../lock-dates';

export interface LockDateSectionProps {
  period: string | null;
  endOfYear: string | null;
  /** Shown dates the page had but we could not read. */
  unreadable: string[];
  comparison: LockComparison;
  cin7Known: boolean;
  /** Cin7 Core pages learned in this browser: General Settings' own URL once it was recognised. */
  learnedPages?: LearnedPages;
  count(range: { from?: string; to: string }): Promise<LockedDocumentCount>;
}

type CountState = { kind: 'idle' } | { kind: 'counting' } | { kind: 'done'; result: LockedDocumentCount; range: { from?: string; to: string } } | { kind: 'failed'; message: string };

const LIST_WORDS = { sales: 'sales', purchases: 'purchases' } as const;

/** A count from lists longer than the page cap is a lower bound: say so, and how far they were read. */
export function truncationNote(result: LockedDocumentCount): string {
  const lists = result.truncatedLists ?? [];
  const which = lists.length ? lists.map((name) => LIST_WORDS[name]).join(' and ') : 'documents';
  const pages = lists.map((name) => result.pagesRead?.[name]).find((read) => read !== undefined) ?? result.pageCap;
  const read = pages ? ` only the first ${pages} pages (${(pages * 1000).toLocaleString('en')} ${which})` : ` only part of the ${which}`;
  return `Partial count: Cin7 Core has more ${which} than Mapping Guard reads for a count, so it counted${read}. The real number may be higher.`;
}

const WHICH = { period: 'period lock date', endOfYear: 'end-of-year lock date' } as const;

export function LockDateSection({ period, endOfYear, unreadable, comparison, cin7Known, learnedPages, count }: LockDateSectionProps) {
  const defaultTo = comparison.xeroLater?.day ?? '';
  const [from, setFrom] = useState(comparison.refusedRange?.from ?? '');
  const [to, setTo] = useState(defaultTo);
  const [state, setState] = useState<CountState>({ kind: 'idle' });
  const settings = applyLearnedPages(cin7GeneralSettingsLink(), learnedPages ?? {});

  const run = () => {
    if (!to) return;
    const range = { ...(from ? { from } : {}), to };
    setState({ kind: 'counting' });
    count(range).then(
      (result) => setState({ kind: 'done', result, range }),
      (error: unknown) => setState({ kind: 'failed', message: describeError(error) }),
    );
  };

  return (
    <>
      <table className="mg-table">
        <tbody>
          <tr>
            <th scope="row">Xero period lock date</th>
            <td>{period ?? 'not set'}</td>
          </tr>
          <tr>
            <th scope="row">Xero end-of-year lock date</th>
            <td>{endOfYear ?? 'not set'}</td>
          </tr>
          <tr>
            <th scope="row">Cin7 Core lock date</th>
            <td>{cin7Known ? (comparison.cin7 ?? 'not set') : 'not fetched yet'}</td>
          </tr>
        </tbody>
      </table>
      {unreadable.length > 0 ? <p className="mg-muted">Could not read the date “{unreadable.join('”, “')}” on this page.</p> : null}
      {comparison.aligned ? (
        <p className="mg-ok-text">
          {comparison.xeroLater ? 'Aligned: Cin7 Core refuses what Xero would refuse.' : 'Xero has no lock date: nothing is refused for its date.'}
        </p>
      ) : cin7Known ? (
        <p className="mg-error-text">
          Not aligned: Xero refuses documents dated on or before {comparison.xeroLater?.day} (its {comparison.xeroLater ? WHICH[comparison.xeroLater.which] : ''}), but
          Cin7 Core {comparison.cin7 ? `only locks up to ${comparison.cin7}` : 'has no lock date'}, so it still accepts them and their sync fails.{' '}
          <a href={settings.url} target="_blank" rel="noopener noreferrer">
            {settings.label}
          </a>
        </p>
      ) : (
        <p className="mg-muted">Cin7 Core’s lock date is not known yet: refresh to compare.</p>
      )}
      <form
        className="mg-range"
        onSubmit={(event) => {
          event.preventDefault();
          run();
        }}
      >
        <p className="mg-muted">Count the Cin7 Core sales and purchases dated in a range (invoice date, else order date):</p>
        <label>
          From <input type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
        </label>{' '}
        <label>
          To <input type="date" value={to} required onChange={(event) => setTo(event.target.value)} />
        </label>{' '}
        <button type="submit" className="mg-button" disabled={!to || state.kind === 'counting'}>
          {state.kind === 'counting' ? 'Counting…' : 'Count'}
        </button>
      </form>
      {state.kind === 'failed' ? <p className="mg-error-text">{state.message}</p> : null}
      {state.kind === 'done' && !state.result.counted ? <p className="mg-muted">{state.result.reason}</p> : null}
      {state.kind === 'done' && state.result.counted ? (
        <p className="mg-count-result" role="status">
          {state.result.sales} sale{state.result.sales === 1 ? '' : 's'} and {state.result.purchases} purchase{state.result.purchases === 1 ? '' : 's'} dated{' '}
          {state.range.from ? `${state.range.from} to ${state.range.to}` : `on or before ${state.range.to}`}
          {comparison.xeroLater && state.range.to <= comparison.xeroLater.day ? ' would be refused by Xero.' : '.'}{' '}
          <a href={cin7Url(CIN7_PATHS.saleList)} target="_blank" rel="noopener noreferrer">
            Sales list
          </a>{' '}
          · Purchases: in Cin7 Core’s purchase list (its address is not published)
        </p>
      ) : null}
      {state.kind === 'done' && state.result.counted && state.result.truncated ? <p className="mg-error-text">{truncationNote(state.result)}</p> : null}
    </>
  );
}
