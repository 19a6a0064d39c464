// Each pair's short history of checks (utils/practice/changes.ts), written whenever an audit is stored and forgotten
// with the pair. In the trusted store: the finding keys name accounts and records of the client.
import { appendHistory, detectChange, historySchema, type CheckEntry } from '../practice/changes';
import type { StoredResult } from './results';
import { defineTrustedItem } from './trusted-items';

const historyItem = defineTrustedItem<Record<string, unknown>>('checkHistory', {});

/** A pair's checks, oldest first; a record that no longer fits its schema counts as no history. */
export async function historyOf(pairId: string): Promise<CheckEntry[]> {
  const parsed = historySchema.safeParse((await historyItem.getValue())[pairId]);
  return parsed.success ? parsed.data : [];
}

export async function allHistories(): Promise<Record<string, CheckEntry[]>> {
  const stored = await historyItem.getValue();
  return Object.fromEntries(Object.keys(stored).map((pairId) => [pairId, historySchema.safeParse(stored[pairId]).data ?? []]));
}

const asKeys = (result: StoredResult) => ({ keys: result.keys, findings: result.audit.findings });

/**
 * Appends the check that stored `next` (compared with `previous`). An audit that failed before any audit existed
 * is no check of the set-up: nothing is written.
 */
export function recordCheck(pairId: string, previous: StoredResult | undefined, next: StoredResult): Promise<CheckEntry | undefined> {
  if (!previous && next.lastError) return Promise.resolve(undefined);
  const entry = detectChange(previous && asKeys(previous), asKeys(next), next.auditedAt);
  return serial(async () => {
    const stored = await historyItem.getValue();
    const current = historySchema.safeParse(stored[pairId]).data ?? [];
    await historyItem.setValue({ ...stored, [pairId]: appendHistory(current, entry) });
    return entry;
  });
}

export function forgetHistory(pairId: string): Promise<void> {
  return serial(async () => {
    const { [pairId]: _removed, ...rest } = await historyItem.getValue();
    await historyItem.setValue(rest);
  });
}

/**
 * Every pair's history is one record: two pairs whose checks end together would each read it, append their own entry
 * and write it back, and the later write would drop the other's entry. Writes take turns.
 */
let chain: Promise<unknown> = Promise.resolve();
function serial<T>(work: () => Promise<T>): Promise<T> {
  const next = chain.then(work, work);
  chain = next.catch(() => undefined);
  return next;
}
