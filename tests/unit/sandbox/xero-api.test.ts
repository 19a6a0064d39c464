// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox/index';
import { call, connect, xeroHeaders } from './client';
import { ORG_ID, fixtureSnapshot } from './fixture';

const API = 'https://api.xero.com/api.xro/2.0';
let clock = Date.parse('2026-11-21T10:00:00Z');
let sandbox: Sandbox;
let token: string;

beforeAll(async () => {
  sandbox = await startSandbox({ snapshot: fixtureSnapshot(), port: 0, now: () => clock });
  token = (await connect(sandbox)).access_token;
});
afterAll(() => sandbox.close());
afterEach(() => {
  sandbox.faults.clear();
  // Next minute window, so one test's calls never throttle the next (the tokens last 30 minutes).
  clock += 60_000;
  sandbox.resetRateLimits();
});

const get = (path: string, headers: Record<string, string> = xeroHeaders(token, ORG_ID)) => call(sandbox, `${API}/${path}`, { headers });

describe('Xero API auth', () => {
  it('answers 401 with a problem body without a token or with an unknown one', async () => {
    const none = await get('Accounts', { 'xero-tenant-id': ORG_ID });
    expect(none.status).toBe(401);
    expect(none.json()).toMatchObject({ Title: 'Unauthorized', Status: 401, Detail: 'AuthenticationUnsuccessful', Type: null });
    expect((await get('Accounts', xeroHeaders('not-a-token', ORG_ID))).status).toBe(401);
  });

  it('answers 403 without xero-tenant-id or for a tenant that is not connected', async () => {
    const { 'xero-tenant-id': _omit, ...noTenant } = xeroHeaders(token, ORG_ID);
    const missing = await get('Accounts', noTenant);
    expect(missing.status).toBe(403);
    expect(missing.json()).toMatchObject({ Title: 'Forbidden', Status: 403 });
    const other = sandbox.tenants.find((t) => t.tenantId !== ORG_ID)!;
    expect((await get('Accounts', xeroHeaders(token, other.tenantId))).status).toBe(403);
  });
});

describe('Xero API collections', () => {
  it('wraps each collection in the JSON envelope, case-insensitively', async () => {
    const reply = await get('accounts');
    expect(reply.status).toBe(200);
    const body = reply.json<Record<string, unknown> & { Accounts: unknown[] }>();
    expect(body).toMatchObject({ Id: expect.any(String), Status: 'OK', ProviderName: expect.any(String), DateTimeUTC: expect.stringMatching(/^\/Date\(\d+\+0000\)\/$/) });
    expect(body.Accounts).toHaveLength(5);
    const org = (await get('Organisation')).json<{ Organisations: Array<{ OrganisationID: string; ShortCode: string }> }>();
    expect(org.Organisations).toEqual([expect.objectContaining({ OrganisationID: ORG_ID, ShortCode: '!Fx1tu' })]);
    for (const [path, key] of [['Items', 'Items'], ['Currencies', 'Currencies'], ['TaxRates', 'TaxRates'], ['TrackingCategories', 'TrackingCategories']] as const) {
      expect((await get(path)).json<Record<string, unknown>>()[key]).toBeInstanceOf(Array);
    }
    expect((await get('Invoices')).status).toBe(404);
  });

  it('answers XML, as Xero does, when the request does not ask for JSON', async () => {
    const { accept: _accept, ...noAccept } = xeroHeaders(token, ORG_ID);
    const xml = await get('Currencies', noAccept);
    expect(xml.status).toBe(200);
    expect(xml.headers['content-type']).toMatch(/^text\/xml/);
    expect(xml.text).toMatch(/^<Response [^>]*><Id>[^<]+<\/Id><Status>OK<\/Status>.*<Currencies><Currency><Code>NZD<\/Code><Description>New Zealand Dollar<\/Description><\/Currency><\/Currencies><\/Response>$/);
  });

  it('hides archived tracking categories unless includeArchived=true', async () => {
    const active = (await get('TrackingCategories')).json<{ TrackingCategories: Array<{ Name: string }> }>();
    expect(active.TrackingCategories.map((c) => c.Name)).toEqual(['Region']);
    const all = (await get('TrackingCategories?includeArchived=true')).json<{ TrackingCategories: Array<{ Name: string }> }>();
    expect(all.TrackingCategories.map((c) => c.Name)).toEqual(['Region', 'Old']);
  });

  it('supports simple where and order', async () => {
    const banks = (await get(`Accounts?where=${encodeURIComponent('Status=="ACTIVE" AND Type=="BANK"')}`)).json<{ Accounts: Array<{ Code: string }> }>();
    expect(banks.Accounts.map((a) => a.Code)).toEqual(['090']);
    const ordered = (await get('Accounts?order=Code%20DESC')).json<{ Accounts: Array<{ Code: string }> }>();
    expect(ordered.Accounts.map((a) => a.Code)).toEqual(['1400', '425', '310', '200', '090']);
    expect((await get('Accounts?where=Name%20LIKE%20x')).status).toBe(400);
  });

  it('sends the remaining-calls headers on every response', async () => {
    const first = await get('Currencies');
    expect(first.headers['x-minlimit-remaining']).toBe('59');
    expect(first.headers['x-daylimit-remaining']).toMatch(/^\d+$/);
    expect(first.headers['x-appminlimit-remaining']).toMatch(/^\d+$/);
    expect((await get('Currencies')).headers['x-minlimit-remaining']).toBe('58');
  });
});

describe('If-Modified-Since', () => {
  it('answers 304 on Accounts and Items when nothing changed, then only what changed', async () => {
    const since = new Date(clock - 1000).toISOString();
    const unchanged = await get('Accounts', { ...xeroHeaders(token, ORG_ID), 'if-modified-since': since });
    expect(unchanged.status).toBe(304);
    expect(unchanged.text).toBe('');
    expect((await get('Items', { ...xeroHeaders(token, ORG_ID), 'if-modified-since': since })).status).toBe(304);

    sandbox.store.modifyXeroAccount('1400', { Status: 'ARCHIVED' });
    const changed = await get('Accounts', { ...xeroHeaders(token, ORG_ID), 'if-modified-since': since });
    expect(changed.status).toBe(200);
    expect(changed.json<{ Accounts: Array<{ Code: string; Status: string }> }>().Accounts).toEqual([
      expect.objectContaining({ Code: '1400', Status: 'ARCHIVED' }),
    ]);
    // Not honoured on Organisation (research/xero.md §1.1): a full answer.
    expect((await get('Organisation', { ...xeroHeaders(token, ORG_ID), 'if-modified-since': since })).status).toBe(200);
  });
});

describe('Xero rate limits', () => {
  it('answers the 61st call in a minute with 429, Retry-After and X-Rate-Limit-Problem: minute', async () => {
    const replies = [];
    // Sequential: five concurrent is the other limit.
    for (let i = 0; i < 61; i++) replies.push(await get('Currencies'));
    expect(replies.slice(0, 60).every((r) => r.status === 200)).toBe(true);
    const refused = replies[60]!;
    expect(refused.status).toBe(429);
    expect(refused.headers['x-rate-limit-problem']).toBe('minute');
    expect(refused.headers['retry-after']).toBe('60');
    expect(refused.headers['x-minlimit-remaining']).toBe('0');
  });

  it('answers a sixth concurrent call with 429 X-Rate-Limit-Problem: concurrent', async () => {
    sandbox.faults.set('slowMs', 200);
    sandbox.stats.reset();
    const replies = await Promise.all(Array.from({ length: 6 }, () => get('Currencies')));
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(replies.find((r) => r.status === 429)?.headers['x-rate-limit-problem']).toBe('concurrent');
    expect(sandbox.stats.maxXeroConcurrency).toBe(5);
    expect(sandbox.stats.sent429).toBe(1);
  });

  it('answers everything with 429 during a rate-limit storm', async () => {
    sandbox.faults.set('rateLimitStorm', { api: 'xero' });
    const reply = await get('Accounts');
    expect(reply.status).toBe(429);
    expect(reply.headers['retry-after']).toBe('1');
  });
});

describe('Xero faults', () => {
  it('serverErrors, malformedJson and expireAccessTokens', async () => {
    sandbox.faults.set('serverErrors', { times: 1 });
    expect((await get('Accounts')).status).toBe(500);
    expect((await get('Accounts')).status).toBe(200);

    sandbox.faults.set('malformedJson', true);
    const cut = await get('Accounts');
    expect(cut.status).toBe(200);
    expect(() => cut.json()).toThrow();
    sandbox.faults.clear('malformedJson');

    sandbox.faults.set('expireAccessTokens', true);
    const expired = await get('Accounts');
    expect(expired.status).toBe(401);
    expect(expired.json<{ Detail: string }>().Detail).toMatch(/^TokenExpired/);
    sandbox.faults.clear('expireAccessTokens');
    expect((await get('Accounts')).status).toBe(200);
  });
});
