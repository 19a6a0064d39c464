// How a practice file's pair merges into what this browser keeps (utils/practice/file.ts reads the file).
import type { PracticeFilePair } from '../practice/file';
import { mergePairChecklists, type PairChecklist } from '../store/checklist-schema';
import { MAX_STORED_REVIEWED } from './stored-records';

/**
 * Reviewed marks a pair keeps after an import: well below what the store reads back (MAX_STORED_REVIEWED), so
 * imports added up never make the pair's marks unreadable.
 */
export const MAX_REVIEWED_AFTER_IMPORT = MAX_STORED_REVIEWED / 5;

/** What one pair of the file changes in this browser (a pair set up here). */
export interface PairImport {
  pairId: string;
  name: string;
  checklist?: PairChecklist;
  decisionsChanged: number;
  reviewed: Set<string>;
  reviewedAdded: number;
  /** The marks to store differ from those stored (added, or older ones left out by the cap). */
  reviewedChanged: boolean;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Merges a pair of the file into what is stored: the later edit of each decision wins; reviewed marks add up, marks
 * of the latest audit's findings first, up to MAX_REVIEWED_AFTER_IMPORT.
 */
export function mergePair(
  filePair: PracticeFilePair,
  current: { checklist?: PairChecklist; reviewed: ReadonlySet<string>; latestKeys: readonly string[] },
): PairImport {
  const checklist = filePair.checklist
    ? current.checklist
      ? mergePairChecklists(current.checklist, filePair.checklist)
      : filePair.checklist
    : current.checklist;
  const before = current.checklist?.decisions ?? {};
  const decisionsChanged = Object.entries(checklist?.decisions ?? {}).filter(([id, decision]) => !same(before[id], decision)).length;
  const all = new Set([...current.reviewed, ...filePair.reviewed]);
  const latest = new Set(current.latestKeys);
  const ordered = [...[...all].filter((key) => latest.has(key)), ...[...all].filter((key) => !latest.has(key))];
  const reviewed = new Set(ordered.slice(0, MAX_REVIEWED_AFTER_IMPORT));
  const reviewedAdded = [...reviewed].filter((key) => !current.reviewed.has(key)).length;
  return {
    pairId: filePair.id,
    name: filePair.name,
    ...(checklist ? { checklist } : {}),
    decisionsChanged,
    reviewed,
    reviewedAdded,
    reviewedChanged: reviewedAdded > 0 || reviewed.size !== current.reviewed.size,
  };
}

/** "Acme ↔ Acme Ltd: 3 decisions or notes, 2 reviewed marks" — what the import tells the user it changed. */
export function importLine(change: PairImport): string {
  const parts = [
    change.decisionsChanged ? `${change.decisionsChanged} decision${change.decisionsChanged === 1 ? '' : 's'} or note${change.decisionsChanged === 1 ? '' : 's'}` : '',
    change.reviewedAdded ? `${change.reviewedAdded} reviewed mark${change.reviewedAdded === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return `${change.name}: ${parts.length ? parts.join(', ') : 'nothing new'}`;
}

/** A client of the file that is not set up in this browser: nothing of it is kept. */
export function notImportedLine(filePair: Pick<PracticeFilePair, 'name'>): string {
  return `${filePair.name}: not imported, this client is not connected in this browser. Connect it here, then import the file again.`;
}
