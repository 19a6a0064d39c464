import { beforeEach, describe, expect, it } from 'vitest';
import { XeroClient, xeroQueues, type XeroTokenSource } from '@/utils/xero/api/client';
import { UserFacingError } from '@/utils/net/user-error';

type Reply = { status?: number; body?: unknown; headers?: Record<string, string> };
const account = (code: string) => ({ AccountID: `id-${code}`, Code: code, Name: `Account ${code}`, Type: 'REVENUE', Status: 'ACTIVE' });

function stub(answer: (request: { url: URL; headers: Headers }, index: number) => Reply) {
  const requests: { url: URL; headers: Headers }[] = [];
  const fetchFn = (input: RequestInfo | URL, init?: RequestInit) => {
    const request = { url: new URL(String(input)), headers: new Headers(init?.headers) };
    requests.push(request);
    const reply = answer(request, requests.length - 1);
    const status = reply.status ?? 200;
    const body = status === 304 ? null : JSON.stringify(reply.body ?? {});
    return Promise.resolve(new Response(body, { status, headers: { 'Content-Type': 'application/json', ...reply.headers } }));
  };
  return { fetchFn: fetchFn as typeof fetch, requests };
}

function tokens(): XeroTokenSource & { refreshes: number } {
  let current = 'at-1';
  const source = {
    refreshes: 0,
    accessToken: () => Promise.resolve(current),
    afterUnauthorized: () => {
      source.refreshes++;
      current = `at-${source.refreshes + 1}`;
      return Promise.resolve(current);
    },
  };
  return source;
}

beforeEach(() => xeroQueues.configure({ perWindow: 1000, windowMs: 1000, concurrency: 5 }));

describe('XeroClient', () => {
  it('sends the tenant header and bearer token to the fixed API base, and tracks the remaining-calls headers', async () => {
    const { fetchFn, requests } = stub(() => ({
      body: { Accounts: [account('200')] },
      headers: { 'X-MinLimit-Remaining': '57', 'X-DayLimit-Remaining': '4990', 'X-AppMinLimit-Remaining': '9999' },
    }));
    const client = new XeroClient('tenant-1', tokens(), { fetch: fetchFn });
    const answer = await client.list('Accounts');
    expect(answer).toEqual({ notModified: false, changedOnly: false, items: [account('200')] });
    expect(requests[0]?.url.href).toBe('https://api.xero.com/api.xro/2.0/Accounts');
    expect(requests[0]?.headers.get('xero-tenant-id')).toBe('tenant-1');
    expect(requests[0]?.headers.get('Authorization')).toBe('Bearer at-1');
    expect(client.limits).toEqual({ minuteRemaining: 57, dayRemaining: 4990, appMinuteRemaining: 9999 });
  });

  it('uses If-Modified-Since on Accounts and Items only, and reports 304 as not modified', async () => {
    const { fetchFn, requests } = stub((request) =>
      request.url.pathname.endsWith('Accounts') ? { status: 304 } : { body: { Currencies: [{ Code: 'NZD' }] } },
    );
    const client = new XeroClient('tenant-1', tokens(), { fetch: fetchFn });
    expect(await client.list('Accounts', { modifiedSince: '2026-11-20T08:00:00.123Z' })).toEqual({ notModified: true });
    expect(requests[0]?.headers.get('If-Modified-Since')).toBe('2026-11-20T08:00:00Z');
    await client.list('Currencies', { modifiedSince: '2026-11-20T08:00:00Z' });
    expect(requests[1]?.headers.has('If-Modified-Since')).toBe(false);
  });

  it('refreshes once after a 401 and retries with the new token', async () => {
    const source = tokens();
    const { fetchFn, requests } = stub((request) =>
      request.headers.get('Authorization') === 'Bearer at-1' ? { status: 401, body: { Title: 'Unauthorized' } } : { body: { Accounts: [] } },
    );
    await new XeroClient('tenant-1', source, { fetch: fetchFn }).list('Accounts');
    expect(source.refreshes).toBe(1);
    expect(requests.map((r) => r.headers.get('Authorization'))).toEqual(['Bearer at-1', 'Bearer at-2']);
  });

  it('gives the reconnect error when Xero still says 401 after a refresh (no loop)', async () => {
    const source = tokens();
    const { fetchFn, requests } = stub(() => ({ status: 401, body: {} }));
    const error = await new XeroClient('tenant-1', source, { fetch: fetchFn }).list('Accounts').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).message).toMatch(/reconnect Xero/);
    expect(requests).toHaveLength(2);
    expect(source.refreshes).toBe(1);
  });

  it('waits Retry-After on 429 and stops at once on the daily limit', async () => {
    const waits: number[] = [];
    const minute = stub((_r, index) => (index === 0 ? { status: 429, headers: { 'Retry-After': '0', 'X-Rate-Limit-Problem': 'minute' } } : { body: { Accounts: [] } }));
    await new XeroClient('tenant-1', tokens(), { fetch: minute.fetchFn, onWait: (ms) => waits.push(ms) }).list('Accounts');
    expect(minute.requests).toHaveLength(2);
    expect(waits).toEqual([0]);

    const day = stub(() => ({ status: 429, headers: { 'Retry-After': '50000', 'X-Rate-Limit-Problem': 'day' } }));
    const error = await new XeroClient('tenant-1', tokens(), { fetch: day.fetchFn }).list('Accounts').catch((e: unknown) => e);
    expect((error as UserFacingError).code).toBe('xero-rate-limit');
    expect((error as UserFacingError).message).toMatch(/daily/);
    expect(day.requests).toHaveLength(1);
  });

  it('rejects an answer that fails the schema with a readable error and the detail', async () => {
    const { fetchFn } = stub(() => ({ body: { Accounts: [{ Code: '200' }] } }));
    const error = await new XeroClient('tenant-1', tokens(), { fetch: fetchFn }).list('Accounts').catch((e: unknown) => e);
    expect((error as UserFacingError).code).toBe('invalid-response');
    expect((error as UserFacingError).detail).toMatch(/Accounts\.0\.(Name|Type)/);
  });

  it('never has more than 5 calls in flight for one tenant', async () => {
    let inFlight = 0;
    let peak = 0;
    const fetchFn = (async () => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 20));
      inFlight--;
      return new Response(JSON.stringify({ Currencies: [] }), { headers: { 'Content-Type': 'application/json' } });
    }) as typeof fetch;
    const client = new XeroClient('tenant-1', tokens(), { fetch: fetchFn });
    await Promise.all(Array.from({ length: 12 }, () => client.list('Currencies')));
    expect(peak).toBe(5);
  });
});
