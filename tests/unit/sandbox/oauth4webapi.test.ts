// @vitest-environment node
// The sandbox's identity server driven by oauth4webapi, the library the extension uses for Xero OAuth: discovery,
// authorisation-code + PKCE (with and without an id_token), refresh rotation and revocation must all satisfy it.
import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox/index';
import { REDIRECT_URI, call, consent } from './client';
import { fixtureSnapshot } from './fixture';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ snapshot: fixtureSnapshot(), port: 0 });
});
afterAll(() => sandbox.close());

/** fetch for oauth4webapi that reaches the sandbox as Chromium's host-resolver rules would. */
async function sandboxFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const headers = Object.fromEntries(new Headers(init.headers).entries());
  const body = init.body === undefined || init.body === null ? undefined : String(init.body);
  const reply = await call(sandbox, url, { method: init.method ?? 'GET', headers, body });
  const responseHeaders = new Headers();
  for (const [name, value] of Object.entries(reply.headers)) if (typeof value === 'string') responseHeaders.set(name, value);
  return new Response([204, 304].includes(reply.status) ? null : reply.text, { status: reply.status, headers: responseHeaders });
}
const fetchOptions = { [oauth.customFetch]: sandboxFetch };

async function discover(): Promise<oauth.AuthorizationServer> {
  const issuer = new URL('https://identity.xero.com');
  return oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, fetchOptions));
}

async function codeFlow(as: oauth.AuthorizationServer, client: oauth.Client) {
  const verifier = oauth.generateRandomCodeVerifier();
  const challenge = await oauth.calculatePKCECodeChallenge(verifier);
  // The consent helper submits the page's own form; state and scope come from the authorize URL it built.
  const redirected = await consent(sandbox, challenge);
  expect(redirected.searchParams.get('scope')).toBeTruthy();
  const params = oauth.validateAuthResponse(as, client, redirected, 'state-123');
  const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, REDIRECT_URI, verifier, fetchOptions);
  return oauth.processAuthorizationCodeResponse(as, client, response);
}

describe('oauth4webapi against the sandbox', () => {
  it('discovers the issuer, completes PKCE with an id_token it validates, refreshes with rotation and revokes', async () => {
    const as = await discover();
    expect(as.token_endpoint).toBe('https://identity.xero.com/connect/token');
    const client: oauth.Client = { client_id: sandbox.xeroClientId };

    // The default authorize URL of the test client asks for openid, so an RS256 id_token comes back and is checked.
    const tokens = await codeFlow(as, client);
    expect(tokens.expires_in).toBe(1800);
    expect(tokens.token_type.toLowerCase()).toBe('bearer');
    expect(oauth.getValidatedIdTokenClaims(tokens)?.iss).toBe('https://identity.xero.com');

    const refreshed = await oauth.processRefreshTokenResponse(
      as,
      client,
      await oauth.refreshTokenGrantRequest(as, client, oauth.None(), tokens.refresh_token ?? '', fetchOptions),
    );
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);

    // The rotated-out token is refused with invalid_grant, which oauth4webapi reports as a ResponseBodyError.
    const reuse = oauth.processRefreshTokenResponse(
      as,
      client,
      await oauth.refreshTokenGrantRequest(as, client, oauth.None(), tokens.refresh_token ?? '', fetchOptions),
    );
    await expect(reuse).rejects.toMatchObject({ error: 'invalid_grant', status: 400 });

    const revoked = await oauth.revocationRequest(as, client, oauth.None(), refreshed.refresh_token ?? '', fetchOptions);
    await oauth.processRevocationResponse(revoked);
    const afterRevoke = oauth.processRefreshTokenResponse(
      as,
      client,
      await oauth.refreshTokenGrantRequest(as, client, oauth.None(), refreshed.refresh_token ?? '', fetchOptions),
    );
    await expect(afterRevoke).rejects.toMatchObject({ error: 'invalid_grant' });
  });
});
