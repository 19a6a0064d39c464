// Xero Accounting API client: fixed endpoints only, one queue per tenant (60/minute, 5 concurrent), Retry-After on
// 429, the remaining-calls headers tracked, If-Modified-Since on Accounts and Items, 401 → one token refresh then the
// reconnect state, zod on every response (research/xero.md §1, §4).
import { z } from 'zod';
import {
  xeroConnectionsSchema,
  xeroEnvelopes,
  type XeroAccount,
  type XeroConnection,
  type XeroCurrency,
  type XeroItem,
  type XeroOrganisation,
  type XeroTaxRate,
  type XeroTrackingCategory,
} from '../../schemas';
import { QueueRegistry, XERO_LIMIT, retryDelayMs, sleep } from '../../net/limits';
import { fetchText, getWithinLimit, isServerError, type ApiClientOptions } from '../../net/timed-fetch';
import { withheldSiteError } from '../../net/site-access';
import { XERO_API_ORIGIN } from '../../apps';
import {
  xeroHttpError,
  xeroInvalidResponse,
  xeroNetworkError,
  xeroReconnectError,
  xeroThrottledTooLong,
  xeroUnreachable,
} from './errors';

export const XERO_API_BASE = `${XERO_API_ORIGIN}/api.xro/2.0/`;
export const XERO_CONNECTIONS_URL = `${XERO_API_ORIGIN}/connections`;

/** Where the client gets its bearer token; implemented by utils/xero/api/auth.ts. */
export interface XeroTokenSource {
  /** A valid access token (refreshed first when about to expire). */
  accessToken(): Promise<string>;
  /** Called once after a 401 with the token Xero rejected: refresh, or throw the reconnect error. */
  afterUnauthorized(rejected: string): Promise<string>;
}

/** The lists we read; only Accounts and Items honour If-Modified-Since (research/xero.md §1.1). */
export const XERO_LISTS = {
  Accounts: { label: 'Xero chart of accounts', conditional: true },
  Items: { label: 'Xero products and services', conditional: true },
  TrackingCategories: { label: 'Xero tracking categories', conditional: false },
  Currencies: { label: 'Xero currencies', conditional: false },
  TaxRates: { label: 'Xero tax rates', conditional: false },
} as const;
export type XeroListName = keyof typeof XERO_LISTS;
interface XeroListItems {
  Accounts: XeroAccount;
  Items: XeroItem;
  TrackingCategories: XeroTrackingCategory;
  Currencies: XeroCurrency;
  TaxRates: XeroTaxRate;
}
export type XeroListItem<L extends XeroListName> = XeroListItems[L];

export interface XeroLimits {
  minuteRemaining?: number;
  dayRemaining?: number;
  appMinuteRemaining?: number;
}

export type XeroClientOptions = ApiClientOptions;

/** Shared by every client in this worker: the limits are per tenant, whoever calls. */
export const xeroQueues = new QueueRegistry(XERO_LIMIT);

const numberHeader = (headers: Headers, name: string): number | undefined => {
  const value = headers.get(name);
  const parsed = value === null ? NaN : Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
};

export class XeroClient {
  private readonly fetchFn: typeof fetch;
  private readonly maxRetries: number;
  private readonly now: () => number;
  readonly limits: XeroLimits = {};
  calls = 0;

  constructor(
    private readonly tenantId: string,
    private readonly tokens: XeroTokenSource,
    private readonly options: XeroClientOptions = {},
  ) {
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
    this.maxRetries = options.maxRetries ?? 5;
    this.now = options.now ?? Date.now;
  }

  async organisation(): Promise<XeroOrganisation> {
    const result = await this.get('Organisation', xeroEnvelopes.Organisation);
    const organisation = result.body?.Organisations[0];
    if (!organisation) throw xeroInvalidResponse('Organisation', 'no organisation in the answer', '');
    return organisation;
  }

  /**
   * One whole list (these endpoints are not paged). With `modifiedSince` on Accounts/Items, Xero answers 304 or only
   * the changed records: `changedOnly` tells the caller to merge them into its cached copy.
   */
  async list<L extends XeroListName>(
    name: L,
    options: { modifiedSince?: string } = {},
  ): Promise<{ notModified: true } | { notModified: false; changedOnly: boolean; items: XeroListItem<L>[] }> {
    const conditional = Boolean(options.modifiedSince && XERO_LISTS[name].conditional);
    const headers: Record<string, string> = {};
    if (conditional && options.modifiedSince) {
      headers['If-Modified-Since'] = new Date(options.modifiedSince).toISOString().replace(/\.\d{3}Z$/, 'Z');
    }
    const envelope = xeroEnvelopes[name] as unknown as z.ZodType<Record<L, XeroListItem<L>[]>>;
    const result = await this.get(name, envelope, headers);
    if (!result.body) return { notModified: true };
    return { notModified: false, changedOnly: conditional, items: result.body[name] };
  }

  private async get<T>(
    path: string,
    schema: z.ZodType<T>,
    extraHeaders: Record<string, string> = {},
  ): Promise<{ body: T | undefined }> {
    const queue = xeroQueues.get(this.tenantId);
    let token = await this.tokens.accessToken();
    let refreshed = false;
    for (let attempt = 0; ; attempt++) {
      const outcome = await queue.add(() => this.send(new URL(path, XERO_API_BASE), token, extraHeaders));
      if (outcome.kind === 'unauthorized') {
        if (refreshed) throw xeroReconnectError(`GET ${path}: 401 after a token refresh: ${outcome.detail}`);
        token = await this.tokens.afterUnauthorized(token);
        refreshed = true;
        continue;
      }
      // A site the browser withholds fails like the network: say so at once, no retry can help.
      const withheld = outcome.kind === 'network' ? await withheldSiteError(XERO_API_BASE, outcome.detail) : undefined;
      if (withheld) throw withheld;
      const serverError = outcome.kind === 'done' && isServerError(outcome.status);
      if (outcome.kind === 'throttled' || outcome.kind === 'network' || serverError) {
        if (outcome.kind === 'throttled' && outcome.problem === 'day') throw xeroThrottledTooLong('day');
        if (attempt >= this.maxRetries) {
          if (outcome.kind === 'network') throw xeroNetworkError(outcome.detail);
          if (outcome.kind === 'done') throw xeroHttpError(path, outcome.status, outcome.text);
          throw xeroThrottledTooLong(outcome.problem);
        }
        const wait = retryDelayMs(outcome.kind === 'throttled' ? outcome.retryAfter : null, attempt, this.now(), this.options.retryBaseMs);
        this.options.onWait?.(wait, outcome.kind === 'throttled' ? 'Xero rate limit' : 'Xero did not answer');
        await sleep(wait);
        continue;
      }
      if (outcome.status === 304) return { body: undefined };
      if (outcome.status < 200 || outcome.status >= 300) throw xeroHttpError(path, outcome.status, outcome.text);
      return { body: parseJson(path, outcome.text, schema) };
    }
  }

  private async send(url: URL, token: string, extraHeaders: Record<string, string>) {
    this.calls++;
    const headers = { Accept: 'application/json', Authorization: `Bearer ${token}`, 'xero-tenant-id': this.tenantId, ...extraHeaders };
    const answer = await getWithinLimit(this.fetchFn, url, headers, this.options.timeoutMs);
    if (answer.kind === 'network') return answer;
    const { response, text } = answer;
    this.trackLimits(response.headers);
    if (response.status === 401) return { kind: 'unauthorized' as const, detail: text.slice(0, 300) };
    if (response.status === 429) {
      return {
        kind: 'throttled' as const,
        retryAfter: response.headers.get('Retry-After'),
        problem: response.headers.get('X-Rate-Limit-Problem')?.toLowerCase() ?? null,
      };
    }
    return { kind: 'done' as const, status: response.status, text };
  }

  private trackLimits(headers: Headers): void {
    const minute = numberHeader(headers, 'X-MinLimit-Remaining');
    const day = numberHeader(headers, 'X-DayLimit-Remaining');
    const app = numberHeader(headers, 'X-AppMinLimit-Remaining');
    if (minute !== undefined) this.limits.minuteRemaining = minute;
    if (day !== undefined) this.limits.dayRemaining = day;
    if (app !== undefined) this.limits.appMinuteRemaining = app;
  }
}

function parseJson<T>(path: string, text: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw xeroInvalidResponse(path, 'unreadable JSON', text);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw xeroInvalidResponse(path, `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`, text);
  }
  return parsed.data;
}

/** `GET https://api.xero.com/connections`: the tenants this sign-in may read. */
export async function fetchXeroConnections(accessToken: string, fetchFn: typeof fetch = fetch): Promise<XeroConnection[]> {
  let answer: { response: Response; text: string };
  try {
    answer = await fetchText(fetchFn, XERO_CONNECTIONS_URL, {
      headers: { Accept: 'application/json', Authorization: `Bearer ${accessToken}` },
      credentials: 'omit',
    });
  } catch (error) {
    throw await xeroUnreachable(XERO_CONNECTIONS_URL, error instanceof Error ? error.message : String(error));
  }
  const { response, text } = answer;
  if (response.status === 401) throw xeroReconnectError(`GET connections: 401: ${text.slice(0, 300)}`);
  if (!response.ok) throw xeroHttpError('connections', response.status, text);
  return parseJson('connections', text, xeroConnectionsSchema);
}

/** `DELETE https://api.xero.com/connections/{id}`: disconnects one tenant; failures are ignored by callers. */
export async function deleteXeroConnection(accessToken: string, connectionId: string, fetchFn: typeof fetch = fetch): Promise<boolean> {
  const { response } = await fetchText(fetchFn, `${XERO_CONNECTIONS_URL}/${encodeURIComponent(connectionId)}`, {
    method: 'DELETE',
    headers: { Authorization: `Bearer ${accessToken}` },
    credentials: 'omit',
  });
  return response.ok;
}
