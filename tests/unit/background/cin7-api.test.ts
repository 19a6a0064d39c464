import { beforeEach, describe, expect, it } from 'vitest';
import { Cin7Client, CIN7_PAGE_SIZE, cin7Queues } from '@/utils/cin7/api/client';
import { UserFacingError } from '@/utils/net/user-error';

const credentials = { accountId: 'acc-1', applicationKey: 'key-1' };
type Reply = { status?: number; body?: unknown; text?: string; headers?: Record<string, string> };
const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Reply => ({ status, body, headers });

/** A fetch stub that records requests and answers from a list (or a function of the URL). */
function stubFetch(answer: (url: URL, index: number) => Reply) {
  const requests: { url: URL; headers: Headers }[] = [];
  const fetchFn = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    requests.push({ url, headers: new Headers(init?.headers) });
    const reply = answer(url, requests.length - 1);
    const text = reply.text ?? JSON.stringify(reply.body);
    const contentType = reply.text !== undefined ? 'text/html' : 'application/json; charset=utf-8';
    return Promise.resolve(
      new Response(text, { status: reply.status ?? 200, headers: { 'Content-Type': contentType, ...reply.headers } }),
    );
  };
  return { fetchFn: fetchFn as typeof fetch, requests };
}

const product = (n: number) => ({ ID: `p${n}`, SKU: `SKU-${n}`, Name: `Product ${n}` });

beforeEach(() => cin7Queues.configure({ perWindow: 1000, windowMs: 1000, concurrency: 2 }));

describe('Cin7Client', () => {
  it('sends both auth headers to the fixed API base and validates me', async () => {
    const { fetchFn, requests } = stubFetch(() => json({ Company: 'Demo Co', Currency: 'NZD' }));
    const me = await new Cin7Client(credentials, { fetch: fetchFn }).me();
    expect(me.Company).toBe('Demo Co');
    expect(requests[0]?.url.href).toBe('https://inventory.dearsystems.com/ExternalApi/v2/me');
    expect(requests[0]?.headers.get('api-auth-accountid')).toBe('acc-1');
    expect(requests[0]?.headers.get('api-auth-applicationkey')).toBe('key-1');
  });

  it('reads every page with Page/Limit 1000 and stops at Total', async () => {
    const total = CIN7_PAGE_SIZE * 2 + 5;
    const { fetchFn, requests } = stubFetch((url) => {
      const page = Number(url.searchParams.get('Page'));
      const start = (page - 1) * CIN7_PAGE_SIZE;
      const items = Array.from({ length: Math.min(CIN7_PAGE_SIZE, total - start) }, (_, i) => product(start + i));
      return json({ Total: total, Page: page, Products: items });
    });
    const pages: unknown[] = [];
    const products = await new Cin7Client(credentials, { fetch: fetchFn }).listAll('products', {
      onPage: ({ items, ...progress }) => void pages.push({ ...progress, count: items.length }),
    });
    expect(products).toHaveLength(total);
    expect(requests.map((r) => r.url.searchParams.get('Page'))).toEqual(['1', '2', '3']);
    expect(requests.every((r) => r.url.searchParams.get('Limit') === '1000')).toBe(true);
    expect(pages.at(-1)).toEqual({ list: 'Cin7 products', page: 3, pages: 3, last: true, count: total - 2000 });
  });

  it('continues a stopped read from the page given, without asking for the pages before it', async () => {
    const { fetchFn, requests } = stubFetch((url) => {
      const page = Number(url.searchParams.get('Page'));
      return json({ Total: 2500, Page: page, Products: Array.from({ length: page < 3 ? 1000 : 500 }, (_, i) => ({ SKU: `P${page}-${i}` })) });
    });
    const rest = await new Cin7Client(credentials, { fetch: fetchFn }).listAll('products', { fromPage: 2 });
    expect(requests.map((r) => r.url.searchParams.get('Page'))).toEqual(['2', '3']);
    expect(rest).toHaveLength(1500);
  });

  it('passes ModifiedSince only to endpoints that support it', async () => {
    const { fetchFn, requests } = stubFetch((url) =>
      url.pathname.endsWith('product') ? json({ Total: 0, Products: [] }) : json({ Total: 0, AccountsList: [] }),
    );
    const client = new Cin7Client(credentials, { fetch: fetchFn });
    await client.listAll('products', { modifiedSince: '2026-01-01T00:00:00' });
    await client.listAll('accounts', { modifiedSince: '2026-01-01T00:00:00' });
    expect(requests[0]?.url.searchParams.get('ModifiedSince')).toBe('2026-01-01T00:00:00');
    expect(requests[1]?.url.searchParams.has('ModifiedSince')).toBe(false);
  });

  it('waits Retry-After on 429 and backs off on 503 without it, then succeeds with nothing lost', async () => {
    const { fetchFn, requests } = stubFetch((_url, index) => {
      if (index === 0) return json({ ErrorCode: 429 }, 429, { 'Retry-After': '0' });
      if (index === 1) return json({ ErrorCode: 503, Exception: 'You reached 60 calls per minute API limit.' }, 503);
      return json({ Total: 1, Products: [product(1)] });
    });
    const waits: number[] = [];
    const products = await new Cin7Client(credentials, {
      fetch: fetchFn,
      retryBaseMs: 5,
      onWait: (ms) => waits.push(ms),
    }).listAll('products');
    expect(products.map((p) => p.SKU)).toEqual(['SKU-1']);
    expect(requests).toHaveLength(3);
    expect(waits).toEqual([0, 10]);
  });

  it('gives up after the retries with a rate-limit error the user understands', async () => {
    const { fetchFn } = stubFetch(() => json({}, 503));
    const error = await new Cin7Client(credentials, { fetch: fetchFn, retryBaseMs: 1, maxRetries: 2 })
      .me()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).code).toBe('cin7-rate-limit');
  });

  it.each([
    ['an ErrorCode body with 200 (top level)', json({ ErrorCode: 400, Exception: 'Required attribute ProductionBOMs is not provided.' }), 'cin7-api'],
    ['an ErrorCode body with 200 (in a list)', json([{ ErrorCode: 400, Exception: 'bad' }]), 'cin7-api'],
    ['HTML with 200', { status: 200, text: '<html><body>Page not found</body></html>' }, 'invalid-response'],
    ['a 403 for wrong keys', json({ ErrorCode: 403, Exception: 'Incorrect credentials!' }, 403), 'cin7-credentials'],
    ['a body that fails the schema', json({ Company: 'x' }), 'invalid-response'],
  ])('treats %s as an error', async (_label, reply, code) => {
    const { fetchFn } = stubFetch(() => reply);
    const error = await new Cin7Client(credentials, { fetch: fetchFn }).me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).code).toBe(code);
    expect((error as UserFacingError).detail).toBeTruthy();
    expect((error as UserFacingError).detail).not.toContain('key-1');
  });

  it('keeps to the per-key limit through its queue', async () => {
    cin7Queues.configure({ perWindow: 2, windowMs: 200, concurrency: 2 });
    const { fetchFn } = stubFetch(() => json({ Company: 'x', Currency: 'NZD' }));
    const client = new Cin7Client(credentials, { fetch: fetchFn });
    const started = Date.now();
    await Promise.all([client.me(), client.me(), client.me(), client.me(), client.me()]);
    // 5 calls at 2 per 200 ms need at least two full windows.
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
  });
});
