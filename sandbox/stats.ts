// Call counters the bench and the e2e tests read: API calls per endpoint, throttling answers, peak concurrency.

export interface StatsSnapshot {
  /** API calls per endpoint, e.g. `cin7 GET product`, `xero GET Accounts`, `identity POST token`. */
  calls: Record<string, number>;
  /** Cin7 and Xero API calls (identity token/revocation requests excluded). */
  totalApiCalls: number;
  sent429: number;
  sent503: number;
  /** Highest number of Xero API calls in flight at once for one tenant. */
  maxXeroConcurrency: number;
  /** Highest number of Cin7 API calls in flight at once. */
  maxCin7Concurrency: number;
}

export class Stats {
  private data: StatsSnapshot = emptyStats();

  count(endpoint: string): void {
    this.data.calls[endpoint] = (this.data.calls[endpoint] ?? 0) + 1;
    // Token requests are counted per endpoint but are not calls to the data APIs the bench measures.
    if (!endpoint.startsWith('identity ')) this.data.totalApiCalls += 1;
  }

  throttled(status: 429 | 503): void {
    if (status === 429) this.data.sent429 += 1;
    else this.data.sent503 += 1;
  }

  concurrency(api: 'cin7' | 'xero', inFlight: number): void {
    if (api === 'xero') this.data.maxXeroConcurrency = Math.max(this.data.maxXeroConcurrency, inFlight);
    else this.data.maxCin7Concurrency = Math.max(this.data.maxCin7Concurrency, inFlight);
  }

  get calls(): Record<string, number> {
    return { ...this.data.calls };
  }
  get totalApiCalls(): number {
    return this.data.totalApiCalls;
  }
  get sent429(): number {
    return this.data.sent429;
  }
  get sent503(): number {
    return this.data.sent503;
  }
  get maxXeroConcurrency(): number {
    return this.data.maxXeroConcurrency;
  }
  get maxCin7Concurrency(): number {
    return this.data.maxCin7Concurrency;
  }

  /** Calls whose endpoint name starts with `prefix` (e.g. `xero ` or `cin7 GET product`). */
  callsTo(prefix: string): number {
    return Object.entries(this.data.calls)
      .filter(([name]) => name.startsWith(prefix))
      .reduce((sum, [, n]) => sum + n, 0);
  }

  snapshot(): StatsSnapshot {
    return { ...this.data, calls: { ...this.data.calls } };
  }

  reset(): void {
    this.data = emptyStats();
  }
}

function emptyStats(): StatsSnapshot {
  return { calls: {}, totalApiCalls: 0, sent429: 0, sent503: 0, maxXeroConcurrency: 0, maxCin7Concurrency: 0 };
}
