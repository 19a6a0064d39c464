// Fault switches that tests and the demo flip at run time. Each switch names the API it affects.
import type { RequestContext } from './http';

export type ApiName = 'cin7' | 'xero';

/** A fault that can hit every call (`true`), only the next `times` calls, and/or only one API. */
export interface RepeatingFault {
  times?: number;
  api?: ApiName;
}

export interface FaultSettings {
  /** Every API call answers as rate-limited (Xero 429 + Retry-After; Cin7 with its configured 429/503). */
  rateLimitStorm: boolean | RepeatingFault;
  /** API calls answer 500. */
  serverErrors: boolean | RepeatingFault;
  /** Every API response is delayed this long (concurrency tests, timeouts). */
  slowMs: number;
  /** API bodies are cut short, so JSON parsing fails. */
  malformedJson: boolean | RepeatingFault;
  /** One-shot on set: every access token issued so far is expired. */
  expireAccessTokens: boolean;
  /** One-shot on set: every refresh token issued so far is revoked (`invalid_grant`). */
  revokeRefreshTokens: boolean;
  /** Cin7 answers HTTP 200 with its error model wrapped in a list. */
  cin7ErrorWith200: boolean | RepeatingFault;
  /** Cin7 answers HTTP 200 with an HTML page, as it does for wrong paths. */
  cin7HtmlWith200: boolean | RepeatingFault;
  /** The status Cin7 uses for its rate limit: 503 without Retry-After, or 429 with it. */
  cin7RateLimitStatus: 429 | 503;
  /** API calls get no answer at all: the connection stays open, headers never sent (until the sandbox closes). */
  stallHeaders: boolean | RepeatingFault;
  /** API calls get 200 and the start of a body that never ends. */
  stallBody: boolean | RepeatingFault;
  /** Xero's token endpoint answers 429 (a passing limit: the grant is fine). Use `api: 'xero'` or none. */
  tokenRateLimited: boolean | RepeatingFault;
  /** Xero's token endpoint answers 400 `invalid_request` (a malformed request, not a dead grant). */
  tokenInvalidRequest: boolean | RepeatingFault;
}

export type FaultName = keyof FaultSettings;

const DEFAULTS: FaultSettings = {
  rateLimitStorm: false,
  serverErrors: false,
  slowMs: 0,
  malformedJson: false,
  expireAccessTokens: false,
  revokeRefreshTokens: false,
  cin7ErrorWith200: false,
  cin7HtmlWith200: false,
  cin7RateLimitStatus: 503,
  stallHeaders: false,
  stallBody: false,
  tokenRateLimited: false,
  tokenInvalidRequest: false,
};

type RepeatingFaultName = {
  [K in FaultName]: FaultSettings[K] extends boolean | RepeatingFault ? (boolean extends FaultSettings[K] ? K : never) : never;
}[FaultName];

export class Faults {
  private settings: FaultSettings = { ...DEFAULTS };
  /** Time (ms) when tokens were last force-expired/revoked; tokens issued at or before it are dead. */
  accessTokensExpiredAt = -Infinity;
  refreshTokensRevokedAt = -Infinity;

  constructor(private readonly now: () => number) {}

  set<K extends FaultName>(name: K, value: FaultSettings[K]): void {
    this.settings[name] = value;
    // Token faults act on the tokens that exist now; tokens issued afterwards work, so clients can recover.
    if (name === 'expireAccessTokens' && value) this.accessTokensExpiredAt = this.now();
    if (name === 'revokeRefreshTokens' && value) this.refreshTokensRevokedAt = this.now();
  }

  clear(name?: FaultName): void {
    if (name) {
      (this.settings as unknown as Record<string, unknown>)[name] = DEFAULTS[name];
      if (name === 'expireAccessTokens') this.accessTokensExpiredAt = -Infinity;
      if (name === 'revokeRefreshTokens') this.refreshTokensRevokedAt = -Infinity;
      return;
    }
    this.settings = { ...DEFAULTS };
    this.accessTokensExpiredAt = -Infinity;
    this.refreshTokensRevokedAt = -Infinity;
  }

  get<K extends FaultName>(name: K): FaultSettings[K] {
    return this.settings[name];
  }

  current(): Readonly<FaultSettings> {
    return { ...this.settings };
  }

  /** True when a repeating fault hits this call; counts down `times` so "fail the next 2 calls" works. */
  take(name: RepeatingFaultName, api: ApiName): boolean {
    const value = this.settings[name] as boolean | RepeatingFault;
    if (value === false) return false;
    if (value === true) return true;
    if (value.api && value.api !== api) return false;
    if (value.times === undefined) return true;
    if (value.times <= 0) return false;
    const remaining = value.times - 1;
    (this.settings as unknown as Record<string, unknown>)[name] = remaining > 0 ? { ...value, times: remaining } : false;
    return true;
  }
}

/**
 * The stall faults: true when this call is left hanging (the caller then sends nothing more). Either nothing at all,
 * or headers and a first chunk of a body that never ends; the sandbox's close ends both connections.
 */
export function stallIfFaulted(faults: Faults, ctx: RequestContext, api: ApiName): boolean {
  if (faults.take('stallHeaders', api)) return true;
  if (!faults.take('stallBody', api)) return false;
  // No content-length: a chunked body, of which only the first chunk ever comes.
  ctx.res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  ctx.res.write('{"Stalled":[');
  return true;
}
