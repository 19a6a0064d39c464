// Xero identity state: authorisation codes, access tokens (30 minutes), rotating refresh tokens (60 days unused),
// and the user's connections (tenants this app may reach). Tokens are RS256 JWTs like Xero's, signed with a key
// made at start and published at the JWKS address the discovery document names.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type { Runtime } from './runtime';
import { stableUuid } from './ids';

export const XERO_ISSUER = 'https://identity.xero.com';
export const ACCESS_TOKEN_SECONDS = 1800;
const REFRESH_TOKEN_MS = 60 * 24 * 3600_000;
const CODE_MS = 5 * 60_000;
export const SIGNING_KEY_ID = 'mapping-guard-sandbox';

export interface Connection {
  id: string;
  authEventId: string;
  tenantId: string;
  tenantType: 'ORGANISATION';
  tenantName: string;
  createdDateUtc: string;
  updatedDateUtc: string;
}

interface Grant {
  id: string;
  clientId: string;
  scope: string;
  authEventId: string;
  revoked: boolean;
}

interface AuthorizationCode {
  grant: Grant;
  redirectUri: string;
  codeChallenge: string;
  nonce?: string;
  expiresAt: number;
  used: boolean;
}

interface IssuedToken {
  grant: Grant;
  issuedAt: number;
  expiresAt: number;
  alive: boolean;
}

export type AccessCheck =
  | { ok: true; clientId: string }
  | { ok: false; reason: 'missing' | 'invalid' }
  | { ok: false; reason: 'expired'; expiredAt: number };

let signingKeys: { privateKey: KeyObject; publicKey: KeyObject } | undefined;

function keys() {
  signingKeys ??= generateKeyPairSync('rsa', { modulusLength: 2048 });
  return signingKeys;
}

export function publicJwks(): { keys: JsonWebKeyWithId[] } {
  const jwk = keys().publicKey.export({ format: 'jwk' });
  return { keys: [{ ...jwk, kid: SIGNING_KEY_ID, use: 'sig', alg: 'RS256' }] };
}
type JsonWebKeyWithId = Record<string, unknown>;

const base64url = (input: Buffer | string) => Buffer.from(input).toString('base64url');

export function signJwt(claims: Record<string, unknown>): string {
  const head = base64url(JSON.stringify({ alg: 'RS256', kid: SIGNING_KEY_ID, typ: 'JWT' }));
  const body = base64url(JSON.stringify(claims));
  const signature = sign('sha256', Buffer.from(`${head}.${body}`), keys().privateKey);
  return `${head}.${body}.${base64url(signature)}`;
}

/** RFC 7636 S256: BASE64URL(SHA256(ASCII(code_verifier))) must equal the challenge sent to /authorize. */
export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

const VERIFIER_FORMAT = /^[A-Za-z0-9\-._~]{43,128}$/;

export class XeroTokens {
  readonly connections: Connection[] = [];
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly accessTokens = new Map<string, IssuedToken>();
  private readonly refreshTokens = new Map<string, IssuedToken>();
  private readonly grants: Grant[] = [];

  constructor(private readonly rt: Runtime) {}

  /** After consent: connects the tenant and returns a one-time code bound to the PKCE challenge. */
  authorize(input: { clientId: string; scope: string; tenantId: string; redirectUri: string; codeChallenge: string; nonce?: string }): string {
    const tenant = this.rt.store.tenant(input.tenantId);
    if (!tenant) throw new Error(`unknown tenant ${input.tenantId}`);
    const authEventId = stableUuid(`auth-event:${randomBytes(8).toString('hex')}`);
    const nowIso = new Date(this.rt.now()).toISOString();
    const existing = this.connections.find((c) => c.tenantId === tenant.tenantId);
    if (existing) Object.assign(existing, { authEventId, updatedDateUtc: nowIso });
    else {
      this.connections.push({
        id: stableUuid(`connection:${tenant.tenantId}:${randomBytes(4).toString('hex')}`),
        authEventId,
        tenantId: tenant.tenantId,
        tenantType: 'ORGANISATION',
        tenantName: tenant.name,
        createdDateUtc: nowIso,
        updatedDateUtc: nowIso,
      });
    }
    const grant: Grant = { id: randomBytes(8).toString('hex'), clientId: input.clientId, scope: input.scope, authEventId, revoked: false };
    this.grants.push(grant);
    const code = randomBytes(24).toString('base64url');
    this.codes.set(code, {
      grant,
      redirectUri: input.redirectUri,
      codeChallenge: input.codeChallenge,
      nonce: input.nonce,
      expiresAt: this.rt.now() + CODE_MS,
      used: false,
    });
    return code;
  }

  /** The authorization_code grant; returns an OAuth error code on failure. */
  exchangeCode(input: { clientId: string; code: string; redirectUri: string; codeVerifier: string }): TokenResult {
    const entry = this.codes.get(input.code);
    if (!entry || entry.used || entry.expiresAt < this.rt.now()) return { error: 'invalid_grant', description: 'invalid or expired code' };
    // A code is single use even when the exchange fails, as RFC 6749 §10.5 recommends.
    entry.used = true;
    if (entry.grant.clientId !== input.clientId) return { error: 'invalid_grant', description: 'code was issued to another client' };
    if (entry.redirectUri !== input.redirectUri) return { error: 'invalid_grant', description: 'redirect_uri does not match' };
    if (!VERIFIER_FORMAT.test(input.codeVerifier)) return { error: 'invalid_grant', description: 'invalid code_verifier' };
    if (pkceChallenge(input.codeVerifier) !== entry.codeChallenge) return { error: 'invalid_grant', description: 'code_verifier does not match code_challenge' };
    return this.issue(entry.grant, entry.nonce, true);
  }

  /** The refresh_token grant: the presented token dies and a new pair is returned (rotation). */
  refresh(input: { clientId: string; refreshToken: string }): TokenResult {
    const entry = this.refreshTokens.get(input.refreshToken);
    const now = this.rt.now();
    if (!entry || !entry.alive || entry.grant.revoked || entry.expiresAt < now || entry.issuedAt <= this.rt.faults.refreshTokensRevokedAt) {
      return { error: 'invalid_grant' };
    }
    if (entry.grant.clientId !== input.clientId) return { error: 'invalid_grant' };
    entry.alive = false;
    return this.issue(entry.grant, undefined, false);
  }

  /** Revokes a refresh token's grant: its tokens stop working and its connections go, as on Xero. */
  revoke(token: string): void {
    const entry = this.refreshTokens.get(token) ?? this.accessTokens.get(token);
    if (!entry) return;
    entry.grant.revoked = true;
    for (let i = this.connections.length - 1; i >= 0; i--) {
      if (this.connections[i]?.authEventId === entry.grant.authEventId) this.connections.splice(i, 1);
    }
  }

  checkAccess(authorization: string | undefined): AccessCheck {
    const match = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
    if (!match?.[1]) return { ok: false, reason: 'missing' };
    const entry = this.accessTokens.get(match[1].trim());
    if (!entry || entry.grant.revoked) return { ok: false, reason: 'invalid' };
    if (entry.issuedAt <= this.rt.faults.accessTokensExpiredAt) return { ok: false, reason: 'expired', expiredAt: this.rt.faults.accessTokensExpiredAt };
    if (entry.expiresAt <= this.rt.now()) return { ok: false, reason: 'expired', expiredAt: entry.expiresAt };
    return { ok: true, clientId: entry.grant.clientId };
  }

  isConnected(tenantId: string): boolean {
    return this.connections.some((c) => c.tenantId.toLowerCase() === tenantId.toLowerCase());
  }

  disconnect(connectionId: string): boolean {
    const index = this.connections.findIndex((c) => c.id === connectionId);
    if (index < 0) return false;
    this.connections.splice(index, 1);
    return true;
  }

  private issue(grant: Grant, nonce: string | undefined, withIdToken: boolean): TokenResult {
    const now = this.rt.now();
    const seconds = Math.floor(now / 1000);
    const accessToken = signJwt({
      nbf: seconds,
      exp: seconds + ACCESS_TOKEN_SECONDS,
      iss: XERO_ISSUER,
      aud: `${XERO_ISSUER}/resources`,
      client_id: grant.clientId,
      sub: 'sandbox-user',
      auth_time: seconds,
      xero_userid: stableUuid('sandbox-user'),
      global_session_id: grant.id,
      authentication_event_id: grant.authEventId,
      jti: randomBytes(16).toString('hex'),
      scope: grant.scope.split(/\s+/).filter(Boolean),
    });
    const scopes = grant.scope.split(/\s+/);
    this.accessTokens.set(accessToken, { grant, issuedAt: now, expiresAt: now + ACCESS_TOKEN_SECONDS * 1000, alive: true });
    // Xero hands out refresh tokens only to apps that asked for offline_access.
    const refreshToken = scopes.includes('offline_access') ? randomBytes(32).toString('hex') : undefined;
    if (refreshToken) this.refreshTokens.set(refreshToken, { grant, issuedAt: now, expiresAt: now + REFRESH_TOKEN_MS, alive: true });
    const idToken =
      withIdToken && scopes.includes('openid')
        ? signJwt({
            nbf: seconds,
            exp: seconds + 300,
            iat: seconds,
            iss: XERO_ISSUER,
            aud: grant.clientId,
            sub: 'sandbox-user',
            auth_time: seconds,
            xero_userid: stableUuid('sandbox-user'),
            email: 'demo@example.com',
            given_name: 'Demo',
            family_name: 'User',
            ...(nonce ? { nonce } : {}),
          })
        : undefined;
    return {
      tokens: {
        ...(idToken ? { id_token: idToken } : {}),
        access_token: accessToken,
        expires_in: ACCESS_TOKEN_SECONDS,
        token_type: 'Bearer',
        refresh_token: refreshToken,
        scope: grant.scope,
      },
    };
  }
}

export type TokenResult =
  | { tokens: Record<string, string | number | undefined>; error?: undefined }
  | { error: 'invalid_grant' | 'invalid_client' | 'invalid_request'; description?: string; tokens?: undefined };
