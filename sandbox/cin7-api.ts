// Cin7 Core API v2 stand-in (research/cin7.md §1–2): `https://inventory.dearsystems.com/ExternalApi/v2/…`,
// two auth headers, Page/Limit envelopes, ModifiedSince, 60 calls/minute per application key, and the
// oddities integrators meet (error bodies with 200, HTML with 200) behind fault switches.
import { delay, header, send, sendJson, type RequestContext } from './http';
import { page, html } from './html';
import { FixedWindowLimiter, InFlightCounter } from './rate-limit';
import { malform, type Runtime } from './runtime';
import { Cin7Error } from './cin7-query';
import { CIN7_ROUTES } from './cin7-endpoints';
import { stallIfFaulted } from './faults';
import { organisationOfKeys } from './cin7-organisations';

export const CIN7_API_PREFIX = '/externalapi/v2/';
const CALLS_PER_WINDOW = 60;

export function createCin7Api(rt: Runtime) {
  const limiter = new FixedWindowLimiter(CALLS_PER_WINDOW, rt.rateLimitWindowMs, rt.now);
  const inFlight = new InFlightCounter();

  async function handle(ctx: RequestContext): Promise<void> {
    const endpoint = ctx.path.toLowerCase().slice(CIN7_API_PREFIX.length).replace(/\/+$/, '');
    rt.stats.count(`cin7 ${ctx.method} ${endpoint}`);
    rt.stats.concurrency('cin7', inFlight.enter('all'));
    try {
      const slowMs = rt.faults.get('slowMs');
      if (slowMs > 0) await delay(slowMs);
      respond(ctx, endpoint);
    } finally {
      inFlight.leave('all');
    }
  }

  function respond(ctx: RequestContext, endpoint: string): void {
    const accountId = header(ctx, 'api-auth-accountid');
    const applicationKey = header(ctx, 'api-auth-applicationkey');
    // Each organisation of the login has its own keys; they pick whose data answers (cin7-organisations.ts).
    if (!applicationKey || !organisationOfKeys(rt, accountId, applicationKey)) {
      sendJson(ctx, 403, errorBody(403, 'Incorrect credentials! Check the api-auth-accountid and api-auth-applicationkey headers.'));
      return;
    }

    const window = limiter.hit(applicationKey);
    if (!window.allowed || rt.faults.take('rateLimitStorm', 'cin7')) {
      const status = rt.faults.get('cin7RateLimitStatus');
      rt.stats.throttled(status);
      // Cin7 documents 503 for its limit (no Retry-After); other integrators saw 429 with Retry-After.
      const headers: Record<string, string> = status === 429 ? { 'retry-after': String(window.retryAfterSeconds) } : {};
      sendJson(ctx, status, errorBody(status, 'You reached 60 calls per minute API limit.'), headers);
      return;
    }

    if (stallIfFaulted(rt.faults, ctx, 'cin7')) return;
    if (rt.faults.take('serverErrors', 'cin7')) {
      sendJson(ctx, 500, errorBody(500, 'An unexpected error has occurred. Please try again later.'));
      return;
    }
    if (rt.faults.take('cin7HtmlWith200', 'cin7')) {
      send(ctx, 200, cin7HtmlPage(), 'text/html; charset=utf-8');
      return;
    }
    if (rt.faults.take('cin7ErrorWith200', 'cin7')) {
      sendJson(ctx, 200, [errorBody(400, 'Required attribute ProductionBOMs is not provided.')]);
      return;
    }

    const route = CIN7_ROUTES[endpoint];
    if (!route) {
      sendJson(ctx, 404, errorBody(404, `Endpoint '${endpoint}' does not exist.`));
      return;
    }
    if (ctx.method !== 'GET') {
      // Cin7 answers a verb an endpoint does not support with 403 rather than 405 (research/cin7.md §1.4).
      sendJson(ctx, 403, errorBody(403, `Method ${ctx.method} is not allowed for this sandbox endpoint.`));
      return;
    }
    try {
      const body = JSON.stringify(route(ctx, rt));
      const malformed = rt.faults.take('malformedJson', 'cin7');
      send(ctx, 200, malformed ? malform(body) : body, 'application/json; charset=utf-8');
    } catch (error) {
      if (error instanceof Cin7Error) sendJson(ctx, error.status, errorBody(error.status, error.message));
      else throw error;
    }
  }

  return { handle, reset: () => limiter.reset() };
}

/** Cin7's Error Model. */
export function errorBody(code: number, exception: string): { ErrorCode: number; Exception: string } {
  return { ErrorCode: code, Exception: exception };
}

function cin7HtmlPage(): string {
  return page({
    title: 'Cin7 Core',
    body: html`<div class="error-page"><h1>Page not found</h1><p>The page you requested could not be found.</p></div>`,
  });
}
