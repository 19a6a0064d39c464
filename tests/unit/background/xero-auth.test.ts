import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createSecretStore } from '@/utils/background/secrets';
import { XeroAuth, type XeroConnectionState } from '@/utils/xero/api/auth';
import { TOKEN_BACKOFF_BASE_MS, TOKEN_NO_ANSWER_PAUSE_MS } from '@/utils/xero/api/token-backoff';
import { UserFacingError } from '@/utils/net/user-error';

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
let dbCounter = 0;

async function s256(verifier: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  return btoa(String.fromCharCode(...digest)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A stand-in for Xero's identity server: issues codes, checks PKCE, rotates refresh tokens, can be told to refuse. */
function fakeIdentity() {
  const codes = new Map<string, string>(); // code -> challenge
  let live = new Set<string>();
  let issued = 0;
  const server = {
    refreshCalls: 0,
    revoked: [] as string[],
    failRefreshWith: undefined as undefined | { status: number; body: string; type?: string; retryAfter?: string },
    /** No answer at all: the token request rejects as fetch does offline. */
    offline: false,
    refreshDelayMs: 0,
    /** When set, refresh requests are answered only once it resolves. */
    refreshGate: undefined as Promise<void> | undefined,
    revokeDelayMs: 0,
    launch: (url: string): Promise<string> => {
      const authorize = new URL(url);
      expect(authorize.origin + authorize.pathname).toBe('https://login.xero.com/identity/connect/authorize');
      expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
      expect(authorize.searchParams.get('scope')).toBe('offline_access accounting.settings.read');
      expect(authorize.searchParams.get('redirect_uri')).toBe(REDIRECT);
      const code = `code-${codes.size + 1}`;
      codes.set(code, authorize.searchParams.get('code_challenge') ?? '');
      return Promise.resolve(`${REDIRECT}?code=${code}&state=${authorize.searchParams.get('state') ?? ''}`);
    },
    tokens: () => {
      issued++;
      const refresh = `rt-${issued}`;
      live = new Set([refresh]);
      return { access_token: `at-${issued}`, refresh_token: refresh, expires_in: 1800, token_type: 'Bearer', scope: 'offline_access accounting.settings.read' };
    },
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input instanceof Request ? input.url : input);
      const body = new URLSearchParams(String(init?.body ?? ''));
      const reply = (status: number, json: unknown) =>
        new Response(JSON.stringify(json), { status, headers: { 'Content-Type': 'application/json' } });
      if (url === 'https://identity.xero.com/connect/revocation') {
        if (server.revokeDelayMs) await new Promise((r) => setTimeout(r, server.revokeDelayMs));
        server.revoked.push(body.get('token') ?? '');
        return new Response(null, { status: 200 });
      }
      expect(url).toBe('https://identity.xero.com/connect/token');
      expect(body.get('client_id')).toBe('client-123');
      expect(body.has('client_secret')).toBe(false);
      if (body.get('grant_type') === 'authorization_code') {
        const challenge = codes.get(body.get('code') ?? '');
        if (!challenge || challenge !== (await s256(body.get('code_verifier') ?? ''))) {
          return reply(400, { error: 'invalid_grant' });
        }
        return reply(200, server.tokens());
      }
      server.refreshCalls++;
      if (server.refreshDelayMs) await new Promise((r) => setTimeout(r, server.refreshDelayMs));
      await server.refreshGate;
      if (server.offline) throw new TypeError('Failed to fetch');
      if (server.failRefreshWith) {
        return new Response(server.failRefreshWith.body, {
          status: server.failRefreshWith.status,
          headers: { 'Content-Type': server.failRefreshWith.type ?? 'application/json', ...(server.failRefreshWith.retryAfter ? { 'Retry-After': server.failRefreshWith.retryAfter } : {}) },
        });
      }
      if (!live.has(body.get('refresh_token') ?? '')) return reply(400, { error: 'invalid_grant' });
      return reply(200, server.tokens());
    }) as typeof fetch,
  };
  return server;
}

function setup(now = { value: 1_000_000 }) {
  const identity = fakeIdentity();
  const secrets = createSecretStore(`xero-auth-${++dbCounter}`);
  const states: XeroConnectionState[] = [];
  /** Runs (once) as a secret is about to be written; the write waits for it. */
  const hooks: { beforeSet?: () => void | Promise<void> } = {};
  const auth = new XeroAuth({
    secrets: {
      ...secrets,
      set: async (name, value) => {
        const hook = hooks.beforeSet;
        hooks.beforeSet = undefined;
        await hook?.();
        return secrets.set(name, value);
      },
    },
    clientId: () => Promise.resolve('client-123'),
    redirectUrl: REDIRECT,
    launchWebAuthFlow: (url) => identity.launch(url),
    fetch: identity.fetch,
    now: () => now.value,
    onStateChange: (state) => states.push(state),
  });
  return { identity, secrets, auth, now, states, hooks };
}

describe('XeroAuth', () => {
  it('connects with PKCE (verified by the fake server) and stores the tokens as a secret', async () => {
    const { auth, secrets } = setup();
    expect(await auth.state()).toBe('not-connected');
    await auth.connect();
    expect(await auth.state()).toBe('connected');
    expect(await auth.accessToken()).toBe('at-1');
    expect(await secrets.names()).toEqual(['xero']);
  });

  it('refuses a redirect whose state does not match', async () => {
    const { auth, identity } = setup();
    identity.launch = () => Promise.resolve(`${REDIRECT}?code=code-1&state=forged`);
    await expect(auth.connect()).rejects.toMatchObject({ code: 'xero-auth-cancelled' });
    expect(await auth.state()).toBe('not-connected');
  });

  it('refreshes an expiring token once for many concurrent callers and keeps the rotated refresh token', async () => {
    const { auth, identity, now } = setup();
    await auth.connect();
    now.value += 1800_000; // expired
    identity.refreshDelayMs = 20;
    const tokens = await Promise.all([auth.accessToken(), auth.accessToken(), auth.accessToken()]);
    expect(tokens).toEqual(['at-2', 'at-2', 'at-2']);
    expect(identity.refreshCalls).toBe(1);
    // The rotated token was stored: the next refresh uses rt-2, which the server still accepts.
    now.value += 1800_000;
    expect(await auth.accessToken()).toBe('at-3');
  });

  it('after a 401 uses a token another call already refreshed instead of refreshing again', async () => {
    const { auth, identity } = setup();
    await auth.connect();
    expect(await auth.afterUnauthorized('at-1')).toBe('at-2');
    expect(await auth.afterUnauthorized('at-1')).toBe('at-2');
    expect(identity.refreshCalls).toBe(1);
  });

  it('a rejected refresh token leads to the reconnect state, and no further refresh is attempted', async () => {
    const { auth, identity, now, states } = setup();
    await auth.connect();
    identity.failRefreshWith = { status: 400, body: JSON.stringify({ error: 'invalid_grant' }) };
    now.value += 1800_000;
    const error = await auth.accessToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).message).toMatch(/reconnect Xero/);
    expect(await auth.state()).toBe('reconnect-needed');
    expect(states.at(-1)).toBe('reconnect-needed');
    await expect(auth.accessToken()).rejects.toMatchObject({ code: 'xero-reconnect' });
    await expect(auth.afterUnauthorized('at-1')).rejects.toMatchObject({ code: 'xero-reconnect' });
    expect(identity.refreshCalls).toBe(1);
    // Connecting again clears it.
    identity.failRefreshWith = undefined;
    await auth.connect();
    expect(await auth.state()).toBe('connected');
  });

  it('a server error during refresh is not a reason to reconnect', async () => {
    const { auth, identity, now } = setup();
    await auth.connect();
    identity.failRefreshWith = { status: 502, body: '<html>Bad gateway</html>', type: 'text/html' };
    now.value += 1800_000;
    await expect(auth.accessToken()).rejects.toMatchObject({ code: 'network' });
    expect(await auth.state()).toBe('connected');
    identity.failRefreshWith = undefined;
    now.value += TOKEN_BACKOFF_BASE_MS; // after the back-off (next test)
    expect(await auth.accessToken()).toBe('at-2');
  });

  it.each([
    ['a 429', { status: 429, body: JSON.stringify({ error: 'rate_limited' }) }, 'xero-rate-limit'],
    ['a 400 invalid_request', { status: 400, body: JSON.stringify({ error: 'invalid_request' }) }, 'xero-api'],
    ['a 5xx with an error body', { status: 503, body: JSON.stringify({ error: 'temporarily_unavailable' }) }, 'network'],
  ])('%s from the token endpoint keeps the connection and its tokens, and a later refresh succeeds', async (_what, failure, code) => {
    const { auth, identity, now, states } = setup();
    await auth.connect();
    identity.failRefreshWith = failure;
    now.value += 1800_000;
    await expect(auth.accessToken()).rejects.toMatchObject({ code });
    expect(await auth.state()).toBe('connected');
    expect(states).not.toContain('reconnect-needed');
    identity.failRefreshWith = undefined;
    // It backs off: until the pause ends, a renewal fails at once with the same error and asks Xero nothing.
    const asked = identity.refreshCalls;
    now.value += TOKEN_BACKOFF_BASE_MS - 1000;
    await expect(auth.accessToken()).rejects.toMatchObject({ code });
    expect(identity.refreshCalls).toBe(asked);
    now.value += 1000;
    expect(await auth.accessToken()).toBe('at-2');
  });

  it('a 429 with Retry-After waits as long as asked; failures in a row wait longer', async () => {
    const { auth, identity, now } = setup();
    await auth.connect();
    identity.failRefreshWith = { status: 429, body: JSON.stringify({ error: 'rate_limited' }), retryAfter: '120' };
    now.value += 1800_000;
    await expect(auth.accessToken()).rejects.toMatchObject({ code: 'xero-rate-limit' });
    now.value += 119_000;
    await expect(auth.accessToken()).rejects.toMatchObject({ code: 'xero-rate-limit' });
    expect(identity.refreshCalls).toBe(1);
    identity.failRefreshWith = { status: 503, body: JSON.stringify({ error: 'temporarily_unavailable' }) };
    now.value += 1000;
    await expect(auth.accessToken()).rejects.toMatchObject({ code: 'network' }); // asked again: the 2nd failure
    expect(identity.refreshCalls).toBe(2);
    now.value += TOKEN_BACKOFF_BASE_MS; // the second pause is twice the first
    await expect(auth.accessToken()).rejects.toMatchObject({ code: 'network' });
    expect(identity.refreshCalls).toBe(2);
    now.value += TOKEN_BACKOFF_BASE_MS;
    identity.failRefreshWith = undefined;
    expect(await auth.accessToken()).toBe('at-2');
  });

  it('no answer at all (offline) pauses only briefly, never doubling: back online, the renewal works within seconds', async () => {
    const { auth, identity, now } = setup();
    await auth.connect();
    identity.offline = true;
    now.value += 1800_000;
    for (let attempt = 1; attempt <= 3; attempt++) {
      await expect(auth.accessToken()).rejects.toMatchObject({ code: 'network' });
      expect(identity.refreshCalls).toBe(attempt); // each attempt asked again: no growing pause
      await expect(auth.accessToken()).rejects.toMatchObject({ code: 'network' }); // a burst right after does not
      expect(identity.refreshCalls).toBe(attempt);
      now.value += TOKEN_NO_ANSWER_PAUSE_MS;
    }
    identity.offline = false;
    expect(await auth.accessToken()).toBe('at-2');
  });

  it('a renewal of the old connection that fails after Connect does not pause the new connection', async () => {
    const { auth, identity, now, hooks } = setup();
    await auth.connect();
    now.value += 1800_000; // the old tokens need renewing
    identity.failRefreshWith = { status: 503, body: JSON.stringify({ error: 'temporarily_unavailable' }) };
    let answer = () => undefined as void;
    identity.refreshGate = new Promise((resolve) => (answer = resolve)); // it fails once Connect has finished
    let stale: Promise<unknown> | undefined;
    // A renewal starts while Connect writes the new tokens: it read the old ones, and has asked Xero before they land
    // (waiting for its request keeps the order fixed whatever the machine's load).
    hooks.beforeSet = async () => {
      stale = auth.accessToken().catch((error: unknown) => error);
      for (let waited = 0; identity.refreshCalls === 0 && waited < 5_000; waited += 1) await new Promise((resolve) => setTimeout(resolve, 1));
    };
    await auth.connect();
    answer();
    expect(await stale).toMatchObject({ code: 'xero-not-connected' });
    expect(identity.refreshCalls).toBe(1); // it did ask Xero, and failed after Connect
    identity.failRefreshWith = undefined;
    // Xero refuses the new access token at once (401): its renewal is not held back by the old connection's failure.
    expect(await auth.afterUnauthorized('at-2')).toBe('at-3');
    expect(identity.refreshCalls).toBe(2);
  });

  it.each(['invalid_grant', 'invalid_client', 'unauthorized_client'])('%s ends the connection', async (error) => {
    const { auth, identity, now } = setup();
    await auth.connect();
    identity.failRefreshWith = { status: 400, body: JSON.stringify({ error }) };
    now.value += 1800_000;
    await expect(auth.accessToken()).rejects.toMatchObject({ code: 'xero-reconnect' });
    expect(await auth.state()).toBe('reconnect-needed');
  });

  it('disconnect during a token refresh sticks: the refresh writes nothing back and the live token is revoked', async () => {
    const { auth, identity, now, secrets } = setup();
    await auth.connect();
    now.value += 1800_000;
    identity.refreshDelayMs = 30;
    const refreshing = auth.accessToken().catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await auth.disconnect();
    await refreshing;
    expect(await secrets.names()).toEqual([]);
    expect(await auth.state()).toBe('not-connected');
    // The refresh had rotated rt-1 into rt-2 before the revoke: the live one is what Xero was told to forget.
    expect(identity.revoked).toEqual(['rt-2']);
  });

  it('a token refresh that starts while Disconnect revokes writes nothing back either', async () => {
    const { auth, identity, now, secrets } = setup();
    await auth.connect();
    identity.revokeDelayMs = 30;
    identity.refreshDelayMs = 60; // the refresh answers after Disconnect has forgotten the tokens
    const disconnecting = auth.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 5)); // the revoke request is on its way
    now.value += 1800_000;
    const refreshing = auth.accessToken().catch((error: unknown) => error);
    await Promise.all([disconnecting, refreshing]);
    expect(await secrets.names()).toEqual([]);
    expect(await auth.state()).toBe('not-connected');
  });

  it('disconnect revokes the refresh token and forgets everything', async () => {
    const { auth, identity, secrets } = setup();
    await auth.connect();
    await auth.disconnect();
    expect(identity.revoked).toEqual(['rt-1']);
    expect(await secrets.names()).toEqual([]);
    expect(await auth.state()).toBe('not-connected');
  });

  it('asks for a client id before connecting', async () => {
    const { secrets } = setup();
    const auth = new XeroAuth({
      secrets,
      clientId: () => Promise.resolve(''),
      redirectUrl: REDIRECT,
      launchWebAuthFlow: () => Promise.reject(new Error('must not open')),
    });
    await expect(auth.connect()).rejects.toMatchObject({ code: 'xero-client-id' });
  });
});
