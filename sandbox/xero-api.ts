// Xero Accounting API stand-in (research/xero.md §1, §4): `https://api.xero.com/api.xro/2.0/<Collection>`, Bearer
// token + xero-tenant-id, the JSON envelope (XML without `Accept: application/json`, as Xero does), per-tenant limits (60/minute, 5 concurrent, 5,000/day) with their
// headers, If-Modified-Since on Accounts and Items, and the fault switches.
import { randomUUID } from 'node:crypto';
import { delay, header, send, sendEmpty, sendJson, type RequestContext } from './http';
import { timestampMs, xeroTimestamp } from './ids';
import { stallIfFaulted } from './faults';
import { FixedWindowLimiter, InFlightCounter } from './rate-limit';
import { malform, type Runtime } from './runtime';
import type { JsonRecord, XeroTenant } from './store';
import { sendForbidden, sendUnauthorized } from './xero-errors';
import { toXeroXml, wantsJson } from './xero-xml';
import type { XeroTokens } from './xero-tokens';

export const XERO_API_PREFIX = '/api.xro/2.0/';
export const XERO_LIMITS = { perMinute: 60, concurrent: 5, perDay: 5000, appPerMinute: 10_000 } as const;
const DAY_MS = 24 * 3600_000;
const PROVIDER_NAME = 'Mapping Guard';

interface Collection {
  name: string;
  key: string;
  records: (tenant: XeroTenant, ctx: RequestContext) => JsonRecord[];
  ifModifiedSince?: boolean;
}

const COLLECTIONS: Record<string, Collection> = {
  organisation: { name: 'Organisation', key: 'Organisations', records: (t) => [t.organisation] },
  accounts: { name: 'Accounts', key: 'Accounts', records: (t) => t.accounts, ifModifiedSince: true },
  items: { name: 'Items', key: 'Items', records: (t) => t.items, ifModifiedSince: true },
  trackingcategories: {
    name: 'TrackingCategories',
    key: 'TrackingCategories',
    // Archived categories only with includeArchived=true; deleted ones never (research/xero.md §1.5).
    records: (t, ctx) => {
      const includeArchived = ctx.query.get('includearchived')?.toLowerCase() === 'true';
      return t.trackingCategories.filter((c) => c.Status !== 'DELETED' && (includeArchived || c.Status !== 'ARCHIVED'));
    },
  },
  currencies: { name: 'Currencies', key: 'Currencies', records: (t) => t.currencies },
  taxrates: { name: 'TaxRates', key: 'TaxRates', records: (t) => t.taxRates },
};

export function createXeroApi(rt: Runtime, tokens: XeroTokens) {
  const minute = new FixedWindowLimiter(XERO_LIMITS.perMinute, rt.rateLimitWindowMs, rt.now);
  const day = new FixedWindowLimiter(XERO_LIMITS.perDay, DAY_MS, rt.now);
  const app = new FixedWindowLimiter(XERO_LIMITS.appPerMinute, rt.rateLimitWindowMs, rt.now);
  const inFlight = new InFlightCounter();

  function limitHeaders(tenantId: string | undefined): Record<string, string> {
    return {
      'x-minlimit-remaining': String(tenantId ? minute.remaining(tenantId) : XERO_LIMITS.perMinute),
      'x-daylimit-remaining': String(tenantId ? day.remaining(tenantId) : XERO_LIMITS.perDay),
      'x-appminlimit-remaining': String(app.remaining('app')),
    };
  }

  function tooMany(ctx: RequestContext, tenantId: string, problem: 'minute' | 'day' | 'concurrent', retryAfter: number): void {
    rt.stats.throttled(429);
    send(ctx, 429, '', 'text/plain', { ...limitHeaders(tenantId), 'retry-after': String(retryAfter), 'x-rate-limit-problem': problem });
  }

  async function handle(ctx: RequestContext): Promise<void> {
    const name = ctx.path.toLowerCase().slice(XERO_API_PREFIX.length).replace(/\/+$/, '');
    const collection = COLLECTIONS[name];
    rt.stats.count(`xero ${ctx.method} ${collection?.name ?? name}`);

    const access = tokens.checkAccess(header(ctx, 'authorization'));
    if (!access.ok) return sendUnauthorized(ctx, access, limitHeaders(undefined));
    const tenantId = header(ctx, 'xero-tenant-id')?.trim();
    const tenant = tenantId ? rt.store.tenant(tenantId) : undefined;
    if (!tenant || !tokens.isConnected(tenant.tenantId)) return sendForbidden(ctx, 'AuthenticationUnsuccessful', limitHeaders(undefined));
    const key = tenant.tenantId;

    if (rt.faults.take('rateLimitStorm', 'xero')) return tooMany(ctx, key, 'minute', 1);
    if (inFlight.get(key) >= XERO_LIMITS.concurrent) return tooMany(ctx, key, 'concurrent', 1);
    const daily = day.hit(key);
    if (!daily.allowed) return tooMany(ctx, key, 'day', daily.retryAfterSeconds);
    const perMinute = minute.hit(key);
    if (!perMinute.allowed) return tooMany(ctx, key, 'minute', perMinute.retryAfterSeconds);
    app.hit('app');

    rt.stats.concurrency('xero', inFlight.enter(key));
    try {
      const slowMs = rt.faults.get('slowMs');
      if (slowMs > 0) await delay(slowMs);
      respond(ctx, tenant, collection, limitHeaders(key));
    } finally {
      inFlight.leave(key);
    }
  }

  function respond(ctx: RequestContext, tenant: XeroTenant, collection: Collection | undefined, headers: Record<string, string>): void {
    if (stallIfFaulted(rt.faults, ctx, 'xero')) return;
    if (rt.faults.take('serverErrors', 'xero')) {
      return sendJson(ctx, 500, { Title: 'An error occurred', Detail: 'An error occurred in Xero. Check the API Status page http://status.developer.xero.com for current service status.', Status: 500 }, headers);
    }
    if (!collection) return sendJson(ctx, 404, { Title: 'Not Found', Status: 404, Detail: 'The resource you are looking for was not found' }, headers);
    if (ctx.method !== 'GET') {
      // The sandbox's app only holds read scopes, as Mapping Guard does.
      return sendForbidden(ctx, 'AuthorizationUnsuccessful', { ...headers, 'www-authenticate': 'Bearer error="insufficient_scope"' });
    }

    let records = collection.records(tenant, ctx);
    if (collection.ifModifiedSince) {
      const since = parseHttpDate(header(ctx, 'if-modified-since'));
      if (since !== undefined) {
        // Xero compares to the second and returns only what changed since; nothing changed → 304.
        records = records.filter((r) => Math.floor((timestampMs(r.UpdatedDateUTC) ?? 0) / 1000) > Math.floor(since / 1000));
        if (records.length === 0) return sendEmpty(ctx, 304, headers);
      }
    }
    try {
      records = applyWhere(records, ctx.query.get('where'));
      records = applyOrder(records, ctx.query.get('order'));
    } catch (error) {
      return sendJson(ctx, 400, { ErrorNumber: 16, Type: 'QueryParseException', Message: String((error as Error).message) }, headers);
    }
    const envelope = {
      Id: randomUUID(),
      Status: 'OK',
      ProviderName: PROVIDER_NAME,
      DateTimeUTC: xeroTimestamp(rt.now()),
      [collection.key]: records,
    };
    if (!wantsJson(header(ctx, 'accept'))) return send(ctx, 200, toXeroXml(envelope), 'text/xml; charset=utf-8', headers);
    const body = JSON.stringify(envelope);
    const malformed = rt.faults.take('malformedJson', 'xero');
    send(ctx, 200, malformed ? malform(body) : body, 'application/json; charset=utf-8', headers);
  }

  return { handle, reset: () => [minute, day, app].forEach((l) => l.reset()) };
}

/** If-Modified-Since as Xero takes it: an ISO timestamp (its docs' form) or an HTTP date. */
function parseHttpDate(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

const CONDITION = /^\s*([A-Za-z][\w.]*)\s*(==|!=)\s*(?:"([^"]*)"|(true|false|-?\d+(?:\.\d+)?))\s*$/i;

/** A small subset of Xero's `where`: `Field=="text"`, `Field!="text"`, `Field==true`, joined with AND. */
export function applyWhere(records: JsonRecord[], where: string | undefined): JsonRecord[] {
  if (!where?.trim()) return records;
  const conditions = where.split(/\s+AND\s+/i).map((part) => {
    const match = CONDITION.exec(part);
    if (!match) throw new Error(`Unsupported where clause: ${part}`);
    const [, field = '', op, quoted, literal] = match;
    const expected = quoted ?? literal ?? '';
    return (r: JsonRecord) => {
      const actual = field.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as JsonRecord)[k] : undefined), r);
      const equal = String(actual ?? '').toLowerCase() === expected.toLowerCase();
      return op === '==' ? equal : !equal;
    };
  });
  return records.filter((r) => conditions.every((matches) => matches(r)));
}

/** `order=Name ASC` / `order=Code DESC`. */
export function applyOrder(records: JsonRecord[], order: string | undefined): JsonRecord[] {
  if (!order?.trim()) return records;
  const [field = '', direction = 'ASC'] = order.trim().split(/\s+/);
  const sign = direction.toUpperCase() === 'DESC' ? -1 : 1;
  return [...records].sort((a, b) => sign * String(a[field] ?? '').localeCompare(String(b[field] ?? ''), 'en', { numeric: true }));
}
