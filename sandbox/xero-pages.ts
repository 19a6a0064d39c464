// The classic Xero web app at go.xero.com (URL decisions in the sandbox brief): routes to the pages (markup in
// xero-page-markup.ts), the chart of accounts' Edit/Archive posts and its bulk Archive / Delete, and the
// organisationlogin wrapper that picks the organisation before redirecting.
import { z } from 'zod';
import { html, page } from './html';
import { parseCookies, redirect, sendEmpty, sendHtml, sendJson, type RequestContext } from './http';
import type { Runtime } from './runtime';
import type { JsonRecord, XeroTenant } from './store';
import { chartListOf } from './xero-chart-markup';
import { ACCOUNT_TYPE_LABELS, xeroPageMarkup } from './xero-page-markup';

const ORG_COOKIE = 'mg_sandbox_org';

const CLASS_OF_TYPE: Record<string, string> = {
  BANK: 'ASSET', CURRENT: 'ASSET', FIXED: 'ASSET', INVENTORY: 'ASSET', NONCURRENT: 'ASSET', PREPAYMENT: 'ASSET',
  CURRLIAB: 'LIABILITY', LIABILITY: 'LIABILITY', TERMLIAB: 'LIABILITY', PAYG: 'LIABILITY', EQUITY: 'EQUITY',
  DEPRECIATN: 'EXPENSE', DIRECTCOSTS: 'EXPENSE', EXPENSE: 'EXPENSE', OVERHEADS: 'EXPENSE',
  OTHERINCOME: 'REVENUE', REVENUE: 'REVENUE', SALES: 'REVENUE',
};

const accountEditSchema = z.object({
  AccountID: z.string(),
  Code: z.string().max(10).optional(),
  Name: z.string().min(1).max(150).optional(),
  Type: z.enum(Object.keys(ACCOUNT_TYPE_LABELS) as [string, ...string[]]).optional(),
  TaxType: z.string().optional(),
});

const bulkSchema = z.object({ action: z.enum(['archive', 'delete']), AccountIDs: z.array(z.string().max(100)).min(1).max(1000) }).strict();

/** The request's JSON body, or undefined when it is not JSON (the schema then refuses it). */
async function jsonBody(ctx: RequestContext): Promise<unknown> {
  try {
    return JSON.parse(await ctx.body());
  } catch {
    return undefined;
  }
}

export function createXeroPages(rt: Runtime) {
  function currentTenant(ctx: RequestContext): XeroTenant | undefined {
    const chosen = parseCookies(ctx).get(ORG_COOKIE);
    return (chosen ? rt.store.tenantByShortCode(chosen) : undefined) ?? rt.store.tenants[0];
  }

  async function editAccount(ctx: RequestContext, tenant: XeroTenant, action: 'save' | 'archive') {
    const body = await jsonBody(ctx);
    const parsed = accountEditSchema.safeParse(body);
    if (!parsed.success) return sendJson(ctx, 400, { error: parsed.error.issues[0]?.message ?? 'invalid account' });
    const { AccountID, ...changes } = parsed.data;
    const patch: JsonRecord = action === 'archive' ? { Status: 'ARCHIVED' } : { ...changes };
    if (typeof patch.Type === 'string') patch.Class = CLASS_OF_TYPE[patch.Type];
    try {
      const account = rt.store.modifyXeroAccount(AccountID, patch, tenant.tenantId);
      sendJson(ctx, 200, { account });
    } catch (error) {
      sendJson(ctx, 404, { error: (error as Error).message });
    }
  }

  /**
   * The bulk Archive / Delete of ticked accounts. Archived accounts stay (Status ARCHIVED: the Archive tab and the API
   * list them); deleted ones leave the organisation. System accounts are refused (Xero locks them); Xero also refuses
   * to delete an account with transactions, which the sandbox does not hold (GUESS: every other account is deletable).
   */
  async function bulkAccounts(ctx: RequestContext, tenant: XeroTenant) {
    const body = await jsonBody(ctx);
    const parsed = bulkSchema.safeParse(body);
    if (!parsed.success) return sendJson(ctx, 400, { error: parsed.error.issues[0]?.message ?? 'invalid request' });
    const { action, AccountIDs } = parsed.data;
    const chosen = tenant.accounts.filter((account) => AccountIDs.includes(String(account.AccountID)));
    if (chosen.length !== AccountIDs.length) return sendJson(ctx, 404, { error: 'No such account' });
    if (chosen.some((account) => account.SystemAccount)) return sendJson(ctx, 400, { error: 'System accounts cannot be archived or deleted' });
    for (const account of chosen) {
      if (action === 'archive') rt.store.modifyXeroAccount(String(account.AccountID), { Status: 'ARCHIVED' }, tenant.tenantId);
      else tenant.accounts.splice(tenant.accounts.indexOf(account), 1);
    }
    const count = `${chosen.length} account${chosen.length === 1 ? ' has' : 's have'}`;
    sendJson(ctx, 200, { message: `${count} been ${action === 'archive' ? 'archived' : 'deleted'}` });
  }

  function organisationLogin(ctx: RequestContext) {
    const shortCode = ctx.query.get('shortcode') ?? '';
    const target = ctx.query.get('redirecturl') ?? '/';
    const tenant = rt.store.tenantByShortCode(shortCode);
    if (!tenant) {
      return sendHtml(ctx, 404, page({ title: 'Xero', body: html`<h1>You don't have access to this organisation</h1><p>Short code ${shortCode}</p>` }));
    }
    // Only same-site paths: the wrapper must not become an open redirect.
    const safeTarget = target.startsWith('/') && !target.startsWith('//') ? target : '/';
    redirect(ctx, safeTarget, { 'set-cookie': `${ORG_COOKIE}=${encodeURIComponent(tenant.shortCode)}; Path=/; Secure; SameSite=Lax` });
  }

  async function handle(ctx: RequestContext): Promise<void> {
    const path = ctx.path.toLowerCase().replace(/\/+$/, '') || '/';
    if (path === '/organisationlogin/default.aspx') return organisationLogin(ctx);
    if (path === '/favicon.ico') return sendEmpty(ctx, 204);
    const tenant = currentTenant(ctx);
    if (!tenant) return sendHtml(ctx, 404, page({ title: 'Xero', body: html`<h1>No organisation</h1>` }));
    if (ctx.method === 'POST' && path === '/generalledger/chartofaccounts.aspx/save') return editAccount(ctx, tenant, 'save');
    if (ctx.method === 'POST' && path === '/generalledger/chartofaccounts.aspx/archive') return editAccount(ctx, tenant, 'archive');
    if (ctx.method === 'POST' && path === '/generalledger/chartofaccounts.aspx/bulk') return bulkAccounts(ctx, tenant);
    if (ctx.method !== 'GET') return sendJson(ctx, 405, { error: 'method not allowed' });
    const show = (markup: string) => sendHtml(ctx, 200, markup);
    switch (path) {
      case '/':
      case '/dashboard':
        return show(xeroPageMarkup.dashboard(tenant));
      case '/generalledger/chartofaccounts.aspx':
        return show(xeroPageMarkup.chartOfAccounts(tenant, Number(ctx.query.get('rows') ?? 0), chartListOf(ctx.query.get('accountclass') ?? null)));
      case '/setup/financialsettings.aspx':
        return show(xeroPageMarkup.financialSettings(tenant));
      case '/accounts/inventory':
      case '/app/products-and-services':
        return show(xeroPageMarkup.productsAndServices(tenant));
      case '/setup/tracking.aspx':
        return show(xeroPageMarkup.tracking(tenant));
      case '/setup/currencyrates.aspx':
        return show(xeroPageMarkup.currencies(tenant));
      case '/setup/taxrates.aspx':
        return show(xeroPageMarkup.taxRates(tenant));
      case '/bank/bankaccounts.aspx':
        return show(xeroPageMarkup.bankAccounts(tenant));
      default:
        sendHtml(ctx, 404, page({ title: 'Xero | Page not found', body: html`<h1>Page not found</h1>` }));
    }
  }

  return { handle };
}
