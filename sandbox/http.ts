// Small request/response helpers shared by every host handler (node:http types; no framework).
import type { IncomingMessage, ServerResponse } from 'node:http';

export type Headers = Record<string, string | number>;

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  /** Lower-case host without port, e.g. `api.xero.com`. */
  host: string;
  /** Path as sent (case kept), without query string. */
  path: string;
  url: URL;
  /** Query parameters with lower-cased names (Cin7 and Xero treat names case-insensitively). */
  query: Map<string, string>;
  /** Reads the body once; later calls return the same text. */
  body: () => Promise<string>;
}

export function createContext(req: IncomingMessage, res: ServerResponse): RequestContext {
  const host = (req.headers.host ?? '').toLowerCase().replace(/:\d+$/, '');
  const url = new URL(req.url ?? '/', `https://${host || 'localhost'}`);
  const query = new Map<string, string>();
  for (const [name, value] of url.searchParams) query.set(name.toLowerCase(), value);
  let bodyPromise: Promise<string> | undefined;
  return {
    req,
    res,
    method: (req.method ?? 'GET').toUpperCase(),
    host,
    path: url.pathname,
    url,
    query,
    body: () => (bodyPromise ??= readBody(req)),
  };
}

const MAX_BODY_BYTES = 1_000_000;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function header(ctx: RequestContext, name: string): string | undefined {
  const value = ctx.req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export function send(ctx: RequestContext, status: number, body: string, contentType: string, headers: Headers = {}): void {
  if (ctx.res.headersSent) return;
  ctx.res.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    ...headers,
  });
  ctx.res.end(body);
}

export function sendJson(ctx: RequestContext, status: number, value: unknown, headers: Headers = {}): void {
  send(ctx, status, JSON.stringify(value), 'application/json; charset=utf-8', headers);
}

export function sendHtml(ctx: RequestContext, status: number, html: string, headers: Headers = {}): void {
  send(ctx, status, html, 'text/html; charset=utf-8', headers);
}

export function sendEmpty(ctx: RequestContext, status: number, headers: Headers = {}): void {
  if (ctx.res.headersSent) return;
  ctx.res.writeHead(status, { 'cache-control': 'no-store', ...headers });
  ctx.res.end();
}

export function redirect(ctx: RequestContext, location: string, headers: Headers = {}): void {
  sendEmpty(ctx, 302, { location, ...headers });
}

/** Parses `a=1&b=2` bodies (OAuth token requests, HTML forms). */
export function parseForm(body: string): Map<string, string> {
  const form = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(body)) form.set(name, value);
  return form;
}

export function parseCookies(ctx: RequestContext): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header(ctx, 'cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), decodeURIComponent(part.slice(eq + 1).trim()));
  }
  return cookies;
}

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
