// A fetch for unit tests that sends the extension's requests to the sandbox on 127.0.0.1, with the real hostname in
// SNI and Host (as Chromium's host-resolver rules do in e2e). Also answers launchWebAuthFlow by driving the consent page.
import { request } from 'node:https';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox/index';
import { cin7Queues } from '@/utils/cin7/api/client';
import { xeroQueues } from '@/utils/xero/api/client';

/** The broken scenario's sandbox for a test file, with a short rate-limit window on both sides; faults cleared per test. */
export function brokenSandboxPerFile(windowMs = 1000): () => Sandbox {
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox({ scenario: 'broken', port: 0, rateLimitWindowMs: windowMs, singleTenant: true });
  });
  afterAll(() => sandbox?.close());
  beforeEach(() => {
    sandbox?.faults.clear();
    sandbox?.resetRateLimits();
    cin7Queues.configure({ perWindow: 60, windowMs });
    xeroQueues.configure({ perWindow: 60, windowMs });
  });
  return () => {
    if (!sandbox) throw new Error('the sandbox starts in beforeAll');
    return sandbox;
  };
}

export function sandboxFetch(sandbox: Pick<Sandbox, 'port'>): typeof fetch {
  return ((input: RequestInfo | URL, init?: RequestInit) => {
    const target = new URL(input instanceof Request ? input.url : String(input));
    const headers = new Headers(init?.headers);
    const body = init?.body === undefined || init.body === null ? undefined : String(init.body);
    return new Promise<Response>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: sandbox.port,
          servername: target.hostname,
          rejectUnauthorized: false,
          method: init?.method ?? 'GET',
          path: `${target.pathname}${target.search}`,
          headers: { ...Object.fromEntries(headers.entries()), host: target.hostname },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            const responseHeaders = new Headers();
            for (const [name, value] of Object.entries(res.headers)) {
              if (typeof value === 'string') responseHeaders.set(name, value);
              else if (Array.isArray(value)) responseHeaders.set(name, value.join(', '));
            }
            const nullBody = status === 204 || status === 304 || (status >= 300 && status < 400);
            resolve(new Response(nullBody ? null : Buffer.concat(chunks), { status, headers: responseHeaders }));
          });
        },
      );
      req.on('error', reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  }) as typeof fetch;
}

/** Plays the user on the sandbox's consent page: opens the authorize URL, picks the first organisation, clicks Allow. */
export function sandboxConsent(sandbox: Pick<Sandbox, 'port'>, decision: 'allow' | 'deny' = 'allow') {
  const fetchFn = sandboxFetch(sandbox);
  return async (authorizeUrl: string): Promise<string> => {
    const page = await (await fetchFn(authorizeUrl)).text();
    const form = new URLSearchParams();
    for (const match of page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
      form.set(match[1] ?? '', decodeEntities(match[2] ?? ''));
    }
    const tenant = /<option value="([^"]+)"/.exec(page)?.[1] ?? '';
    form.set('tenant', tenant);
    form.set('decision', decision);
    const answer = await fetchFn('https://login.xero.com/identity/connect/authorize/consent', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    const location = answer.headers.get('location');
    if (!location) throw new Error(`consent gave no redirect (${answer.status})`);
    return location;
  };
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
