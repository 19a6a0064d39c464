// Every network call has a time limit: a server that stalls (no headers, or a body that never ends) must not hold a
// refresh, or the user's click, forever. The limit covers the whole answer, body included.

/** How long one call may take, headers and body. Xero's and Cin7's slowest pages answer well within it. */
export const CALL_TIMEOUT_MS = 30_000;

/** A call that did not finish in time (its detail says how long we waited). */
export class CallTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no complete answer within ${Math.round(timeoutMs / 1000)} s`);
    this.name = 'CallTimeoutError';
  }
}

/** A fresh time-limit signal, joined with the caller's own when given. */
export function timeoutSignal(timeoutMs = CALL_TIMEOUT_MS, signal?: AbortSignal | null): AbortSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}

/** Fetches and reads the body as text within `timeoutMs`; a timeout rejects with `CallTimeoutError`. */
export async function fetchText(
  fetchFn: typeof fetch,
  url: string,
  init: RequestInit,
  timeoutMs = CALL_TIMEOUT_MS,
): Promise<{ response: Response; text: string }> {
  const signal = timeoutSignal(timeoutMs, init.signal);
  try {
    const response = await fetchFn(url, { ...init, signal });
    return { response, text: await response.text() };
  } catch (error) {
    if (signal.aborted && !init.signal?.aborted) throw new CallTimeoutError(timeoutMs);
    throw error;
  }
}

/** One GET of an API client within its time limit: the answer, or why none came (retried by the caller). */
export async function getWithinLimit(
  fetchFn: typeof fetch,
  url: URL,
  headers: Record<string, string>,
  timeoutMs?: number,
): Promise<{ kind: 'answer'; response: Response; text: string } | { kind: 'network'; detail: string }> {
  try {
    return { kind: 'answer', ...(await fetchText(fetchFn, url.href, { method: 'GET', headers, credentials: 'omit' }, timeoutMs)) };
  } catch (error) {
    return { kind: 'network', detail: error instanceof Error ? error.message : String(error) };
  }
}

/** A failure worth retrying with backoff: the server's own trouble, not an answer about the request. */
export const isServerError = (status: number): boolean => status >= 500 && status <= 599;

/** What both API clients take: the transport and clock (injected in tests), and their retry and time limits. */
export interface ApiClientOptions {
  fetch?: typeof fetch;
  /** Told when a call waits (a rate limit or a backoff), so the UI can say so. */
  onWait?: (ms: number, reason: string) => void;
  /** Retries of one call after a throttled answer, a 5xx, a timeout or a network failure before giving up. */
  maxRetries?: number;
  /** First backoff when the server gives no Retry-After (doubles per attempt). */
  retryBaseMs?: number;
  /** Time limit of one call, body included. */
  timeoutMs?: number;
  now?: () => number;
}
