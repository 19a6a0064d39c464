// Storage items that a tab's first message reads on every page load (what each tab shows, the selected pair), kept in
// the worker's memory after their first read. Each storage call is a round trip through the browser's main thread,
// which is often busy drawing its own window while a page loads: traced at 30 ms for one read (issue #17). Only the
// worker writes these items, and what it wrote is what it reads next, at once; any other change (storage.onChanged
// with a value other than the copy) drops the copy, so a read never returns what storage no longer holds for longer
// than the change takes to be announced.
import type { WxtStorageItem } from 'wxt/utils/storage';

/** The part of a WXT item the background uses. */
export interface MemoItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

/** Every memoised item's reset (tests: a fake browser's reset drops its change listeners without a word). */
const resets = new Set<() => void>();

/** Forgets every copy and listener (the test setup calls this with each fake browser reset). */
export function forgetMemoizedItems(): void {
  for (const reset of resets) reset();
}

export function memoizeItem<T>(item: Pick<WxtStorageItem<T, Record<string, unknown>>, 'getValue' | 'setValue' | 'watch'>): MemoItem<T> {
  let copy: { value: T } | undefined;
  /** Bumped by every change and write: a read that started before one does not keep what it read. */
  let version = 0;
  let unwatch: (() => void) | undefined;
  const drop = () => {
    version++;
    copy = undefined;
  };
  // The echo of this worker's own write leaves the copy be.
  const changed = (value: T) => {
    if (!copy || JSON.stringify(value) !== JSON.stringify(copy.value)) drop();
  };
  resets.add(() => {
    unwatch?.();
    unwatch = undefined;
    drop();
  });
  return {
    async getValue() {
      unwatch ??= item.watch(changed);
      if (copy) return structuredClone(copy.value);
      const started = version;
      const value = await item.getValue();
      if (version === started) copy = { value: structuredClone(value) };
      return value;
    },
    async setValue(value) {
      drop();
      const written = version;
      copy = { value: structuredClone(value) };
      try {
        await item.setValue(value);
      } catch (error) {
        if (version === written) drop();
        throw error;
      }
    },
  };
}
