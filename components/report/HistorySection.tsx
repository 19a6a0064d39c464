// The report's small history (issue #18): the pair's last checks, so a partner can show a client the set-up getting
// better. The practice page draws the same entries as a trend.
import { useEffect, useState } from 'react';
import type { CheckEntry } from '../../utils/practice/changes';
import { Trend } from '../practice/Trend';

export function HistorySection({ load, locale }: { load: () => Promise<CheckEntry[]>; locale?: string }) {
  const [history, setHistory] = useState<CheckEntry[]>();
  useEffect(() => {
    let current = true;
    load().then((entries) => current && setHistory(entries), () => undefined); // the report stands without it
    return () => {
      current = false;
    };
  }, [load]);
  if (!history?.length) return null;
  const recent = history.slice(-10).reverse();
  return (
    <section aria-labelledby="mg-history-title">
      <h2 id="mg-history-title">History of checks</h2>
      <Trend history={history} />
      <table>
        <caption className="mg-muted">The last {recent.length} checks, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Checked</th>
            <th scope="col">Errors</th>
            <th scope="col">Warnings</th>
            <th scope="col">New</th>
            <th scope="col">Resolved</th>
          </tr>
        </thead>
        <tbody>
          {recent.map((entry) => (
            <tr key={entry.at}>
              <td>{new Date(entry.at).toLocaleString(locale)}</td>
              <td>{entry.errors}</td>
              <td>{entry.warnings}</td>
              <td>{entry.first ? 'first check' : [...new Set(entry.added.map((f) => f.code))].join(', ') || '—'}</td>
              <td>{[...new Set(entry.removed.map((f) => f.code))].join(', ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
