// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox/index';
import { call, cin7Headers } from './client';
import { fixtureSnapshot } from './fixture';

const API = 'https://inventory.dearsystems.com/ExternalApi/v2';
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ snapshot: fixtureSnapshot(), port: 0 });
});
afterAll(() => sandbox.close());
afterEach(() => {
  sandbox.faults.clear();
  sandbox.resetRateLimits();
});

const get = (path: string, headers: Record<string, string> = cin7Headers(sandbox)) => call(sandbox, `${API}/${path}`, { headers });

describe('Cin7 auth headers', () => {
  it('answers 403 with the error model when either header is missing or wrong', async () => {
    const missing = await get('me', {});
    expect(missing.status).toBe(403);
    expect(missing.json()).toEqual({ ErrorCode: 403, Exception: expect.any(String) });

    const wrongKey = await get('me', { ...cin7Headers(sandbox), 'api-auth-applicationkey': 'nope' });
    expect(wrongKey.status).toBe(403);
    const onlyAccount = await get('me', { 'api-auth-accountid': sandbox.cin7Credentials.accountId });
    expect(onlyAccount.status).toBe(403);
  });

  it('serves me with the right headers, on either path spelling', async () => {
    const upper = await get('me');
    expect(upper.status).toBe(200);
    expect(upper.json()).toMatchObject({ Company: 'Fixture Ltd', Currency: 'NZD' });
    const lower = await call(sandbox, 'https://inventory.dearsystems.com/externalapi/v2/ME', { headers: cin7Headers(sandbox) });
    expect(lower.status).toBe(200);
  });

  it('answers an unknown endpoint with 404 and a verb it does not support with 403', async () => {
    expect((await get('Products')).status).toBe(404);
    const put = await call(sandbox, `${API}/ref/account`, { method: 'PUT', headers: cin7Headers(sandbox), body: '{}' });
    expect(put.status).toBe(403);
  });
});

describe('Cin7 paging and filters', () => {
  it('pages 100 by default with Total and Page in the envelope', async () => {
    const body = (await get('product')).json<{ Total: number; Page: number; Products: Array<{ SKU: string }> }>();
    // 250 products, one Deprecated: hidden unless IncludeDeprecated=true.
    expect(body.Total).toBe(249);
    expect(body.Page).toBe(1);
    expect(body.Products).toHaveLength(100);
    expect(body.Products[0]?.SKU).toBe('SKU-000');
  });

  it('honours Page/Limit in any letter case and caps Limit at 1000', async () => {
    const page3 = (await get('product?page=3&LIMIT=100')).json<{ Page: number; Products: unknown[] }>();
    expect(page3.Page).toBe(3);
    expect(page3.Products).toHaveLength(49);
    const big = (await get('product?Limit=5000&IncludeDeprecated=true')).json<{ Total: number; Products: unknown[] }>();
    expect(big.Total).toBe(250);
    expect(big.Products).toHaveLength(250);
    expect((await get('product?Page=0')).status).toBe(400);
  });

  it('filters accounts by Code and tax rules by IsActive', async () => {
    const accounts = (await get('ref/account?Code=310')).json<{ AccountsList: Array<{ Name: string }> }>();
    expect(accounts.AccountsList.map((a) => a.Name)).toEqual(['Cost of Goods Sold']);
    const inactive = (await get('ref/tax?IsActive=false')).json<{ TaxRuleList: unknown[]; Total: number }>();
    expect(inactive.Total).toBe(0);
    const active = (await get('ref/tax')).json<{ TaxRuleList: Array<{ ID: string; Name: string }> }>();
    expect(active.TaxRuleList[0]).toMatchObject({ Name: 'GST on Income', ID: expect.any(String) });
  });

  it('returns only records modified since ModifiedSince, and a record changed in the store shows up', async () => {
    const cutoff = new Date(Date.now() - 1000).toISOString();
    const before = (await get(`customer?ModifiedSince=${cutoff}`)).json<{ Total: number }>();
    expect(before.Total).toBe(0);
    sandbox.store.modifyCin7('customers', 'c0000000-0000-4000-8000-000000000002', { RevenueAccount: '260' });
    const after = (await get(`customer?modifiedsince=${cutoff}`)).json<{ CustomerList: Array<{ Name: string; RevenueAccount: string }> }>();
    expect(after.CustomerList).toEqual([expect.objectContaining({ Name: 'Beta Stores', RevenueAccount: '260' })]);
    expect((await get('customer?ModifiedSince=yesterday')).status).toBe(400);
    // A bare day and a zone-less timestamp are read as UTC.
    expect((await get('customer?ModifiedSince=2025-12-31')).json<{ Total: number }>().Total).toBe(2);
    expect((await get('customer?ModifiedSince=2026-01-01T00:00:01')).json<{ Total: number }>().Total).toBe(1);
  });

  it('serves sale?ID and purchase?ID, 404 for unknown ids, and the lists with UpdatedSince', async () => {
    const sale = await get('sale?ID=a0000000-0000-4000-8000-000000000001');
    expect(sale.json()).toMatchObject({ ID: 'a0000000-0000-4000-8000-000000000001', Customer: 'Alpha Retail' });
    expect((await get('sale?ID=does-not-exist')).status).toBe(404);
    expect((await get('purchase')).status).toBe(400);
    const list = (await get('saleList')).json<{ Total: number; SaleList: Array<{ SaleID: string; InvoiceNumber: string | null }> }>();
    expect(list.Total).toBe(2);
    expect(list.SaleList[0]).toMatchObject({ SaleID: 'a0000000-0000-4000-8000-000000000001', InvoiceNumber: 'INV-00001' });

    const cutoff = new Date(Date.now() - 1000).toISOString();
    expect((await get(`purchaseList?UpdatedSince=${cutoff}`)).json<{ Total: number }>().Total).toBe(0);
    sandbox.store.modifyCin7('purchases', 'b0000000-0000-4000-8000-000000000001', { Status: 'INVOICED' });
    const changed = (await get(`purchaseList?UpdatedSince=${cutoff}`)).json<{ PurchaseList: Array<{ Status: string }> }>();
    expect(changed.PurchaseList).toEqual([expect.objectContaining({ Status: 'INVOICED' })]);
  });
});

describe('Cin7 rate limit (60 calls per minute per application key)', () => {
  // A clock the test moves, so the window is exactly a minute however slow the TLS handshakes are.
  let clock = Date.parse('2026-11-21T10:00:00Z');
  let limited: Sandbox;
  beforeAll(async () => {
    limited = await startSandbox({ snapshot: fixtureSnapshot(), port: 0, now: () => clock });
  });
  afterAll(() => limited.close());
  afterEach(() => {
    limited.faults.clear();
    clock += 60_000;
  });

  async function burst(n: number) {
    return Promise.all(Array.from({ length: n }, () => call(limited, `${API}/me`, { headers: cin7Headers(limited) })));
  }

  it('answers the 61st call with 503 and no Retry-After by default, then recovers after the window', async () => {
    const replies = await burst(61);
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(60);
    const refused = replies.find((r) => r.status === 503);
    expect(refused?.headers['retry-after']).toBeUndefined();
    expect(refused?.json()).toMatchObject({ ErrorCode: 503 });
    clock += 59_000;
    expect((await burst(1))[0]?.status).toBe(503);
    clock += 1_000;
    expect((await burst(1))[0]?.status).toBe(200);
  });

  it('answers 429 with Retry-After when configured so, and counts throttling in stats', async () => {
    limited.faults.set('cin7RateLimitStatus', 429);
    const before = limited.stats.sent429;
    const replies = await burst(62);
    const refused = replies.filter((r) => r.status === 429);
    expect(refused).toHaveLength(2);
    expect(refused[0]?.headers['retry-after']).toBe('60');
    expect(limited.stats.sent429 - before).toBe(2);
  });

  it('answers every call as throttled during a rate-limit storm', async () => {
    limited.faults.set('rateLimitStorm', true);
    expect((await burst(3)).map((r) => r.status)).toEqual([503, 503, 503]);
  });
});

describe('Cin7 faults', () => {
  it('sends its error model with HTTP 200, wrapped in a list', async () => {
    sandbox.faults.set('cin7ErrorWith200', { times: 1 });
    const odd = await get('product');
    expect(odd.status).toBe(200);
    expect(odd.json()).toEqual([{ ErrorCode: 400, Exception: expect.any(String) }]);
    expect((await get('product')).json()).toHaveProperty('Products');
  });

  it('sends HTML with HTTP 200', async () => {
    sandbox.faults.set('cin7HtmlWith200', true);
    const odd = await get('me');
    expect(odd.status).toBe(200);
    expect(odd.headers['content-type']).toMatch(/text\/html/);
    expect(odd.text).toMatch(/^<!DOCTYPE html>/);
  });

  it('fails the next N calls with 500, cuts JSON short, and is scoped to one API', async () => {
    sandbox.faults.set('serverErrors', { times: 2, api: 'cin7' });
    expect((await get('me')).status).toBe(500);
    expect((await get('me')).status).toBe(500);
    expect((await get('me')).status).toBe(200);

    sandbox.faults.set('malformedJson', { api: 'xero' });
    expect((await get('me')).json()).toHaveProperty('Company');
    sandbox.faults.set('malformedJson', true);
    const broken = await get('me');
    expect(broken.status).toBe(200);
    expect(() => broken.json()).toThrow();
  });

  it('delays responses with slowMs and counts calls per endpoint', async () => {
    sandbox.stats.reset();
    sandbox.faults.set('slowMs', 120);
    const started = Date.now();
    await Promise.all([get('me'), get('ref/account')]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    expect(sandbox.stats.calls).toMatchObject({ 'cin7 GET me': 1, 'cin7 GET ref/account': 1 });
    expect(sandbox.stats.maxCin7Concurrency).toBe(2);
  });
});
