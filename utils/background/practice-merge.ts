// How a practice file's pair merges into what this browser keeps (utils/practice/file.ts reads the file).
import type { PracticeFilePair } from '../practice/file';
import { mergePairChecklists, type PairChecklist } from '../store/checklist-schema';

/** What one pair of the file changes in this browser. */
export interface PairImport {
  pairId: string;
  name: string;
  /** The pair is set up here; otherwise its decisions wait for it (same clients connected → same id). */
  known: boolean;
  checklist?: PairChecklist;
  decisionsChanged: number;
  reviewed: Set<string>;
  reviewedAdded: number;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Merges a pair of the file into what is stored: the later edit of each decision wins; reviewed marks add up. */
export function mergePair(
  filePair: PracticeFilePair,
  current: { checklist?: PairChecklist; reviewed: ReadonlySet<string>; known: boolean },
): PairImport {
  const checklist = filePair.checklist
    ? current.checklist
      ? mergePairChecklists(current.checklist, filePair.checklist)
      : filePair.checklist
    : current.checklist;
  const before = current.checklist?.decisions ?? {};
  const decisionsChanged = Object.entries(checklist?.decisions ?? {}).filter(([id, decision]) => !same(before[id], decision)).length;
  const reviewed = new Set([...current.reviewed, ...filePair.reviewed]);
  return {
    pairId: filePair.id,
    name: filePair.name,
    known: current.known,
    ...(checklist ? { checklist } : {}),
    decisionsChanged,
    reviewed,
    reviewedAdded: reviewed.size - current.reviewed.size,
  };
}

/** "Acme ↔ Acme Ltd: 3 decisions or notes, 2 reviewed marks" — what the import tells the user it changed. */
export function importLine(change: PairImport): string {
  const parts = [
    change.decisionsChanged ? `${change.decisionsChanged} decision${change.decisionsChanged === 1 ? '' : 's'} or note${change.decisionsChanged === 1 ? '' : 's'}` : '',
    change.reviewedAdded ? `${change.reviewedAdded} reviewed mark${change.reviewedAdded === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  const what = parts.length ? parts.join(', ') : 'nothing new';
  return `${change.name}: ${what}${change.known ? '' : ' (kept for when this client is connected here)'}`;
}
