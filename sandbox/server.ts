// One HTTPS server for every host; the Host header picks the handler, as Chromium's host-resolver rules send all
// the real hostnames to 127.0.0.1:<port>.
import { createServer, type Server } from 'node:https';
import { createCin7Api, CIN7_API_PREFIX } from './cin7-api';
import { withCin7Organisation } from './cin7-organisations';
import { createCin7Pages } from './cin7-pages';
import { createContext, sendJson, type RequestContext } from './http';
import type { Runtime } from './runtime';
import { makeCertificate } from './tls';
import { createXeroApi, XERO_API_PREFIX } from './xero-api';
import { createXeroIdentity } from './xero-identity';
import { createXeroPages } from './xero-pages';
import { XeroTokens } from './xero-tokens';

export const SANDBOX_HOSTS = [
  'inventory.dearsystems.com',
  'go.xero.com',
  'api.xero.com',
  'login.xero.com',
  'identity.xero.com',
] as const;

export interface SandboxServer {
  server: Server;
  tokens: XeroTokens;
  resetLimits: () => void;
}

export function createSandboxServer(rt: Runtime): SandboxServer {
  const tokens = new XeroTokens(rt);
  const cin7Api = createCin7Api(rt);
  const cin7Pages = createCin7Pages(rt);
  const xeroApi = createXeroApi(rt, tokens);
  const identity = createXeroIdentity(rt, tokens);
  const xeroPages = createXeroPages(rt);

  function route(ctx: RequestContext): Promise<void> | void {
    const lowerPath = ctx.path.toLowerCase();
    switch (ctx.host) {
      case 'inventory.dearsystems.com': {
        // One login, several organisations: each request is answered as its organisation's (cin7-organisations.ts).
        const api = lowerPath.startsWith(CIN7_API_PREFIX);
        return withCin7Organisation(rt, ctx, api, () => (api ? cin7Api.handle(ctx) : cin7Pages.handle(ctx)));
      }
      case 'api.xero.com':
        if (lowerPath.startsWith(XERO_API_PREFIX)) return xeroApi.handle(ctx);
        if (lowerPath === '/connections' || lowerPath.startsWith('/connections/')) return identity.handleConnections(ctx);
        return sendJson(ctx, 404, { Title: 'Not Found', Status: 404 });
      case 'login.xero.com':
        return identity.handleLogin(ctx);
      case 'identity.xero.com':
        return identity.handleIdentity(ctx);
      case 'go.xero.com':
        return xeroPages.handle(ctx);
      default:
        return sendJson(ctx, 421, { error: `the sandbox does not serve host "${ctx.host}"` });
    }
  }

  const { key, cert } = makeCertificate(SANDBOX_HOSTS);
  const server = createServer({ key, cert }, (req, res) => {
    const ctx = createContext(req, res);
    Promise.resolve()
      .then(() => route(ctx))
      .catch((error: unknown) => {
        console.error('[sandbox] handler failed:', error);
        sendJson(ctx, 500, { error: 'sandbox handler failed' });
      });
  });
  return { server, tokens, resetLimits: () => { cin7Api.reset(); xeroApi.reset(); } };
}
