// Incremental reads: ask for changes since a little before the last read, and merge the changed records into the
// cached list by their identity. Shared by the refresh's lists, its documents and the pages' document lists.

/** Records can change during a fetch, and clocks differ: ask for changes since a little before the last fetch. */
export const INCREMENTAL_OVERLAP_MS = 5 * 60_000;

/** The identity a record keeps across incremental answers (for merging). */
function identity(record: Record<string, unknown>): string | undefined {
  for (const key of ['ID', 'AccountID', 'ItemID', 'SKU', 'Code']) {
    const value = record[key];
    if (typeof value === 'string' && value) return `${key}:${value}`;
  }
  return undefined;
}

/** The cached list with every changed record replaced (or added). */
export function mergeChanged<T extends object>(
  cached: readonly T[],
  changed: readonly T[],
  keyOf: (record: Record<string, unknown>) => string | undefined = identity,
): T[] {
  const byIdentity = new Map<string, number>();
  const merged = [...cached];
  merged.forEach((record, index) => {
    const key = keyOf(record as Record<string, unknown>);
    if (key) byIdentity.set(key, index);
  });
  for (const record of changed) {
    const key = keyOf(record as Record<string, unknown>);
    const at = key === undefined ? undefined : byIdentity.get(key);
    if (at === undefined) {
      if (key) byIdentity.set(key, merged.length);
      merged.push(record);
    } else {
      merged[at] = record;
    }
  }
  return merged;
}


/**
 * mergeChanged page by page (issue #17): the cached list is streamed through `page` (each changed record replaces the
 * cached one of its identity, in place), then `rest` gives the changed records the cache did not hold, in order.
 */
export function pageMerge<T extends object>(changed: readonly T[]) {
  const latest = new Map<string, T>();
  for (const record of changed) {
    const key = identity(record as Record<string, unknown>);
    if (key) latest.set(key, record);
  }
  const seen = new Set<string>();
  return {
    page: (cached: readonly T[]): T[] =>
      cached.map((record) => {
        const key = identity(record as Record<string, unknown>);
        if (key === undefined) return record;
        seen.add(key);
        return latest.get(key) ?? record;
      }),
    rest: (): T[] => {
      const out: T[] = [];
      for (const record of changed) {
        const key = identity(record as Record<string, unknown>);
        if (key === undefined) out.push(record);
        else if (!seen.has(key)) {
          seen.add(key);
          out.push(latest.get(key) as T);
        }
      }
      return out;
    },
  };
}
