// Nothing hangs: every API call has a time limit (headers and body), and a stalled or failing server is retried
// with backoff before the call gives up with an error in words (issue #15 item 1).
import { beforeEach, describe, expect, it } from 'vitest';
import { Cin7Client, cin7Queues } from '@/utils/cin7/api/client';
import { fetchXeroConnections, XeroClient, xeroQueues } from '@/utils/xero/api/client';
import { CallTimeoutError, fetchText } from '@/utils/net/timed-fetch';

const credentials = { accountId: 'acc-1', applicationKey: 'key-1' };
const tokens = { accessToken: () => Promise.resolve('at-1'), afterUnauthorized: () => Promise.resolve('at-2') };
const jsonReply = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** A server that never answers, until the caller's signal gives up. */
const stalled = (_input: RequestInfo | URL, init?: RequestInit) =>
  new Promise<Response>((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true });
  });

/** Headers arrive, the body never ends. */
const stalledBody = (_input: RequestInfo | URL, init?: RequestInit) =>
  Promise.resolve(
    new Response(
      new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"Company":'));
          init?.signal?.addEventListener('abort', () => controller.error(init.signal?.reason), { once: true });
        },
      }),
      { status: 200, headers: { 'Content-Type': 'application/json' } },
    ),
  );

/** Answers from a list, one per call, and counts the calls. */
function sequence(...replies: (() => Promise<Response>)[]) {
  let index = 0;
  const fetchFn = ((input: RequestInfo | URL, init?: RequestInit) => {
    const next = replies[Math.min(index++, replies.length - 1)]!;
    return next === (stalled as unknown) ? stalled(input, init) : next();
  }) as typeof fetch;
  return { fetchFn, calls: () => index };
}

beforeEach(() => {
  cin7Queues.configure({ perWindow: 1000, windowMs: 1000, concurrency: 2 });
  xeroQueues.configure({ perWindow: 1000, windowMs: 1000, concurrency: 5 });
});

describe('fetchText', () => {
  it('gives up on a server that never answers, and on a body that never ends', async () => {
    await expect(fetchText(stalled as typeof fetch, 'https://x.example/', {}, 20)).rejects.toBeInstanceOf(CallTimeoutError);
    await expect(fetchText(stalledBody as typeof fetch, 'https://x.example/', {}, 20)).rejects.toBeInstanceOf(CallTimeoutError);
  });

  it('keeps the caller’s own cancellation as it is', async () => {
    const controller = new AbortController();
    const pending = fetchText(stalled as typeof fetch, 'https://x.example/', { signal: controller.signal }, 5_000);
    controller.abort(new Error('closed'));
    await expect(pending).rejects.toThrow('closed');
  });
});

describe('Cin7Client', () => {
  it('retries a call that timed out and succeeds when the server answers again', async () => {
    const { fetchFn, calls } = sequence(stalled as never, () => Promise.resolve(jsonReply({ Company: 'Demo Co', Currency: 'NZD' })));
    const me = await new Cin7Client(credentials, { fetch: fetchFn, timeoutMs: 20, retryBaseMs: 1 }).me();
    expect(me.Company).toBe('Demo Co');
    expect(calls()).toBe(2);
  });

  it('gives up after its retries with a network error in words when the server keeps stalling', async () => {
    const { fetchFn, calls } = sequence(stalled as never);
    const error = await new Cin7Client(credentials, { fetch: fetchFn, timeoutMs: 20, retryBaseMs: 1, maxRetries: 2 }).me().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'network', message: expect.stringMatching(/Could not reach Cin7 Core/) });
    expect(calls()).toBe(3);
  });

  it('retries a 500 on one page of a list instead of abandoning the list', async () => {
    const { fetchFn, calls } = sequence(
      () => Promise.resolve(new Response('<html>Internal Server Error</html>', { status: 500, headers: { 'Content-Type': 'text/html' } })),
      () => Promise.resolve(jsonReply({ Total: 1, Products: [{ ID: 'p1', SKU: 'A', Name: 'A' }] })),
    );
    const products = await new Cin7Client(credentials, { fetch: fetchFn, retryBaseMs: 1 }).listAll('products');
    expect(products.map((p) => p.ID)).toEqual(['p1']);
    expect(calls()).toBe(2);
  });

  it('after its retries, a lasting 500 is Cin7’s error in words', async () => {
    const { fetchFn } = sequence(() => Promise.resolve(new Response('down', { status: 500 })));
    await expect(new Cin7Client(credentials, { fetch: fetchFn, retryBaseMs: 1, maxRetries: 1 }).me()).rejects.toMatchObject({
      code: 'cin7-api',
      message: 'Cin7 Core answered with an error.',
    });
  });
});

describe('XeroClient', () => {
  it('retries a timeout and a 502, then reads the answer', async () => {
    const { fetchFn, calls } = sequence(
      stalled as never,
      () => Promise.resolve(jsonReply({ Message: 'bad gateway' }, 502)),
      () => Promise.resolve(jsonReply({ Organisations: [{ OrganisationID: 'o', Name: 'Org', BaseCurrency: 'NZD' }] })),
    );
    const organisation = await new XeroClient('tenant', tokens, { fetch: fetchFn, timeoutMs: 20, retryBaseMs: 1 }).organisation();
    expect(organisation.Name).toBe('Org');
    expect(calls()).toBe(3);
  });

  it('the connections call has a time limit too', async () => {
    const original = AbortSignal.timeout;
    AbortSignal.timeout = () => original.call(AbortSignal, 20);
    try {
      await expect(fetchXeroConnections('at-1', stalled as typeof fetch)).rejects.toMatchObject({ code: 'network' });
    } finally {
      AbortSignal.timeout = original;
    }
  });
});
