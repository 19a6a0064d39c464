// The practice view (practice.html, issue #18): every client's health on one page, "refresh all" with its progress,
// sorting and filtering, and the practice file. Re-read whenever the background says a status changed.
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { ActionResult } from '../../utils/protocol/actions';
import type { ClientOf } from '../../utils/protocol/client';
import type { onStatusChanged } from '../../utils/protocol/client';
import type { ChecklistStateV2 } from '../../utils/store/checklist-schema';
import { Button } from '../ui/Button';
import { errorText } from '../ui/client';
import { NEXT_STEP_WORDS } from '../ui/next-step';
import { filterRows, practiceRow, sortRows, type FilterKey, type SortKey } from './model';
import { PracticeFile } from './PracticeFile';
import { PracticeTable, type PracticeLinks } from './PracticeTable';

export type PracticeClient = ClientOf<'getPractice' | 'refreshAll' | 'exportPractice' | 'importPractice'> & {
  onStatusChanged: typeof onStatusChanged;
};

export interface PracticePageProps {
  client: PracticeClient;
  /** Every pair's checklist (read only) and a way to hear of changes to it. */
  checklists: { read(): Promise<ChecklistStateV2>; watch(onChange: () => void): () => void };
  links: PracticeLinks;
  now: () => Date;
  download: (name: string, type: string, content: string) => void;
}

type Practice = ActionResult<'getPractice'>;

/** Progress updates come many times a second during a refresh: re-read at most this often. */
const RELOAD_MS = 500;

function RunProgress({ run, total }: { run: NonNullable<Practice['run']>; total: number }) {
  if (run.finishedAt) {
    const skipped = run.skipped.length ? `, ${run.skipped.length} skipped (not connected)` : '';
    const reasons = [...new Set(Object.values(run.skipReasons ?? {}))];
    return (
      <div role="status">
        <p>Last refresh of all clients: {run.done.length} refreshed{skipped}.</p>
        {reasons.length > 0 && (
          <ul aria-label="Why clients were skipped">
            {reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  const count = run.done.length + run.pending.length + run.skipped.length;
  return (
    <p role="status">
      <label>
        Refreshing clients: {run.done.length} of {count} done{' '}
        <progress max={Math.max(count, 1)} value={run.done.length} aria-valuetext={`${run.done.length} of ${count} of ${total} clients refreshed`} />
      </label>
    </p>
  );
}

export function PracticePage({ client, checklists, links, now, download }: PracticePageProps) {
  const id = useId();
  const [practice, setPractice] = useState<Practice>();
  const [decisions, setDecisions] = useState<ChecklistStateV2>({ pairs: {} });
  const [error, setError] = useState<string>();
  const [sort, setSort] = useState<SortKey>('worst');
  const [filter, setFilter] = useState<FilterKey>('all');
  const [text, setText] = useState('');

  const load = useCallback(() => {
    client.getPractice().then(
      (next) => {
        setPractice(next);
        setError(undefined);
      },
      (failure: unknown) => setError(errorText(failure)),
    );
    checklists.read().then(setDecisions, () => undefined);
  }, [client, checklists]);

  useEffect(() => {
    load();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        load();
      }, RELOAD_MS);
    };
    const stopStatus = client.onStatusChanged(later);
    const stopChecklist = checklists.watch(later);
    return () => {
      stopStatus();
      stopChecklist();
      if (timer) clearTimeout(timer);
    };
  }, [client, checklists, load]);

  const rows = useMemo(() => (practice?.rows ?? []).map((row) => practiceRow(row, decisions)), [practice, decisions]);
  const shown = filterRows(sortRows(rows, sort), text, filter);
  const refreshAll = () => void client.refreshAll({}).then(load, (failure: unknown) => setError(errorText(failure)));

  return (
    <main className="mg-practice">
      <h1>All clients</h1>
      {error && <p className="mg-error" role="alert">{error}</p>}
      <div className="mg-practice-controls">
        <Button onClick={refreshAll} disabled={!rows.length || Boolean(practice?.run && !practice.run.finishedAt)}>
          Refresh all
        </Button>
        <label htmlFor={`${id}-sort`}>Sort</label>
        <select id={`${id}-sort`} value={sort} onChange={(event) => setSort(event.target.value as SortKey)}>
          <option value="worst">Worst first</option>
          <option value="change">Newest change first</option>
          <option value="name">By name</option>
        </select>
        <label htmlFor={`${id}-filter`}>Show</label>
        <select id={`${id}-filter`} value={filter} onChange={(event) => setFilter(event.target.value as FilterKey)}>
          <option value="all">All clients</option>
          <option value="errors">With open errors</option>
          <option value="changed">With new findings</option>
          <option value="connection">With connection problems</option>
        </select>
        <label htmlFor={`${id}-search`}>Find</label>
        <input id={`${id}-search`} type="search" value={text} onChange={(event) => setText(event.target.value)} />
      </div>
      {practice?.run && <RunProgress run={practice.run} total={rows.length} />}
      {practice && rows.length === 0 && (
        <section className="mg-callout" aria-labelledby={`${id}-empty`} data-testid="practice-empty">
          <h2 id={`${id}-empty`}>{NEXT_STEP_WORDS.noClient}</h2>
          <p>{NEXT_STEP_WORDS.noClientWhy}</p>
          <a className="mg-button mg-button--primary" href={links.setUp}>
            {NEXT_STEP_WORDS.setUp}
          </a>
        </section>
      )}
      {rows.length > 0 && (
        <>
          <p className="mg-muted">
            Showing {shown.length} of {rows.length} clients.
          </p>
          <PracticeTable rows={shown} sort={sort} now={now()} links={links} queued={new Set(practice?.run?.finishedAt ? [] : practice?.run?.pending)} />
        </>
      )}
      <PracticeFile client={client} download={download} now={now} />
    </main>
  );
}
