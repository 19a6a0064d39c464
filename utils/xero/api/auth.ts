// Xero OAuth 2.0 authorisation code + PKCE (no client secret) through the browser's web-auth flow, with
// oauth4webapi doing the protocol and the crypto. Tokens live only in the secret store (utils/background/secrets.ts).
// Refresh is single-flight and persists the rotated refresh token before anything uses the new access token; a
// rejected refresh leaves the "reconnect Xero" state, which stops all further refresh attempts until the user connects.
import * as oauth from 'oauth4webapi';
import { z } from 'zod';
import { XERO_IDENTITY_ORIGIN, XERO_LOGIN_ORIGIN } from '../../apps';
import type { SecretStore } from '../../net/secret-store';
import { timeoutSignal } from '../../net/timed-fetch';
import { UserFacingError } from '../../net/user-error';
import type { XeroTokenSource } from './client';
import { TokenBackoff } from './token-backoff';
import { xeroClientIdMissing, xeroUnreachable, xeroNotConnectedError, xeroReconnectError, xeroThrottledTooLong, xeroTokenRenewalFailed } from './errors';

export const XERO_AUTHORIZATION_SERVER: oauth.AuthorizationServer = {
  issuer: XERO_IDENTITY_ORIGIN,
  authorization_endpoint: `${XERO_LOGIN_ORIGIN}/identity/connect/authorize`,
  token_endpoint: `${XERO_IDENTITY_ORIGIN}/connect/token`,
  revocation_endpoint: `${XERO_IDENTITY_ORIGIN}/connect/revocation`,
};
export const XERO_SCOPES = 'offline_access accounting.settings.read';
/** Refresh this long before the access token's expiry so a call never starts with a token about to lapse. */
const EXPIRY_MARGIN_MS = 60_000;
const SECRET_NAME = 'xero';

const storedXeroSchema = z.object({
  tokens: z
    .object({
      accessToken: z.string(),
      refreshToken: z.string(),
      /** Epoch ms. */
      expiresAt: z.number(),
      scope: z.string().optional(),
    })
    .optional(),
  /** Set when Xero rejected the refresh token: the user must connect again. */
  reconnect: z.object({ reason: z.string(), at: z.number() }).optional(),
});
type StoredXero = z.infer<typeof storedXeroSchema>;
type XeroTokens = NonNullable<StoredXero['tokens']>;

export type XeroConnectionState = 'connected' | 'not-connected' | 'reconnect-needed';

export interface XeroAuthOptions {
  secrets: SecretStore;
  /** Resolves the client id (options page value, else the build's WXT_XERO_CLIENT_ID). */
  clientId: () => Promise<string | undefined>;
  /** `browser.identity.getRedirectURL()`: https://<extension-id>.chromiumapp.org/ */
  redirectUrl: string;
  /** Opens the consent page and resolves with the final redirect URL (`browser.identity.launchWebAuthFlow`). */
  launchWebAuthFlow: (url: string) => Promise<string | undefined>;
  fetch?: typeof fetch;
  now?: () => number;
  /** Told whenever the connection state changes (badge, status broadcast). */
  onStateChange?: (state: XeroConnectionState) => void;
}

/**
 * The token endpoint's answers that mean the grant itself is dead (RFC 6749 §5.2): only the user can fix those by
 * connecting again. Anything else (429, `invalid_request`, a 5xx, no answer) is passing: keep the tokens, try later.
 */
const GRANT_REJECTIONS = new Set(['invalid_grant', 'invalid_client', 'unauthorized_client']);

export class XeroAuth implements XeroTokenSource {
  private refreshing: Promise<string> | undefined;
  /** Bumped by connect and disconnect: a refresh that started before either must not write its tokens back. */
  private generation = 0;
  private readonly now: () => number;
  /** Set by a passing token-endpoint failure: no renewal is asked for until it ends. */
  private readonly backoff: TokenBackoff;

  constructor(private readonly options: XeroAuthOptions) {
    this.now = options.now ?? Date.now;
    this.backoff = new TokenBackoff(this.now);
  }

  /** Every token call has a time limit (a fresh signal per request) and goes through the injected fetch, if any. */
  private requestOptions() {
    const fetchFn = this.options.fetch;
    return {
      signal: () => timeoutSignal(),
      ...(fetchFn ? { [oauth.customFetch]: (url: string, init: RequestInit) => fetchFn(url, init) } : {}),
    };
  }

  private async client(): Promise<oauth.Client> {
    const clientId = (await this.options.clientId())?.trim();
    if (!clientId) throw xeroClientIdMissing();
    return { client_id: clientId };
  }

  private async read(): Promise<StoredXero> {
    return (await this.options.secrets.get(SECRET_NAME, storedXeroSchema)) ?? {};
  }

  async state(): Promise<XeroConnectionState> {
    const stored = await this.read();
    if (stored.reconnect) return 'reconnect-needed';
    return stored.tokens ? 'connected' : 'not-connected';
  }

  /** Runs the consent flow; on success the tokens are stored and the reconnect state cleared. */
  async connect(): Promise<void> {
    const client = await this.client();
    const as = XERO_AUTHORIZATION_SERVER;
    const codeVerifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const authorizationUrl = new URL(as.authorization_endpoint ?? '');
    authorizationUrl.search = new URLSearchParams({
      response_type: 'code',
      client_id: client.client_id,
      redirect_uri: this.options.redirectUrl,
      scope: XERO_SCOPES,
      state,
      code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    }).toString();

    let redirected: string | undefined;
    try {
      redirected = await this.options.launchWebAuthFlow(authorizationUrl.href);
    } catch (error) {
      throw new UserFacingError(
        'The Xero sign-in window was closed before access was allowed.',
        'xero-auth-cancelled',
        error instanceof Error ? error.message : String(error),
      );
    }
    if (!redirected) throw new UserFacingError('Xero sign-in did not finish.', 'xero-auth-cancelled');

    let params: URLSearchParams;
    try {
      params = oauth.validateAuthResponse(as, client, new URL(redirected), state);
    } catch (error) {
      throw new UserFacingError('Xero did not grant access.', 'xero-auth-cancelled', describeOAuthError(error));
    }
    const tokens = await this.tokenCall(async () => {
      const response = await oauth.authorizationCodeGrantRequest(
        as,
        client,
        oauth.None(),
        params,
        this.options.redirectUrl,
        codeVerifier,
        this.requestOptions(),
      );
      return oauth.processAuthorizationCodeResponse(as, client, response);
    });
    await this.settled();
    this.generation++;
    this.backoff.reset();
    await this.options.secrets.set(SECRET_NAME, { tokens } satisfies StoredXero);
    // A refresh that started while the new tokens were being written read the old ones: it must not write them back.
    this.generation++;
    this.backoff.reset(); // nor leave a pause it ran into meanwhile
    this.options.onStateChange?.('connected');
  }

  async accessToken(): Promise<string> {
    const stored = await this.read();
    if (stored.reconnect) throw xeroReconnectError(stored.reconnect.reason);
    if (!stored.tokens) throw xeroNotConnectedError();
    if (stored.tokens.expiresAt - EXPIRY_MARGIN_MS > this.now()) return stored.tokens.accessToken;
    return this.refresh();
  }

  async afterUnauthorized(rejected: string): Promise<string> {
    const stored = await this.read();
    if (stored.reconnect) throw xeroReconnectError(stored.reconnect.reason);
    // Another call already refreshed: use its token rather than spending the new refresh token.
    if (stored.tokens && stored.tokens.accessToken !== rejected) return stored.tokens.accessToken;
    return this.refresh();
  }

  /** Single-flight: concurrent callers share one refresh request. */
  refresh(): Promise<string> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /** Waits for a refresh in flight to end, whatever its outcome. */
  private async settled(): Promise<void> {
    await this.refreshing?.catch(() => undefined);
  }

  private async doRefresh(): Promise<string> {
    const generation = this.generation;
    const stored = await this.read();
    if (stored.reconnect) throw xeroReconnectError(stored.reconnect.reason);
    if (!stored.tokens) throw xeroNotConnectedError();
    this.backoff.check();
    const client = await this.client();
    const as = XERO_AUTHORIZATION_SERVER;
    let tokens: XeroTokens;
    try {
      tokens = await this.tokenCall(async () => {
        const response = await oauth.refreshTokenGrantRequest(
          as,
          client,
          oauth.None(),
          stored.tokens?.refreshToken ?? '',
          this.requestOptions(),
        );
        return oauth.processRefreshTokenResponse(as, client, response);
      }, stored.tokens.refreshToken, (error, retryAfter, answered) => {
        if (generation === this.generation) this.backoff.failed(error, retryAfter, answered); // else: not this connection's
      });
    } catch (error) {
      if (generation !== this.generation) throw xeroNotConnectedError();
      if (error instanceof UserFacingError && error.code === 'xero-reconnect') {
        // Remember the rejection so no caller retries the dead refresh token: no loops.
        await this.options.secrets.set(SECRET_NAME, {
          reconnect: { reason: error.detail ?? error.message, at: this.now() },
        } satisfies StoredXero);
        this.options.onStateChange?.('reconnect-needed');
      }
      throw error;
    }
    // Disconnected (or connected anew) while this refresh ran: its tokens belong to a connection that is gone.
    if (generation !== this.generation) throw xeroNotConnectedError();
    this.backoff.reset();
    // Xero rotates the refresh token: persist the new pair before anyone uses the new access token.
    await this.options.secrets.set(SECRET_NAME, { tokens } satisfies StoredXero);
    return tokens.accessToken;
  }

  /**
   * Performs a token request; maps rejections to the reconnect error and transport failures to network errors.
   * `onPassing` hears of a failure that keeps the grant (the answer's Retry-After; whether Xero answered), before it is thrown.
   */
  private async tokenCall(call: () => Promise<oauth.TokenEndpointResponse>, previousRefreshToken?: string, onPassing?: (error: Error, retryAfter: string | null, answered: boolean) => void): Promise<XeroTokens> {
    let response: oauth.TokenEndpointResponse;
    try {
      response = await call();
    } catch (error) {
      // Xero said no to this grant (invalid_grant, invalid_client…): only the user can fix that by connecting again.
      const rejected =
        (error instanceof oauth.ResponseBodyError && GRANT_REJECTIONS.has(error.error)) ||
        error instanceof oauth.WWWAuthenticateChallengeError;
      if (rejected) throw xeroReconnectError(describeOAuthError(error));
      // Anything else (a 429, invalid_request, a 5xx, an HTML page, no answer) is worth retrying later, not a
      // reason to throw the tokens away.
      const body = error instanceof oauth.ResponseBodyError ? error : undefined;
      const passing = body?.status === 429 ? xeroThrottledTooLong(null) : body ? xeroTokenRenewalFailed(describeOAuthError(error)) : await xeroUnreachable(XERO_IDENTITY_ORIGIN, describeOAuthError(error));
      // oauth4webapi wraps every answer it got in one of its errors; anything else is fetch failing (offline, timeout).
      const answered = body !== undefined || error instanceof oauth.OperationProcessingError;
      onPassing?.(passing, body?.response.headers.get('retry-after') ?? null, answered);
      throw passing;
    }
    const refreshToken = response.refresh_token ?? previousRefreshToken;
    if (!refreshToken) throw xeroReconnectError('token response without refresh_token (offline_access not granted)');
    return {
      accessToken: response.access_token,
      refreshToken,
      expiresAt: this.now() + (response.expires_in ?? 1800) * 1000,
      scope: response.scope,
    };
  }

  /** Revokes the refresh token (which ends the grant's connections) and forgets every token. Never throws on revoke. */
  async disconnect(): Promise<void> {
    // A refresh in flight rotates the refresh token: let it land so the token revoked is the live one, and make
    // sure nothing it finishes later writes tokens back.
    await this.settled();
    this.generation++;
    const stored = await this.read();
    if (stored.tokens) {
      try {
        const client = await this.client();
        await oauth.revocationRequest(
          XERO_AUTHORIZATION_SERVER,
          client,
          oauth.None(),
          stored.tokens.refreshToken,
          this.requestOptions(),
        );
      } catch {
        // Forgetting matters more than a failed revoke: the token is gone from this browser either way.
      }
    }
    await this.options.secrets.delete(SECRET_NAME);
    this.backoff.reset();
    // A refresh that started during the revoke read tokens that are gone now: it must not write them back.
    this.generation++;
    this.options.onStateChange?.('not-connected');
  }
}

function describeOAuthError(error: unknown): string {
  if (error instanceof oauth.ResponseBodyError) {
    return `${error.status} ${error.error}${error.error_description ? `: ${error.error_description}` : ''}`;
  }
  if (error instanceof oauth.AuthorizationResponseError) {
    return `${error.error}${error.error_description ? `: ${error.error_description}` : ''}`;
  }
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
