// Test client: HTTPS to the sandbox on 127.0.0.1 with the real hostname in SNI and Host, as Chromium's
// host-resolver rules would send it. Also drives the Xero consent + PKCE flow like the extension does.
import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:https';
import type { Sandbox } from '../../../sandbox/index';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: <T = unknown>() => T;
}

export interface CallInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export function call(sandbox: Pick<Sandbox, 'port'>, url: string, init: CallInit = {}): Promise<Reply> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: sandbox.port,
        servername: target.hostname,
        rejectUnauthorized: false,
        method: init.method ?? 'GET',
        path: `${target.pathname}${target.search}`,
        headers: { host: target.hostname, ...init.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: <T>() => JSON.parse(text) as T });
        });
      },
    );
    req.on('error', reject);
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}

export function cin7Headers(sandbox: Sandbox): Record<string, string> {
  return {
    'api-auth-accountid': sandbox.cin7Credentials.accountId,
    'api-auth-applicationkey': sandbox.cin7Credentials.applicationKey,
  };
}

export const REDIRECT_URI = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/xero';

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizeUrl(sandbox: Sandbox, challenge: string, extra: Record<string, string> = {}): string {
  const url = new URL('https://login.xero.com/identity/connect/authorize');
  const params: Record<string, string> = {
    response_type: 'code',
    client_id: sandbox.xeroClientId,
    redirect_uri: REDIRECT_URI,
    scope: 'openid profile email offline_access accounting.settings.read',
    state: 'state-123',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...extra,
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

/** Reads the consent page's form and submits it with the chosen decision; returns the redirect Location. */
export async function consent(sandbox: Sandbox, challenge: string, decision: 'allow' | 'deny' = 'allow', tenantId?: string): Promise<URL> {
  const pageReply = await call(sandbox, authorizeUrl(sandbox, challenge));
  if (pageReply.status !== 200) throw new Error(`consent page: ${pageReply.status}`);
  const form = new URLSearchParams();
  for (const match of pageReply.text.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    form.set(match[1] ?? '', decodeEntities(match[2] ?? ''));
  }
  form.set('tenant', tenantId ?? sandbox.tenants[0]?.tenantId ?? '');
  form.set('decision', decision);
  const reply = await call(sandbox, 'https://login.xero.com/identity/connect/authorize/consent', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  if (reply.status !== 302) throw new Error(`consent answer: ${reply.status} ${reply.text}`);
  return new URL(String(reply.headers.location));
}

function decodeEntities(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export function tokenRequest(sandbox: Sandbox, params: Record<string, string>): Promise<Reply> {
  return call(sandbox, 'https://identity.xero.com/connect/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: sandbox.xeroClientId, ...params }).toString(),
  });
}

export interface TokenSet {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  token_type: string;
  id_token?: string;
  scope: string;
}

/** The whole connect flow: consent (Allow), then the PKCE code exchange. */
export async function connect(sandbox: Sandbox, tenantId?: string): Promise<TokenSet> {
  const { verifier, challenge } = pkcePair();
  const location = await consent(sandbox, challenge, 'allow', tenantId);
  const code = location.searchParams.get('code') ?? '';
  const reply = await tokenRequest(sandbox, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier });
  if (reply.status !== 200) throw new Error(`token: ${reply.status} ${reply.text}`);
  return reply.json<TokenSet>();
}

export function xeroHeaders(token: string, tenantId: string): Record<string, string> {
  return { authorization: `Bearer ${token}`, 'xero-tenant-id': tenantId, accept: 'application/json' };
}
