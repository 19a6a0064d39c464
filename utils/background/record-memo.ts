// The small per-pair records (results.ts) as last read or written, kept in memory for the worker's life: a tab's
// first message reads several of them on every page load, and each IndexedDB read is a round trip the page waits
// for. Safe because this worker is the only reader and writer of that database. A write is remembered only once it
// is stored (a failed write leaves what is stored, and the next read reads it); reads racing a write wait for it.
// Values are shared, not copied: callers treat records as read-only (the one mutable one, reviewed keys, is copied
// by its reader).

export interface RecordMemo<Store extends string> {
  read<T>(store: Store, pairId: string, load: () => Promise<T>): Promise<T>;
  write<T>(store: Store, pairId: string, value: T, save: () => Promise<void>): Promise<void>;
  forget(pairId: string): void;
}

export function createRecordMemo<Store extends string>(): RecordMemo<Store> {
  const values = new Map<string, Promise<unknown>>();
  const key = (store: Store, pairId: string) => `${store}\u0001${pairId}`;
  return {
    read<T>(store: Store, pairId: string, load: () => Promise<T>): Promise<T> {
      const at = key(store, pairId);
      let value = values.get(at) as Promise<T> | undefined;
      if (!value) {
        value = load();
        values.set(at, value);
        // A failed read is not remembered: the next one tries again.
        value.catch(() => {
          if (values.get(at) === value) values.delete(at);
        });
      }
      return value;
    },
    async write<T>(store: Store, pairId: string, value: T, save: () => Promise<void>): Promise<void> {
      const at = key(store, pairId);
      const saved = save().then(() => value);
      values.set(at, saved);
      try {
        await saved;
      } catch (error) {
        if (values.get(at) === saved) values.delete(at);
        throw error;
      }
    },
    forget(pairId: string): void {
      for (const at of [...values.keys()]) if (at.endsWith(`\u0001${pairId}`)) values.delete(at);
    },
  };
}
