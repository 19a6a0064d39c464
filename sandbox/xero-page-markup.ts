// The classic Xero pages' markup, as pure functions of one organisation's data: the sandbox serves them
// (xero-pages.ts) and the overlay's unit tests load them as fixture pages, so the markup exists once.
import { parseXeroDate } from '../utils/schemas/dates';
import { html, jsonForScript, page, type SafeHtml } from './html';
import type { JsonRecord, XeroTenant } from './store';
import { ACCOUNT_DIALOG_SCRIPT } from './xero-account-dialog';

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/** Xero's display names for account types (research/xero.md §1.2). */
export const ACCOUNT_TYPE_LABELS: Record<string, string> = {
  BANK: 'Bank', CURRENT: 'Current Asset', CURRLIAB: 'Current Liability', DEPRECIATN: 'Depreciation',
  DIRECTCOSTS: 'Direct Costs', EQUITY: 'Equity', EXPENSE: 'Expense', FIXED: 'Fixed Asset', INVENTORY: 'Inventory',
  LIABILITY: 'Liability', NONCURRENT: 'Non-current Asset', OTHERINCOME: 'Other Income', OVERHEADS: 'Overhead',
  PREPAYMENT: 'Prepayment', REVENUE: 'Revenue', SALES: 'Sales', TERMLIAB: 'Non-current Liability', PAYG: 'PAYG Liability',
};

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

function xeroPage(tenant: XeroTenant, title: string, body: SafeHtml, script?: string): string {
  return page({
    title: `${title} – ${tenant.name} – Xero`,
    bodyClass: 'xero-classic',
    head: STYLE,
    body: html`<header class="xn-h-header"><span class="xn-h-org" data-shortcode="${tenant.shortCode}">${tenant.name}</span>
<a href="/GeneralLedger/ChartOfAccounts.aspx">Chart of accounts</a><a href="/Setup/FinancialSettings.aspx">Financial settings</a>
<a href="/Accounts/Inventory/">Products and services</a><a href="/Bank/BankAccounts.aspx">Bank accounts</a></header>
<div id="page_title"><h1>${title}</h1></div>
<div class="content">${body}</div>`,
    script,
  });
}

function taxName(tenant: XeroTenant, taxType: unknown): string {
  const rate = tenant.taxRates.find((r) => r.TaxType === taxType);
  return rate ? text(rate.Name) : text(taxType);
}

/** `rows`: pads the chart with display-only rows up to that many (the overlay's long-chart benchmark); not in the API. */
function chartOfAccounts(tenant: XeroTenant, rows = 0): string {
  const accountRows = tenant.accounts.map((a) => html`<tr id="account-${text(a.AccountID)}" data-account-id="${text(a.AccountID)}" data-code="${text(a.Code)}" class="${a.Status === 'ARCHIVED' ? 'archived' : ''}">
<td class="code">${text(a.Code)}</td>
<td class="name"><a href="#" class="edit-account" data-account-id="${text(a.AccountID)}">${text(a.Name)}</a>${a.Status === 'ARCHIVED' ? html` <span class="status-archived">(Archived)</span>` : ''}</td>
<td class="type">${ACCOUNT_TYPE_LABELS[text(a.Type)] ?? text(a.Type)}</td>
<td class="tax">${taxName(tenant, a.TaxType)}</td>
<td class="actions"><button type="button" class="xui-button edit-account" data-account-id="${text(a.AccountID)}">Edit</button></td></tr>`);
  const accounts = tenant.accounts.map((a) => ({ AccountID: a.AccountID, Code: a.Code, Name: a.Name, Type: a.Type, TaxType: a.TaxType, Status: a.Status }));
  const padding = Math.min(Math.max(0, Math.trunc(rows) - accountRows.length || 0), 20_000);
  const paddingRows = Array.from({ length: padding }, (_, i) => html`<tr data-code="Z${String(i).padStart(5, '0')}">
<td class="code">Z${String(i).padStart(5, '0')}</td><td class="name">Padding account ${i}</td><td class="type">Expense</td><td class="tax">No GST</td><td class="actions"></td></tr>`);
  return xeroPage(tenant, 'Chart of accounts', html`<table class="standard" id="chartOfAccountsTable">
<thead><tr><th>Code</th><th>Name</th><th>Type</th><th>Tax Rate</th><th></th></tr></thead>
<tbody>${accountRows}${paddingRows}</tbody></table>
<script type="application/json" id="accountsData">${jsonForScript(accounts)}</script>
<script type="application/json" id="accountTypes">${jsonForScript(ACCOUNT_TYPE_LABELS)}</script>
<script type="application/json" id="taxRatesData">${jsonForScript(tenant.taxRates.map((r) => ({ TaxType: r.TaxType, Name: r.Name })))}</script>`, ACCOUNT_DIALOG_SCRIPT);
}

function formatDay(value: unknown): string {
  const day = typeof value === 'string' ? parseXeroDate(value) : null;
  if (!day) return '';
  const [y, m, d] = day.split('-');
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(m) - 1];
  return `${d} ${month} ${y}`;
}

function financialSettings(tenant: XeroTenant): string {
  const org = tenant.organisation;
  return xeroPage(tenant, 'Financial settings', html`<form id="financialSettingsForm">
<fieldset><legend>Financial year end</legend><div class="field-row"><label>Financial year end</label><span id="FinancialYearEnd">${text(org.FinancialYearEndDay)} / ${text(org.FinancialYearEndMonth)}</span></div></fieldset>
<fieldset><legend>Tax defaults</legend><div class="field-row"><label>Sales tax basis</label><span id="SalesTaxBasis">${text(org.SalesTaxBasis)}</span></div></fieldset>
<fieldset id="lockDates"><legend>Lock dates</legend>
<div class="field-row"><label for="PeriodLockDate">Stop all users except advisers making changes on and before</label>
<input id="PeriodLockDate" name="PeriodLockDate" type="text" readonly value="${formatDay(org.PeriodLockDate)}" placeholder="No lock date"></div>
<div class="field-row"><label for="EndOfYearLockDate">Stop all users making changes on and before</label>
<input id="EndOfYearLockDate" name="EndOfYearLockDate" type="text" readonly value="${formatDay(org.EndOfYearLockDate)}" placeholder="No lock date"></div>
</fieldset></form>`);
}

function productsAndServices(tenant: XeroTenant): string {
  const money = (v: unknown) => (typeof v === 'number' ? v.toFixed(2) : '');
  const rows = tenant.items.map((i) => {
    const sales = (i.SalesDetails ?? {}) as JsonRecord;
    const purchase = (i.PurchaseDetails ?? {}) as JsonRecord;
    return html`<tr data-item-id="${text(i.ItemID)}" data-code="${text(i.Code)}" class="${i.IsTrackedAsInventory ? 'tracked' : 'untracked'}">
<td class="code">${text(i.Code)}</td><td class="name">${text(i.Name)}</td>
<td class="cost">${money(purchase.UnitPrice)}</td><td class="price">${money(sales.UnitPrice)}</td>
<td class="quantity">${i.IsTrackedAsInventory ? text(i.QuantityOnHand) : ''}</td></tr>`;
  });
  return xeroPage(tenant, 'Products and services', html`<table class="standard" id="itemsTable">
<thead><tr><th>Code</th><th>Name</th><th>Cost price</th><th>Sale price</th><th>Quantity</th></tr></thead><tbody>${rows}</tbody></table>`);
}

function tracking(tenant: XeroTenant): string {
  const categories = tenant.trackingCategories.filter((c) => c.Status !== 'DELETED');
  return xeroPage(tenant, 'Tracking', html`${categories.map((c) => html`<section class="tracking-category" data-tracking-category-id="${text(c.TrackingCategoryID)}" data-status="${text(c.Status)}">
<h2>${text(c.Name)}${c.Status === 'ARCHIVED' ? ' (Archived)' : ''}</h2>
<ul>${((c.Options ?? []) as JsonRecord[]).map((o) => html`<li data-status="${text(o.Status)}">${text(o.Name)}</li>`)}</ul></section>`)}
${categories.length ? '' : html`<p>No tracking categories.</p>`}`);
}

function currencies(tenant: XeroTenant): string {
  return xeroPage(tenant, 'Currencies', html`<table class="standard" id="currenciesTable"><thead><tr><th>Code</th><th>Currency</th></tr></thead>
<tbody>${tenant.currencies.map((c) => html`<tr data-code="${text(c.Code)}"><td>${text(c.Code)}</td><td>${text(c.Description)}</td></tr>`)}</tbody></table>`);
}

function taxRates(tenant: XeroTenant): string {
  return xeroPage(tenant, 'Tax rates', html`<table class="standard" id="taxRatesTable"><thead><tr><th>Tax rate</th><th>Tax type</th><th>Rate</th><th>Status</th></tr></thead>
<tbody>${tenant.taxRates.map((r) => html`<tr data-tax-type="${text(r.TaxType)}"><td>${text(r.Name)}</td><td>${text(r.TaxType)}</td><td>${text(r.DisplayTaxRate)}%</td><td>${text(r.Status)}</td></tr>`)}</tbody></table>`);
}

function bankAccounts(tenant: XeroTenant): string {
  const banks = tenant.accounts.filter((a) => a.Type === 'BANK');
  return xeroPage(tenant, 'Bank accounts', html`${banks.map((b) => html`<section class="bank-account" data-account-id="${text(b.AccountID)}" data-code="${text(b.Code)}">
<h2>${text(b.Name)}</h2><p><span class="account-number">${text(b.BankAccountNumber)}</span> · Code <span class="account-code">${text(b.Code) || '(none)'}</span> · ${text(b.CurrencyCode)}</p></section>`)}
${banks.length ? '' : html`<p>No bank accounts.</p>`}`);
}

function dashboard(tenant: XeroTenant): string {
  return xeroPage(tenant, 'Dashboard', html`<p>Welcome to ${tenant.name}.</p>`);
}

/** Every page the sandbox serves for an organisation, by name. */
export const xeroPageMarkup = {
  dashboard,
  chartOfAccounts,
  financialSettings,
  productsAndServices,
  tracking,
  currencies,
  taxRates,
  bankAccounts,
} satisfies Record<string, (tenant: XeroTenant) => string>;
