// Fixed-window call counters and an in-flight counter, as both vendors describe their limits
// (Cin7: 60/minute per API application; Xero: 60/minute, 5 concurrent and 5,000/day per tenant, 10,000/minute per app).

export interface WindowResult {
  allowed: boolean;
  remaining: number;
  /** Whole seconds until the window resets (for Retry-After). */
  retryAfterSeconds: number;
}

export class FixedWindowLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Counts one call for `key` when allowed; a refused call is not counted (the vendor did not serve it). */
  hit(key: string): WindowResult {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    const retryAfterSeconds = Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000));
    if (window.count >= this.limit) return { allowed: false, remaining: 0, retryAfterSeconds };
    window.count += 1;
    return { allowed: true, remaining: this.limit - window.count, retryAfterSeconds };
  }

  /** Remaining calls for `key` in the current window without counting one. */
  remaining(key: string): number {
    const window = this.windows.get(key);
    if (!window || this.now() - window.start >= this.windowMs) return this.limit;
    return Math.max(0, this.limit - window.count);
  }

  reset(): void {
    this.windows.clear();
  }
}

export class InFlightCounter {
  private counts = new Map<string, number>();

  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  enter(key: string): number {
    const next = this.get(key) + 1;
    this.counts.set(key, next);
    return next;
  }

  leave(key: string): void {
    const next = this.get(key) - 1;
    if (next > 0) this.counts.set(key, next);
    else this.counts.delete(key);
  }
}
