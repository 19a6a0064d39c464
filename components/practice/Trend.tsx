// A small trend of a pair's checks: open errors and warnings over the kept history, as a line with its words (the
// numbers are also the image's accessible name, never colour or shape alone).
import type { CheckEntry } from '../../utils/practice/changes';

const WIDTH = 96;
const HEIGHT = 24;

export function trendWords(history: readonly CheckEntry[]): string {
  if (history.length === 0) return 'No checks yet';
  const first = history[0]!;
  const last = history[history.length - 1]!;
  const problems = (entry: CheckEntry) => entry.errors + entry.warnings;
  const direction = problems(last) < problems(first) ? 'better' : problems(last) > problems(first) ? 'worse' : 'unchanged';
  return `${history.length} check${history.length === 1 ? '' : 's'}: errors ${history.map((entry) => entry.errors).join(', ')}; ${direction} since ${first.at.slice(0, 10)}`;
}

export function Trend({ history }: { history: readonly CheckEntry[] }) {
  const words = trendWords(history);
  if (history.length < 2) return <span className="mg-trend-words">{words}</span>;
  const max = Math.max(1, ...history.map((entry) => entry.errors + entry.warnings));
  const step = WIDTH / (history.length - 1);
  const line = (value: (entry: CheckEntry) => number) =>
    history.map((entry, index) => `${(index * step).toFixed(1)},${(HEIGHT - 2 - (value(entry) / max) * (HEIGHT - 4)).toFixed(1)}`).join(' ');
  return (
    <svg className="mg-trend" role="img" aria-label={words} width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`}>
      <title>{words}</title>
      <polyline className="mg-trend-all" points={line((entry) => entry.errors + entry.warnings)} fill="none" />
      <polyline className="mg-trend-errors" points={line((entry) => entry.errors)} fill="none" />
    </svg>
  );
}
