// @vitest-environment node
import { createPublicKey, verify } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox/index';
import { pkceChallenge } from '../../../sandbox/xero-tokens';
import { REDIRECT_URI, authorizeUrl, call, connect, consent, pkcePair, tokenRequest, xeroHeaders, type TokenSet } from './client';
import { HOSTILE_NAME, ORG_ID, fixtureSnapshot } from './fixture';

let clock = Date.parse('2026-11-21T10:00:00Z');
let sandbox: Sandbox;

beforeAll(async () => {
  const snapshot = fixtureSnapshot();
  // A hostile organisation name proves the consent page escapes what it shows.
  snapshot.xero!.organisation!.Name = HOSTILE_NAME;
  sandbox = await startSandbox({ snapshot, port: 0, now: () => clock });
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.faults.clear());

describe('PKCE S256', () => {
  it('computes the RFC 7636 appendix B challenge', () => {
    expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });
});

describe('discovery', () => {
  it('publishes an OpenID configuration whose issuer and endpoints are the real hosts', async () => {
    const doc = (await call(sandbox, 'https://identity.xero.com/.well-known/openid-configuration')).json<Record<string, unknown>>();
    expect(doc).toMatchObject({
      issuer: 'https://identity.xero.com',
      authorization_endpoint: 'https://login.xero.com/identity/connect/authorize',
      token_endpoint: 'https://identity.xero.com/connect/token',
      revocation_endpoint: 'https://identity.xero.com/connect/revocation',
      code_challenge_methods_supported: ['S256'],
    });
  });
});

describe('consent page', () => {
  it('offers the scenario org and a second tenant, escaped, with Allow and Deny', async () => {
    const { challenge } = pkcePair();
    const page = await call(sandbox, authorizeUrl(sandbox, challenge));
    expect(page.status).toBe(200);
    expect(page.text).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;Evil &amp; Co');
    expect(page.text).not.toContain('<img src=x');
    expect(page.text).toContain('Demo Company (NZ)');
    expect(page.text).toMatch(/<button[^>]*>Allow<\/button>/);
    expect(page.text).toMatch(/<button[^>]*>Deny<\/button>/);
  });

  it('shows an error page (no redirect) for an unknown client or a foreign redirect URI', async () => {
    const { challenge } = pkcePair();
    const badClient = await call(sandbox, authorizeUrl(sandbox, challenge, { client_id: 'SOMEONEELSE' }));
    expect(badClient.status).toBe(400);
    expect(badClient.text).toContain('unauthorized_client');
    const badRedirect = await call(sandbox, authorizeUrl(sandbox, challenge, { redirect_uri: 'https://evil.example/cb' }));
    expect(badRedirect.status).toBe(400);
    expect(badRedirect.headers.location).toBeUndefined();
    const firefox = await call(sandbox, authorizeUrl(sandbox, challenge, { redirect_uri: 'https://0123456789abcdef.extensions.allizom.org/' }));
    expect(firefox.status).toBe(200);
  });

  it('redirects with an OAuth error when PKCE is missing, and with access_denied on Deny', async () => {
    const noPkce = await call(sandbox, authorizeUrl(sandbox, 'x', { code_challenge_method: 'plain' }));
    expect(noPkce.status).toBe(302);
    expect(new URL(String(noPkce.headers.location)).searchParams.get('error')).toBe('invalid_request');
    const denied = await consent(sandbox, pkcePair().challenge, 'deny');
    expect(denied.searchParams.get('error')).toBe('access_denied');
    expect(denied.searchParams.get('state')).toBe('state-123');
  });

  it('redirects Allow to the redirect URI with a code and the state', async () => {
    const location = await consent(sandbox, pkcePair().challenge);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get('code')).toMatch(/^[\w-]{20,}$/);
    expect(location.searchParams.get('state')).toBe('state-123');
  });
});

describe('token endpoint', () => {
  it('exchanges a code for tokens only with the matching verifier, once', async () => {
    const { verifier, challenge } = pkcePair();
    const code = (await consent(sandbox, challenge)).searchParams.get('code') ?? '';
    const wrong = await tokenRequest(sandbox, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: pkcePair().verifier });
    expect(wrong.status).toBe(400);
    expect(wrong.json()).toMatchObject({ error: 'invalid_grant' });
    // The failed attempt used the code up.
    const retry = await tokenRequest(sandbox, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier });
    expect(retry.json()).toMatchObject({ error: 'invalid_grant' });

    const second = pkcePair();
    const code2 = (await consent(sandbox, second.challenge)).searchParams.get('code') ?? '';
    const good = await tokenRequest(sandbox, { grant_type: 'authorization_code', code: code2, redirect_uri: REDIRECT_URI, code_verifier: second.verifier });
    expect(good.status).toBe(200);
    expect(good.json()).toMatchObject({ token_type: 'Bearer', expires_in: 1800, access_token: expect.any(String), refresh_token: expect.any(String) });
    const reuse = await tokenRequest(sandbox, { grant_type: 'authorization_code', code: code2, redirect_uri: REDIRECT_URI, code_verifier: second.verifier });
    expect(reuse.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('rejects a mismatched redirect_uri, an unknown client, a JSON body and an unknown grant type', async () => {
    const { verifier, challenge } = pkcePair();
    const code = (await consent(sandbox, challenge)).searchParams.get('code') ?? '';
    const mismatch = await tokenRequest(sandbox, { grant_type: 'authorization_code', code, redirect_uri: `${REDIRECT_URI}2`, code_verifier: verifier });
    expect(mismatch.json()).toMatchObject({ error: 'invalid_grant' });
    expect((await tokenRequest(sandbox, { client_id: 'OTHER', grant_type: 'refresh_token', refresh_token: 'x' })).json()).toEqual({ error: 'invalid_client' });
    const json = await call(sandbox, 'https://identity.xero.com/connect/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(json.json()).toMatchObject({ error: 'invalid_request' });
    expect((await tokenRequest(sandbox, { grant_type: 'password' })).json()).toEqual({ error: 'unsupported_grant_type' });
  });

  it('signs an id_token (RS256) that the published JWKS verifies, for the client as audience', async () => {
    const tokens = await connect(sandbox);
    const [head, body, signature] = (tokens.id_token ?? '').split('.');
    const jwks = (await call(sandbox, 'https://identity.xero.com/.well-known/openid-configuration/jwks')).json<{ keys: Array<Record<string, unknown>> }>();
    const key = createPublicKey({ key: jwks.keys[0] as never, format: 'jwk' });
    expect(verify('sha256', Buffer.from(`${head}.${body}`), key, Buffer.from(signature ?? '', 'base64url'))).toBe(true);
    const claims = JSON.parse(Buffer.from(body ?? '', 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ iss: 'https://identity.xero.com', aud: sandbox.xeroClientId });
  });

  it('rotates refresh tokens: the new one works, the old one dies', async () => {
    const first = await connect(sandbox);
    const refreshed = await tokenRequest(sandbox, { grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(refreshed.status).toBe(200);
    const second = refreshed.json<TokenSet>();
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);
    const old = await tokenRequest(sandbox, { grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(old.status).toBe(400);
    expect(old.json()).toEqual({ error: 'invalid_grant' });
    expect((await tokenRequest(sandbox, { grant_type: 'refresh_token', refresh_token: second.refresh_token })).status).toBe(200);
  });

  it('access tokens expire after 30 minutes; refresh gives a working one', async () => {
    const tokens = await connect(sandbox);
    const org = () => call(sandbox, 'https://api.xero.com/api.xro/2.0/Organisation', { headers: xeroHeaders(tokens.access_token, ORG_ID) });
    expect((await org()).status).toBe(200);
    clock += 1800 * 1000;
    const expired = await org();
    expect(expired.status).toBe(401);
    expect(expired.json<{ Detail: string }>().Detail).toMatch(/^TokenExpired: token expired at \d\d\/\d\d\/\d{4} /);
    const fresh = (await tokenRequest(sandbox, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).json<TokenSet>();
    expect((await call(sandbox, 'https://api.xero.com/api.xro/2.0/Organisation', { headers: xeroHeaders(fresh.access_token, ORG_ID) })).status).toBe(200);
  });

  it('revokeRefreshTokens kills existing refresh tokens only; expireAccessTokens expires existing access tokens only', async () => {
    const tokens = await connect(sandbox);
    sandbox.faults.set('revokeRefreshTokens', true);
    sandbox.faults.set('expireAccessTokens', true);
    clock += 1;
    expect((await tokenRequest(sandbox, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).json()).toEqual({ error: 'invalid_grant' });
    const api = (token: string) => call(sandbox, 'https://api.xero.com/api.xro/2.0/Accounts', { headers: xeroHeaders(token, ORG_ID) });
    expect((await api(tokens.access_token)).status).toBe(401);
    const again = await connect(sandbox);
    expect((await api(again.access_token)).status).toBe(200);
    expect((await tokenRequest(sandbox, { grant_type: 'refresh_token', refresh_token: again.refresh_token })).status).toBe(200);
  });
});

describe('revocation and connections', () => {
  it('lists connections, filters by authEventId, deletes one, and revocation removes access', async () => {
    const tokens = await connect(sandbox, sandbox.tenants[1]?.tenantId);
    const list = await call(sandbox, 'https://api.xero.com/connections', { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(list.status).toBe(200);
    const connections = list.json<Array<{ id: string; tenantId: string; tenantName: string; tenantType: string; authEventId: string }>>();
    expect(connections.map((c) => c.tenantName).sort()).toEqual(['Demo Company (NZ)', HOSTILE_NAME].sort());
    const demo = connections.find((c) => c.tenantName === 'Demo Company (NZ)')!;
    const filtered = await call(sandbox, `https://api.xero.com/connections?authEventId=${demo.authEventId}`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(filtered.json<unknown[]>()).toHaveLength(1);

    expect((await call(sandbox, 'https://api.xero.com/connections', { headers: {} })).status).toBe(401);

    const del = await call(sandbox, `https://api.xero.com/connections/${demo.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(del.status).toBe(204);
    const afterDelete = await call(sandbox, 'https://api.xero.com/api.xro/2.0/Organisation', { headers: xeroHeaders(tokens.access_token, demo.tenantId) });
    expect(afterDelete.status).toBe(403);

    const revoke = await call(sandbox, 'https://identity.xero.com/connect/revocation', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: sandbox.xeroClientId, token: tokens.refresh_token }).toString(),
    });
    expect(revoke.status).toBe(200);
    expect((await tokenRequest(sandbox, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).json()).toEqual({ error: 'invalid_grant' });
    expect((await call(sandbox, 'https://api.xero.com/connections', { headers: { authorization: `Bearer ${tokens.access_token}` } })).status).toBe(401);
  });
});
