// What the checklist store wrote, read straight from storage.local (not through the store's own code) and put back
// together as one `{ version, state: { pairs, unassigned } }` view, so tests can look at every pair at once.
import { fakeBrowser } from 'wxt/testing/fake-browser';

export const PAIR_RECORD_PREFIX = 'mappingGuard.checklist.pair.';
export const UNASSIGNED_RECORD_KEY = 'mappingGuard.checklist.unassigned';
export const LEGACY_KEY = 'mappingGuard.checklist';

interface StoredRecord {
  version: number;
  state: { decisions: Record<string, { values: Record<string, string>; note: string; updatedAt?: string }>; channels: { id: string; name: string }[] };
}
export type StoredPair = StoredRecord['state'];

export async function storedChecklist(): Promise<
  { version: number; state: { pairs: Record<string, StoredPair>; unassigned?: StoredPair } } | undefined
> {
  const all = (await fakeBrowser.storage.local.get(null)) as Record<string, StoredRecord>;
  const pairs: Record<string, StoredPair> = {};
  let unassigned: StoredPair | undefined;
  let version: number | undefined;
  for (const [key, record] of Object.entries(all)) {
    if (key.startsWith(PAIR_RECORD_PREFIX)) pairs[key.slice(PAIR_RECORD_PREFIX.length)] = record.state;
    else if (key === UNASSIGNED_RECORD_KEY) unassigned = record.state;
    else continue;
    version = record.version;
  }
  if (version === undefined) return undefined;
  return { version, state: unassigned ? { pairs, unassigned } : { pairs } };
}
