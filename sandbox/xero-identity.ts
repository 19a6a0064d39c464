// Xero identity stand-in: the consent page at login.xero.com, the token/revocation/discovery endpoints at
// identity.xero.com (PKCE S256 verified for real), and api.xero.com/connections (research/xero.md §1.7, §3).
import { header, parseForm, redirect, sendEmpty, sendHtml, sendJson, type RequestContext } from './http';
import { html, page } from './html';
import type { Runtime } from './runtime';
import { sendUnauthorized } from './xero-errors';
import { XERO_ISSUER, publicJwks, type XeroTokens } from './xero-tokens';

const AUTHORIZE_URL = 'https://login.xero.com/identity/connect/authorize';

/** Extension redirect URIs: Chromium's identity API and Firefox's. Xero would want exact URIs; the sandbox allows the shapes. */
const ALLOWED_REDIRECTS = [/^https:\/\/[a-z0-9-]+\.chromiumapp\.org\/.*$/i, /^https:\/\/[a-z0-9-]+\.extensions\.allizom\.org\/.*$/i];

export function isAllowedRedirect(uri: string): boolean {
  return ALLOWED_REDIRECTS.some((pattern) => pattern.test(uri));
}

export function discoveryDocument() {
  return {
    issuer: XERO_ISSUER,
    authorization_endpoint: AUTHORIZE_URL,
    token_endpoint: `${XERO_ISSUER}/connect/token`,
    userinfo_endpoint: `${XERO_ISSUER}/connect/userinfo`,
    revocation_endpoint: `${XERO_ISSUER}/connect/revocation`,
    end_session_endpoint: `${XERO_ISSUER}/connect/endsession`,
    jwks_uri: `${XERO_ISSUER}/.well-known/openid-configuration/jwks`,
    scopes_supported: [
      'openid', 'profile', 'email', 'offline_access',
      'accounting.settings', 'accounting.settings.read', 'accounting.contacts', 'accounting.contacts.read',
      'accounting.transactions', 'accounting.transactions.read', 'accounting.invoices.read',
    ],
    response_types_supported: ['code'],
    response_modes_supported: ['query', 'form_post'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    claims_supported: ['sub', 'email', 'given_name', 'family_name', 'xero_userid', 'nonce', 'auth_time'],
  };
}

export function createXeroIdentity(rt: Runtime, tokens: XeroTokens) {
  // ---------------- login.xero.com ----------------
  async function handleLogin(ctx: RequestContext): Promise<void> {
    const path = ctx.path.toLowerCase().replace(/\/+$/, '');
    if (path === '/identity/connect/authorize' && ctx.method === 'GET') return showConsent(ctx);
    if (path === '/identity/connect/authorize/consent' && ctx.method === 'POST') return answerConsent(ctx);
    sendHtml(ctx, 404, page({ title: 'Xero | Not found', body: html`<h1>Page not found</h1>` }));
  }

  function authorizeError(ctx: RequestContext, message: string): void {
    // Xero shows its own error page (not a redirect) when the client or redirect URI is wrong.
    sendHtml(ctx, 400, page({ title: 'Xero | Error', bodyClass: 'xero-error', body: html`<h1>Sorry, something went wrong</h1><p class="error-message">${message}</p>` }));
  }

  function redirectWithError(ctx: RequestContext, redirectUri: string, error: string, state: string | undefined, description?: string): void {
    const target = new URL(redirectUri);
    target.searchParams.set('error', error);
    if (description) target.searchParams.set('error_description', description);
    if (state !== undefined) target.searchParams.set('state', state);
    redirect(ctx, target.toString());
  }

  function showConsent(ctx: RequestContext): void {
    const q = (name: string) => ctx.url.searchParams.get(name) ?? undefined;
    const clientId = q('client_id');
    const redirectUri = q('redirect_uri');
    if (clientId !== rt.xeroClientId) return authorizeError(ctx, 'unauthorized_client : Unknown client or client not enabled');
    if (!redirectUri || !isAllowedRedirect(redirectUri)) return authorizeError(ctx, 'unauthorized_client : Invalid redirect_uri');
    const state = q('state');
    if (q('response_type') !== 'code') return redirectWithError(ctx, redirectUri, 'unsupported_response_type', state);
    if (!q('code_challenge') || q('code_challenge_method') !== 'S256') {
      return redirectWithError(ctx, redirectUri, 'invalid_request', state, 'code_challenge with code_challenge_method=S256 is required');
    }
    const scope = q('scope') ?? '';
    if (!scope.trim()) return redirectWithError(ctx, redirectUri, 'invalid_scope', state);

    const passThrough = ['client_id', 'redirect_uri', 'scope', 'state', 'code_challenge', 'nonce'].map((name) => {
      const value = q(name);
      return value === undefined ? '' : html`<input type="hidden" name="${name}" value="${value}">`;
    });
    const tenants = rt.store.tenants;
    sendHtml(
      ctx,
      200,
      page({
        title: 'Xero | Authorise app',
        bodyClass: 'xero-consent',
        head: html`<style>body{font-family:sans-serif;background:#f5f6f7;margin:0}.consent{max-width:480px;margin:48px auto;background:#fff;padding:32px;border-radius:8px}button{padding:8px 20px;margin-right:8px}</style>`,
        body: html`<main class="consent">
<h1>Mapping Guard wants access to your Xero organisation</h1>
<p>Requested permissions: <span class="scopes">${scope}</span></p>
<form method="post" action="/identity/connect/authorize/consent">
${passThrough}
<label for="tenant">Organisation</label>
<select id="tenant" name="tenant">
${tenants.map((t, i) => html`<option value="${t.tenantId}"${i === 0 ? html` selected` : ''}>${t.name}</option>`)}
</select>
<p>
<button type="submit" name="decision" value="allow" id="allow">Allow</button>
<button type="submit" name="decision" value="deny" id="deny">Deny</button>
</p>
</form>
</main>`,
      }),
    );
  }

  async function answerConsent(ctx: RequestContext): Promise<void> {
    const form = parseForm(await ctx.body());
    const clientId = form.get('client_id');
    const redirectUri = form.get('redirect_uri');
    if (clientId !== rt.xeroClientId) return authorizeError(ctx, 'unauthorized_client : Unknown client or client not enabled');
    if (!redirectUri || !isAllowedRedirect(redirectUri)) return authorizeError(ctx, 'unauthorized_client : Invalid redirect_uri');
    const state = form.get('state');
    if (form.get('decision') !== 'allow') return redirectWithError(ctx, redirectUri, 'access_denied', state);
    const tenantId = form.get('tenant') ?? '';
    if (!rt.store.tenant(tenantId)) return authorizeError(ctx, 'Choose an organisation');
    const code = tokens.authorize({
      clientId,
      scope: form.get('scope') ?? '',
      tenantId,
      redirectUri,
      codeChallenge: form.get('code_challenge') ?? '',
      nonce: form.get('nonce'),
    });
    const target = new URL(redirectUri);
    target.searchParams.set('code', code);
    target.searchParams.set('scope', form.get('scope') ?? '');
    if (state !== undefined) target.searchParams.set('state', state);
    target.searchParams.set('session_state', code.slice(0, 16));
    redirect(ctx, target.toString());
  }

  // ---------------- identity.xero.com ----------------
  async function handleIdentity(ctx: RequestContext): Promise<void> {
    const path = ctx.path.toLowerCase().replace(/\/+$/, '');
    if (path === '/.well-known/openid-configuration' && ctx.method === 'GET') return sendJson(ctx, 200, discoveryDocument());
    if (path === '/.well-known/openid-configuration/jwks' && ctx.method === 'GET') return sendJson(ctx, 200, publicJwks());
    if (path === '/connect/token' && ctx.method === 'POST') return token(ctx);
    if (path === '/connect/revocation' && ctx.method === 'POST') return revocation(ctx);
    sendJson(ctx, 404, { error: 'not_found' });
  }

  /** Client id from the form (public PKCE clients) or from HTTP Basic (confidential style). */
  function clientIdOf(ctx: RequestContext, form: Map<string, string>): string | undefined {
    const basic = /^Basic\s+(.+)$/i.exec(header(ctx, 'authorization') ?? '');
    if (basic?.[1]) return decodeURIComponent(Buffer.from(basic[1], 'base64').toString('utf8').split(':')[0] ?? '');
    return form.get('client_id');
  }

  async function readTokenForm(ctx: RequestContext): Promise<Map<string, string> | undefined> {
    const type = header(ctx, 'content-type') ?? '';
    if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      sendJson(ctx, 400, { error: 'invalid_request', error_description: 'body must be application/x-www-form-urlencoded' });
      return undefined;
    }
    return parseForm(await ctx.body());
  }

  async function token(ctx: RequestContext): Promise<void> {
    rt.stats.count('identity POST token');
    const form = await readTokenForm(ctx);
    if (!form) return;
    const clientId = clientIdOf(ctx, form);
    if (clientId !== rt.xeroClientId) return sendJson(ctx, 400, { error: 'invalid_client' });
    // Passing token-endpoint errors (fault switches). Xero documents neither body: the 429 follows its API's
    // (Retry-After) and RFC 6749 §5.2's error shape; `invalid_request` is RFC 6749 §5.2's.
    if (rt.faults.take('tokenRateLimited', 'xero')) {
      return sendJson(ctx, 429, { error: 'rate_limit_exceeded', error_description: 'Too many token requests' }, { 'retry-after': '60' });
    }
    if (rt.faults.take('tokenInvalidRequest', 'xero')) {
      return sendJson(ctx, 400, { error: 'invalid_request', error_description: 'The request is missing a required parameter' });
    }
    const grantType = form.get('grant_type');
    let result;
    if (grantType === 'authorization_code') {
      const code = form.get('code');
      const redirectUri = form.get('redirect_uri');
      const codeVerifier = form.get('code_verifier');
      if (!code || !redirectUri || !codeVerifier) {
        return sendJson(ctx, 400, { error: 'invalid_request', error_description: 'code, redirect_uri and code_verifier are required' });
      }
      result = tokens.exchangeCode({ clientId, code, redirectUri, codeVerifier });
    } else if (grantType === 'refresh_token') {
      const refreshToken = form.get('refresh_token');
      if (!refreshToken) return sendJson(ctx, 400, { error: 'invalid_request', error_description: 'refresh_token is required' });
      result = tokens.refresh({ clientId, refreshToken });
    } else {
      return sendJson(ctx, 400, { error: 'unsupported_grant_type' });
    }
    if (result.error) {
      return sendJson(ctx, 400, { error: result.error, ...(result.description ? { error_description: result.description } : {}) });
    }
    sendJson(ctx, 200, JSON.parse(JSON.stringify(result.tokens)), { pragma: 'no-cache' });
  }

  async function revocation(ctx: RequestContext): Promise<void> {
    rt.stats.count('identity POST revocation');
    const form = await readTokenForm(ctx);
    if (!form) return;
    if (clientIdOf(ctx, form) !== rt.xeroClientId) return sendJson(ctx, 400, { error: 'invalid_client' });
    const value = form.get('token');
    if (!value) return sendJson(ctx, 400, { error: 'invalid_request' });
    tokens.revoke(value);
    sendEmpty(ctx, 200);
  }

  // ---------------- api.xero.com/connections ----------------
  async function handleConnections(ctx: RequestContext): Promise<void> {
    const rest = ctx.path.replace(/^\/connections\/?/i, '');
    rt.stats.count(`xero ${ctx.method} connections`);
    const access = tokens.checkAccess(header(ctx, 'authorization'));
    if (!access.ok) return sendUnauthorized(ctx, access);
    if (ctx.method === 'GET' && rest === '') {
      const authEventId = ctx.url.searchParams.get('authEventId');
      const list = tokens.connections.filter((c) => !authEventId || c.authEventId === authEventId);
      return sendJson(ctx, 200, list);
    }
    if (ctx.method === 'DELETE' && rest !== '') {
      return tokens.disconnect(decodeURIComponent(rest)) ? sendEmpty(ctx, 204) : sendJson(ctx, 404, { Title: 'Not Found', Status: 404 });
    }
    sendJson(ctx, 405, { Title: 'Method Not Allowed', Status: 405 });
  }

  return { handleLogin, handleIdentity, handleConnections };
}
