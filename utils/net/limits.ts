// Per-key call queues (p-queue) for both vendors' limits, and the retry delay after a throttled answer.
import PQueue from 'p-queue';

export interface RateLimit {
  /** Calls allowed per window. */
  perWindow: number;
  windowMs: number;
  /** Calls in flight at once. */
  concurrency: number;
}

/** Cin7 Core: 60 calls/minute per API application (research/cin7.md §1.2). */
export const CIN7_LIMIT: RateLimit = { perWindow: 60, windowMs: 60_000, concurrency: 2 };
/** Xero: 60 calls/minute and 5 concurrent per tenant (research/xero.md §4). */
export const XERO_LIMIT: RateLimit = { perWindow: 60, windowMs: 60_000, concurrency: 5 };

/**
 * Queue priorities (p-queue runs higher first): a refresh's calls go ahead of calls a page asked for (a document, a
 * count), so a busy tab never delays a refresh; a page's call waits at most for the refresh's queued calls.
 */
export const QUEUE_PRIORITY = { refresh: 1, onDemand: 0 } as const;

/**
 * One queue per key (Cin7 application key / Xero tenant), kept for the worker's life so that all callers share it.
 * `strict` is p-queue's sliding window: never more than `perWindow` calls in any rolling window.
 */
export class QueueRegistry {
  private readonly queues = new Map<string, PQueue>();

  constructor(private limit: RateLimit) {}

  get(key: string): PQueue {
    let queue = this.queues.get(key);
    if (!queue) {
      queue = new PQueue({
        concurrency: this.limit.concurrency,
        intervalCap: this.limit.perWindow,
        interval: this.limit.windowMs,
        strict: true,
      });
      this.queues.set(key, queue);
    }
    return queue;
  }

  /** Changes the limit for queues created from now on (tests and the e2e sandbox shrink the window). */
  configure(limit: Partial<RateLimit>): void {
    this.limit = { ...this.limit, ...limit };
    this.queues.clear();
  }
}

/**
 * How long to wait after a throttled answer: the server's `Retry-After` (seconds or an HTTP date) when present,
 * otherwise exponential from `baseMs`, capped.
 */
export function retryDelayMs(
  retryAfter: string | null,
  attempt: number,
  now: number,
  baseMs = 5_000,
  capMs = 60_000,
): number {
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, capMs * 5);
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return Math.max(0, Math.min(date - now, capMs * 5));
  }
  return Math.min(baseMs * 2 ** attempt, capMs);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
