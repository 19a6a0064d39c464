// A fetch for unit tests that sends the extension's requests to the sandbox on 127.0.0.1, with the real hostname in
// SNI and Host (as Chromium's host-resolver rules do in e2e). Also answers launchWebAuthFlow by driving the consent page.
import { request } from 'node:https';
import { Readable } from 'node:stream';
import type { Sandbox } from '../../../sandbox/index';

export function sandboxFetch(sandbox: Pick<Sandbox, 'port'>): typeof fetch {
  return ((input: RequestInfo | URL, init?: RequestInit) => {
    const target = new URL(input instanceof Request ? input.url : String(input));
    const headers = new Headers(init?.headers);
    const body = init?.body === undefined || init.body === null ? undefined : String(init.body);
    const signal = init?.signal ?? undefined;
    return new Promise<Response>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
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
          // As fetch does: the answer once its headers are in, the body as a stream (a stalled body stays stalled).
          const status = res.statusCode ?? 0;
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            if (typeof value === 'string') responseHeaders.set(name, value);
            else if (Array.isArray(value)) responseHeaders.set(name, value.join(', '));
          }
          const nullBody = status === 204 || status === 304 || (status >= 300 && status < 400);
          if (nullBody) res.resume();
          resolve(new Response(nullBody ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>), { status, headers: responseHeaders }));
        },
      );
      // As fetch does: an abort ends the request, or the body being read, with the signal's reason.
      signal?.addEventListener('abort', () => req.destroy(signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason))), { once: true });
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
