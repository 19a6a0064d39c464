// After a passing token-endpoint failure (a 429, `invalid_request`, a 5xx, no answer) the tokens stay and the
// endpoint is left alone for a while: a refresh in between fails at once with the same error in words instead of
// asking again (a refresh makes many API calls, each of which would otherwise retry the token request). No answer at
// all (offline, a timeout) pauses only briefly and never longer per failure: the laptop back online must renew at once.
import { retryDelayMs } from '../../net/limits';

/** First pause after a failure without Retry-After (doubles per failure in a row). */
export const TOKEN_BACKOFF_BASE_MS = 30_000;
/** The longest pause without Retry-After; a Retry-After is followed up to five times this. */
export const TOKEN_BACKOFF_CAP_MS = 10 * 60_000;
/** The pause after no answer at all: long enough to spare one refresh's burst of calls, never doubled. */
export const TOKEN_NO_ANSWER_PAUSE_MS = 5_000;

export class TokenBackoff {
  private failures = 0;
  private until = 0;
  private error: Error | undefined;

  constructor(private readonly now: () => number) {}

  /** Throws the last failure's error while its pause lasts. */
  check(): void {
    if (this.error && this.now() < this.until) throw this.error;
  }

  /** `answered`: the endpoint answered (429, invalid_request, 5xx); otherwise it could not be reached. */
  failed(error: Error, retryAfter: string | null, answered = true): void {
    if (!answered) {
      this.until = this.now() + TOKEN_NO_ANSWER_PAUSE_MS;
      this.error = error;
      return;
    }
    this.until = this.now() + retryDelayMs(retryAfter, this.failures, this.now(), TOKEN_BACKOFF_BASE_MS, TOKEN_BACKOFF_CAP_MS);
    this.failures++;
    this.error = error;
  }

  /** A renewal worked, or the connection was made or ended anew. */
  reset(): void {
    this.failures = 0;
    this.until = 0;
    this.error = undefined;
  }
}
