// A mapping that changes is visible and reversible: page script can edit the Account Mapping inputs before we read
// them, so when a Cin7 tab saves a mapping that differs from the saved one, the one before is kept (one level) until
// the user accepts the change or restores it from the options page.
import type { Mapping } from '../schemas';
import type { MappingChangeRecord, PairDataStore } from './results';

/** How many changed rows a status carries (the count is always the full one). */
export const MAX_CHANGED_ROWS_SHOWN = 20;

export interface MappingRowChange {
  label: string;
  /** The account before and after; null when the role was not mapped (or absent). */
  from: string | null;
  to: string | null;
}

const labelKey = (label: string) => label.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
const accountOf = (account: string | null | undefined) => account?.replace(/\s+/g, ' ').trim() || null;

function byLabel(mapping: Mapping): Map<string, { label: string; account: string | null }> {
  return new Map(mapping.rows.map((row) => [labelKey(row.label), { label: row.label.trim(), account: accountOf(row.account) }]));
}

/** The roles whose account differs (a role added or removed counts), in the current mapping's order. */
export function mappingDiff(previous: Mapping, current: Mapping): MappingRowChange[] {
  const before = byLabel(previous);
  const after = byLabel(current);
  const changes: MappingRowChange[] = [];
  for (const [key, row] of after) {
    const from = before.get(key)?.account ?? null;
    if (from !== row.account) changes.push({ label: row.label, from, to: row.account });
  }
  for (const [key, row] of before) if (!after.has(key) && row.account !== null) changes.push({ label: row.label, from: row.account, to: null });
  return changes;
}

/**
 * Records what saving `next` over `saved` changed. A content script's save that differs keeps the mapping before it
 * (the last accepted one stays while a change is pending, and a save back to it clears the change); an extension
 * page's save is the user's own edit and accepts whatever was pending.
 */
export async function recordMappingSave(
  data: PairDataStore,
  pairId: string,
  saved: Mapping | undefined,
  next: Mapping,
  byUser: boolean,
  now: number,
): Promise<void> {
  const pending = await data.getMappingChange(pairId);
  if (byUser) {
    if (pending) await data.putMappingChange(pairId, undefined);
    return;
  }
  const base = pending?.previous ?? saved;
  if (!base) return; // The first read is not a change.
  if (mappingDiff(base, next).length === 0) {
    if (pending) await data.putMappingChange(pairId, undefined);
    return;
  }
  if (!pending || mappingDiff(saved ?? base, next).length > 0) {
    await data.putMappingChange(pairId, { previous: base, changedAt: new Date(now).toISOString() } satisfies MappingChangeRecord);
  }
}

/** The status's view of a pending change: the count and the first rows, old → new. */
export function mappingChangeView(change: MappingChangeRecord | undefined, current: Mapping | undefined) {
  if (!change || !current) return undefined;
  const rows = mappingDiff(change.previous, current);
  if (rows.length === 0) return undefined;
  return { changedAt: change.changedAt, count: rows.length, rows: rows.slice(0, MAX_CHANGED_ROWS_SHOWN) };
}
