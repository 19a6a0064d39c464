// The classic Xero web app at go.xero.com (URL decisions in the sandbox brief): chart of accounts with an
// Edit/Archive dialog, financial settings (lock dates), products and services, tracking, currencies, tax rates,
// bank accounts, and the organisationlogin wrapper that picks the organisation before redirecting.
import { z } from 'zod';
import { parseXeroDate } from '../utils/schemas/dates';
import { html, jsonForScript, page, type SafeHtml } from './html';
import { parseCookies, redirect, sendEmpty, sendHtml, sendJson, type RequestContext } from './http';
import type { Runtime } from './runtime';
import type { JsonRecord, XeroTenant } from './store';

const ORG_COOKIE = 'mg_sandbox_org';
const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/** Xero's display names for account types (research/xero.md §1.2). */
export const ACCOUNT_TYPE_LABELS: Record<string, string> = {
  BANK: 'Bank', CURRENT: 'Current Asset', CURRLIAB: 'Current Liability', DEPRECIATN: 'Depreciation',
  DIRECTCOSTS: 'Direct Costs', EQUITY: 'Equity', EXPENSE: 'Expense', FIXED: 'Fixed Asset', INVENTORY: 'Inventory',
  LIABILITY: 'Liability', NONCURRENT: 'Non-current Asset', OTHERINCOME: 'Other Income', OVERHEADS: 'Overhead',
  PREPAYMENT: 'Prepayment', REVENUE: 'Revenue', SALES: 'Sales', TERMLIAB: 'Non-current Liability', PAYG: 'PAYG Liability',
};

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

const STYLE = html`<style>
body{margin:0;font:14px/1.45 "Helvetica Neue",Arial,sans-serif;color:#0f2033;background:#f2f3f5}
.xn-h-header{display:flex;gap:16px;align-items:center;background:#0078c8;color:#fff;padding:10px 20px}
.xn-h-header a{color:#fff;text-decoration:none}
.xn-h-org{font-weight:700}
#page_title{padding:12px 20px;background:#fff;border-bottom:1px solid #d6dadf}
#page_title h1{margin:0;font-size:22px}
.content{padding:16px 20px}
table.standard{width:100%;border-collapse:collapse;background:#fff}
table.standard th,table.standard td{text-align:left;padding:7px 10px;border-bottom:1px solid #e6e9ec}
table.standard th{background:#f7f8f9;font-weight:600}
tr.archived td{color:#8a97a5}
.xui-modal-backdrop{position:fixed;inset:0;background:rgba(15,32,51,.4);display:flex;align-items:flex-start;justify-content:center}
.xui-modal{background:#fff;margin-top:80px;padding:20px;min-width:420px;border-radius:4px}
.xui-modal label{display:block;margin:8px 0 2px;font-weight:600}
.xui-modal input,.xui-modal select{width:100%;padding:5px}
.xui-button{padding:6px 14px;margin-right:6px;border:1px solid #b5bec8;background:#fff;cursor:pointer}
.xui-button-main{background:#1c8a3a;color:#fff;border-color:#1c8a3a}
.xui-button-negative{color:#c62d1f}
.field-row{display:flex;gap:12px;align-items:center;margin:8px 0}
.field-row label{width:320px}
</style>`;

export function createXeroPages(rt: Runtime) {
  function currentTenant(ctx: RequestContext): XeroTenant | undefined {
    const chosen = parseCookies(ctx).get(ORG_COOKIE);
    return (chosen ? rt.store.tenantByShortCode(chosen) : undefined) ?? rt.store.tenants[0];
  }

  function xeroPage(ctx: RequestContext, tenant: XeroTenant, title: string, body: SafeHtml, script?: string): void {
    sendHtml(ctx, 200, page({
      title: `${title} – ${tenant.name} – Xero`,
      bodyClass: 'xero-classic',
      head: STYLE,
      body: html`<header class="xn-h-header"><span class="xn-h-org" data-shortcode="${tenant.shortCode}">${tenant.name}</span>
<a href="/GeneralLedger/ChartOfAccounts.aspx">Chart of accounts</a><a href="/Setup/FinancialSettings.aspx">Financial settings</a>
<a href="/Accounts/Inventory/">Products and services</a><a href="/Bank/BankAccounts.aspx">Bank accounts</a></header>
<div id="page_title"><h1>${title}</h1></div>
<div class="content">${body}</div>`,
      script,
    }));
  }

  function taxName(tenant: XeroTenant, taxType: unknown): string {
    const rate = tenant.taxRates.find((r) => r.TaxType === taxType);
    return rate ? text(rate.Name) : text(taxType);
  }

  function chartOfAccounts(ctx: RequestContext, tenant: XeroTenant) {
    const rows = tenant.accounts.map((a) => html`<tr id="account-${text(a.AccountID)}" data-account-id="${text(a.AccountID)}" data-code="${text(a.Code)}" class="${a.Status === 'ARCHIVED' ? 'archived' : ''}">
<td class="code">${text(a.Code)}</td>
<td class="name"><a href="#" class="edit-account" data-account-id="${text(a.AccountID)}">${text(a.Name)}</a>${a.Status === 'ARCHIVED' ? html` <span class="status-archived">(Archived)</span>` : ''}</td>
<td class="type">${ACCOUNT_TYPE_LABELS[text(a.Type)] ?? text(a.Type)}</td>
<td class="tax">${taxName(tenant, a.TaxType)}</td>
<td class="actions"><button type="button" class="xui-button edit-account" data-account-id="${text(a.AccountID)}">Edit</button></td></tr>`);
    const accounts = tenant.accounts.map((a) => ({ AccountID: a.AccountID, Code: a.Code, Name: a.Name, Type: a.Type, TaxType: a.TaxType, Status: a.Status }));
    // `?rows=5000`: pads the chart with display-only rows (the overlay's long-chart benchmark); not in the API.
    const padding = Math.min(Math.max(0, Math.trunc(Number(ctx.query.get('rows') ?? 0)) - rows.length || 0), 20_000);
    const paddingRows = Array.from({ length: padding }, (_, i) => html`<tr data-code="Z${String(i).padStart(5, '0')}">
<td class="code">Z${String(i).padStart(5, '0')}</td><td class="name">Padding account ${i}</td><td class="type">Expense</td><td class="tax">No GST</td><td class="actions"></td></tr>`);
    xeroPage(ctx, tenant, 'Chart of accounts', html`<table class="standard" id="chartOfAccountsTable">
<thead><tr><th>Code</th><th>Name</th><th>Type</th><th>Tax Rate</th><th></th></tr></thead>
<tbody>${rows}${paddingRows}</tbody></table>
<script type="application/json" id="accountsData">${jsonForScript(accounts)}</script>
<script type="application/json" id="accountTypes">${jsonForScript(ACCOUNT_TYPE_LABELS)}</script>
<script type="application/json" id="taxRatesData">${jsonForScript(tenant.taxRates.map((r) => ({ TaxType: r.TaxType, Name: r.Name })))}</script>`, ACCOUNT_DIALOG_SCRIPT);
  }

  async function editAccount(ctx: RequestContext, tenant: XeroTenant, action: 'save' | 'archive') {
    let body: unknown;
    try {
      body = JSON.parse(await ctx.body());
    } catch {
      body = undefined;
    }
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

  function formatDay(value: unknown): string {
    const day = typeof value === 'string' ? parseXeroDate(value) : null;
    if (!day) return '';
    const [y, m, d] = day.split('-');
    const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(m) - 1];
    return `${d} ${month} ${y}`;
  }

  function financialSettings(ctx: RequestContext, tenant: XeroTenant) {
    const org = tenant.organisation;
    xeroPage(ctx, tenant, 'Financial settings', html`<form id="financialSettingsForm">
<fieldset><legend>Financial year end</legend><div class="field-row"><label>Financial year end</label><span id="FinancialYearEnd">${text(org.FinancialYearEndDay)} / ${text(org.FinancialYearEndMonth)}</span></div></fieldset>
<fieldset><legend>Tax defaults</legend><div class="field-row"><label>Sales tax basis</label><span id="SalesTaxBasis">${text(org.SalesTaxBasis)}</span></div></fieldset>
<fieldset id="lockDates"><legend>Lock dates</legend>
<div class="field-row"><label for="PeriodLockDate">Stop all users except advisers making changes on and before</label>
<input id="PeriodLockDate" name="PeriodLockDate" type="text" readonly value="${formatDay(org.PeriodLockDate)}" placeholder="No lock date"></div>
<div class="field-row"><label for="EndOfYearLockDate">Stop all users making changes on and before</label>
<input id="EndOfYearLockDate" name="EndOfYearLockDate" type="text" readonly value="${formatDay(org.EndOfYearLockDate)}" placeholder="No lock date"></div>
</fieldset></form>`);
  }

  function productsAndServices(ctx: RequestContext, tenant: XeroTenant) {
    const money = (v: unknown) => (typeof v === 'number' ? v.toFixed(2) : '');
    const rows = tenant.items.map((i) => {
      const sales = (i.SalesDetails ?? {}) as JsonRecord;
      const purchase = (i.PurchaseDetails ?? {}) as JsonRecord;
      return html`<tr data-item-id="${text(i.ItemID)}" data-code="${text(i.Code)}" class="${i.IsTrackedAsInventory ? 'tracked' : 'untracked'}">
<td class="code">${text(i.Code)}</td><td class="name">${text(i.Name)}</td>
<td class="cost">${money(purchase.UnitPrice)}</td><td class="price">${money(sales.UnitPrice)}</td>
<td class="quantity">${i.IsTrackedAsInventory ? text(i.QuantityOnHand) : ''}</td></tr>`;
    });
    xeroPage(ctx, tenant, 'Products and services', html`<table class="standard" id="itemsTable">
<thead><tr><th>Code</th><th>Name</th><th>Cost price</th><th>Sale price</th><th>Quantity</th></tr></thead><tbody>${rows}</tbody></table>`);
  }

  function tracking(ctx: RequestContext, tenant: XeroTenant) {
    const categories = tenant.trackingCategories.filter((c) => c.Status !== 'DELETED');
    xeroPage(ctx, tenant, 'Tracking', html`${categories.map((c) => html`<section class="tracking-category" data-tracking-category-id="${text(c.TrackingCategoryID)}" data-status="${text(c.Status)}">
<h2>${text(c.Name)}${c.Status === 'ARCHIVED' ? ' (Archived)' : ''}</h2>
<ul>${((c.Options ?? []) as JsonRecord[]).map((o) => html`<li data-status="${text(o.Status)}">${text(o.Name)}</li>`)}</ul></section>`)}
${categories.length ? '' : html`<p>No tracking categories.</p>`}`);
  }

  function currencies(ctx: RequestContext, tenant: XeroTenant) {
    xeroPage(ctx, tenant, 'Currencies', html`<table class="standard" id="currenciesTable"><thead><tr><th>Code</th><th>Currency</th></tr></thead>
<tbody>${tenant.currencies.map((c) => html`<tr data-code="${text(c.Code)}"><td>${text(c.Code)}</td><td>${text(c.Description)}</td></tr>`)}</tbody></table>`);
  }

  function taxRates(ctx: RequestContext, tenant: XeroTenant) {
    xeroPage(ctx, tenant, 'Tax rates', html`<table class="standard" id="taxRatesTable"><thead><tr><th>Tax rate</th><th>Tax type</th><th>Rate</th><th>Status</th></tr></thead>
<tbody>${tenant.taxRates.map((r) => html`<tr data-tax-type="${text(r.TaxType)}"><td>${text(r.Name)}</td><td>${text(r.TaxType)}</td><td>${text(r.DisplayTaxRate)}%</td><td>${text(r.Status)}</td></tr>`)}</tbody></table>`);
  }

  function bankAccounts(ctx: RequestContext, tenant: XeroTenant) {
    const banks = tenant.accounts.filter((a) => a.Type === 'BANK');
    xeroPage(ctx, tenant, 'Bank accounts', html`${banks.map((b) => html`<section class="bank-account" data-account-id="${text(b.AccountID)}" data-code="${text(b.Code)}">
<h2>${text(b.Name)}</h2><p><span class="account-number">${text(b.BankAccountNumber)}</span> · Code <span class="account-code">${text(b.Code) || '(none)'}</span> · ${text(b.CurrencyCode)}</p></section>`)}
${banks.length ? '' : html`<p>No bank accounts.</p>`}`);
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

  function dashboard(ctx: RequestContext, tenant: XeroTenant) {
    xeroPage(ctx, tenant, 'Dashboard', html`<p>Welcome to ${tenant.name}.</p>`);
  }

  async function handle(ctx: RequestContext): Promise<void> {
    const path = ctx.path.toLowerCase().replace(/\/+$/, '') || '/';
    if (path === '/organisationlogin/default.aspx') return organisationLogin(ctx);
    if (path === '/favicon.ico') return sendEmpty(ctx, 204);
    const tenant = currentTenant(ctx);
    if (!tenant) return sendHtml(ctx, 404, page({ title: 'Xero', body: html`<h1>No organisation</h1>` }));
    if (ctx.method === 'POST' && path === '/generalledger/chartofaccounts.aspx/save') return editAccount(ctx, tenant, 'save');
    if (ctx.method === 'POST' && path === '/generalledger/chartofaccounts.aspx/archive') return editAccount(ctx, tenant, 'archive');
    if (ctx.method !== 'GET') return sendJson(ctx, 405, { error: 'method not allowed' });
    switch (path) {
      case '/':
      case '/dashboard':
        return dashboard(ctx, tenant);
      case '/generalledger/chartofaccounts.aspx':
        return chartOfAccounts(ctx, tenant);
      case '/setup/financialsettings.aspx':
        return financialSettings(ctx, tenant);
      case '/accounts/inventory':
      case '/app/products-and-services':
        return productsAndServices(ctx, tenant);
      case '/setup/tracking.aspx':
        return tracking(ctx, tenant);
      case '/setup/currencyrates.aspx':
        return currencies(ctx, tenant);
      case '/setup/taxrates.aspx':
        return taxRates(ctx, tenant);
      case '/bank/bankaccounts.aspx':
        return bankAccounts(ctx, tenant);
      default:
        sendHtml(ctx, 404, page({ title: 'Xero | Page not found', body: html`<h1>Page not found</h1>` }));
    }
  }

  return { handle };
}

/** Chart of accounts: Edit opens a dialog; Save or Archive posts the change (rendered with textContent only). */
const ACCOUNT_DIALOG_SCRIPT = String.raw`
(function () {
  var accounts = JSON.parse(document.getElementById('accountsData').textContent || '[]');
  var types = JSON.parse(document.getElementById('accountTypes').textContent || '{}');
  var taxRates = JSON.parse(document.getElementById('taxRatesData').textContent || '[]');
  function el(tag, attrs, text) { var e = document.createElement(tag); Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); }); if (text != null) e.textContent = text; return e; }
  function post(action, payload, done) {
    fetch('/GeneralLedger/ChartOfAccounts.aspx/' + action, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) })
      .then(function (r) { if (r.ok) location.reload(); else r.json().then(function (b) { done(b.error || 'Failed'); }); });
  }
  function openDialog(account) {
    var backdrop = el('div', { class: 'xui-modal-backdrop' });
    var dialog = el('div', { class: 'xui-modal', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'editAccountTitle', id: 'editAccountDialog' });
    dialog.appendChild(el('h2', { id: 'editAccountTitle' }, 'Edit Account'));
    var typeSelect = el('select', { id: 'AccountType', name: 'Type' });
    Object.keys(types).forEach(function (t) { var o = el('option', { value: t }, types[t]); if (t === account.Type) o.selected = true; typeSelect.appendChild(o); });
    var code = el('input', { id: 'AccountCode', name: 'Code', type: 'text' }); code.value = account.Code || '';
    var name = el('input', { id: 'AccountName', name: 'Name', type: 'text' }); name.value = account.Name || '';
    var tax = el('select', { id: 'AccountTaxType', name: 'TaxType' });
    taxRates.forEach(function (r) { var o = el('option', { value: r.TaxType }, r.Name); if (r.TaxType === account.TaxType) o.selected = true; tax.appendChild(o); });
    [['AccountType', 'Account Type', typeSelect], ['AccountCode', 'Code', code], ['AccountName', 'Name', name], ['AccountTaxType', 'Tax', tax]].forEach(function (f) {
      dialog.appendChild(el('label', { for: f[0] }, f[1])); dialog.appendChild(f[2]);
    });
    var message = el('p', { class: 'dialog-message', role: 'alert' });
    dialog.appendChild(message);
    var buttons = el('div', { class: 'dialog-buttons' });
    var save = el('button', { type: 'button', class: 'xui-button xui-button-main', id: 'saveAccount' }, 'Save');
    var archive = el('button', { type: 'button', class: 'xui-button xui-button-negative', id: 'archiveAccount' }, 'Archive');
    var cancel = el('button', { type: 'button', class: 'xui-button', id: 'cancelAccount' }, 'Cancel');
    save.addEventListener('click', function () { post('Save', { AccountID: account.AccountID, Type: typeSelect.value, Code: code.value, Name: name.value, TaxType: tax.value }, function (m) { message.textContent = m; }); });
    archive.addEventListener('click', function () { post('Archive', { AccountID: account.AccountID }, function (m) { message.textContent = m; }); });
    cancel.addEventListener('click', function () { backdrop.remove(); });
    buttons.appendChild(save); if (account.Status !== 'ARCHIVED') buttons.appendChild(archive); buttons.appendChild(cancel);
    dialog.appendChild(buttons); backdrop.appendChild(dialog); document.body.appendChild(backdrop);
    name.focus();
  }
  document.addEventListener('click', function (event) {
    var trigger = event.target.closest && event.target.closest('.edit-account');
    if (!trigger) return;
    event.preventDefault();
    var id = trigger.getAttribute('data-account-id');
    var account = accounts.filter(function (a) { return a.AccountID === id; })[0];
    if (account) openDialog(account);
  });
})();
`;
