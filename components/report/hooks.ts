// The report page's small state hooks: a remembered preference, and the pair's checklist from the popup's store.
import { useCallback, useState, useSyncExternalStore } from 'react';
import type { PairChecklist } from '../../utils/store/checklist-schema';
import { selectPairChecklist, type ChecklistStore } from '../../utils/store/checklist';

/** A boolean preference kept in this extension page's localStorage (the page's own origin), default when unset. */
export function useRemembered(key: string, fallback: boolean): [boolean, (value: boolean) => void] {
  const [value, setValue] = useState(() => {
    try {
      const stored = localStorage.getItem(key);
      return stored === null ? fallback : stored === 'true';
    } catch {
      return fallback;
    }
  });
  const remember = useCallback(
    (next: boolean) => {
      setValue(next);
      try {
        localStorage.setItem(key, String(next));
      } catch {
        // Storage refused (private mode): the choice lasts this visit.
      }
    },
    [key],
  );
  return [value, remember];
}

const nothing = () => () => undefined;

/** The pair's checklist (live: the popup's edits show here), undefined when nothing was recorded or no store. */
export function usePairChecklist(checklist: ChecklistStore | undefined, pairId: string | undefined): PairChecklist | undefined {
  const read = () => (checklist && pairId ? selectPairChecklist(checklist.store.getState(), pairId) : undefined);
  return useSyncExternalStore(checklist ? checklist.store.subscribe : nothing, read, read);
}
