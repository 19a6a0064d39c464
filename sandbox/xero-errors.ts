// Xero's problem-detail bodies for auth failures on api.xero.com (Accounting API and /connections).
import { sendJson, type RequestContext } from './http';
import type { AccessCheck } from './xero-tokens';

/** Xero's own wording: `TokenExpired: token expired at 11/21/2026 23:48:02`. */
function xeroClock(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export function sendUnauthorized(ctx: RequestContext, check: Exclude<AccessCheck, { ok: true }>, headers: Record<string, string> = {}): void {
  const detail = check.reason === 'expired' ? `TokenExpired: token expired at ${xeroClock(check.expiredAt)}` : 'AuthenticationUnsuccessful';
  sendJson(ctx, 401, { Type: null, Title: 'Unauthorized', Status: 401, Detail: detail, Instance: null, Extensions: {} }, {
    'www-authenticate': `Bearer error="invalid_token"${check.reason === 'expired' ? ', error_description="The token expired"' : ''}`,
    ...headers,
  });
}

export function sendForbidden(ctx: RequestContext, detail: string, headers: Record<string, string> = {}): void {
  sendJson(ctx, 403, { Type: null, Title: 'Forbidden', Status: 403, Detail: detail, Instance: null, Extensions: {} }, headers);
}
