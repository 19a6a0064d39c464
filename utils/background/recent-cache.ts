// A small least-recently-used cache whose entries expire: recent Cin7 documents, so a page that asks again (a
// re-render, a tab switched back to) does not cost another API call. Kept in memory for the worker's life.

export class RecentCache<V> {
  private readonly entries = new Map<string, { value: V; at: number }>();

  constructor(
    private readonly now: () => number,
    private readonly maxEntries: number,
    private readonly ttlMs: number,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (this.now() - entry.at >= this.ttlMs) return undefined;
    this.entries.set(key, entry); // most recent last
    return entry.value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, at: this.now() });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
