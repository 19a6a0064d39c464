// Failed rows grouped by cause, with the rows per cause and per thing named: the panel's "Failed syncs on this page"
// and the popup's failed rows seen on Cin7 Core pages.
import type { FixLink } from '../audit/types';
import type { CauseId } from './causes';

export interface SeenRow {
  matches: { cause: CauseId; words: string; fix?: FixLink; until?: string }[];
}

export interface SyncErrorGroup {
  cause: CauseId;
  /** Rows with this cause. */
  rows: number;
  /** Per thing named, in the order first seen; `until` when a current finding predicts the error. */
  subjects: { words: string; rows: number; fix?: FixLink; until?: string }[];
}

/** The rows, grouped by cause (in the order first seen), with the rows per cause and per thing named. */
export function groupRows(rows: Iterable<SeenRow>): SyncErrorGroup[] {
  const groups = new Map<CauseId, SyncErrorGroup>();
  for (const row of rows) {
    const counted = new Set<string>();
    for (const match of row.matches) {
      const group = groups.get(match.cause) ?? { cause: match.cause, rows: 0, subjects: [] };
      groups.set(match.cause, group);
      if (!counted.has(match.cause)) group.rows++;
      counted.add(match.cause);
      const subject = group.subjects.find((entry) => entry.words === match.words);
      if (subject) subject.rows++;
      else group.subjects.push({ words: match.words, rows: 1, ...(match.fix ? { fix: match.fix } : {}), ...(match.until ? { until: match.until } : {}) });
    }
  }
  return [...groups.values()];
}
