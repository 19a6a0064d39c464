// The classic Xero pages' markup, as pure functions of one organisation's data: the sandbox serves them
// (xero-pages.ts) and the overlay's unit tests load them as fixture pages, so the markup exists once. The chart is in
// xero-chart-markup.ts, the frame in xero-layout.ts; sources and guesses per page in sandbox/README.md.
import { parseXeroDate } from '../utils/schemas/dates';
import { html } from './html';
import type { JsonRecord, XeroTenant } from './store';
import { chartOfAccounts } from './xero-chart-markup';
import { text, xeroPage } from './xero-layout';

export { ACCOUNT_TYPE_LABELS } from './xero-layout';

function formatDay(value: unknown): string {
  const day = typeof value === 'string' ? parseXeroDate(value) : null;
  if (!day) return '';
  const [y, m, d] = day.split('-');
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(m) - 1];
  return `${d} ${month} ${y}`;
}

function financialSettings(tenant: XeroTenant): string {
  const org = tenant.organisation;
  // Lock-date labels as Xero Central words them ("advisors", "on or before"; fidelity.md): other pages say "advisers".
  return xeroPage(tenant, 'Financial Settings', html`<form id="financialSettingsForm">
<fieldset><legend>Financial year end</legend><div class="field-row"><label>Financial year end</label><span id="FinancialYearEnd">${text(org.FinancialYearEndDay)} / ${text(org.FinancialYearEndMonth)}</span></div></fieldset>
<fieldset><legend>Tax defaults</legend><div class="field-row"><label>Sales tax basis</label><span id="SalesTaxBasis">${text(org.SalesTaxBasis)}</span></div></fieldset>
<fieldset id="lockDates"><legend>Lock dates</legend>
<div class="field-row"><label for="PeriodLockDate">Stop all users except advisors making changes on or before</label>
<input id="PeriodLockDate" name="PeriodLockDate" type="text" readonly value="${formatDay(org.PeriodLockDate)}" placeholder="No lock date"></div>
<div class="field-row"><label for="EndOfYearLockDate">Stop all users making changes on or before</label>
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
  return xeroPage(tenant, 'Products and Services', html`<table class="standard" id="itemsTable">
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
  return xeroPage(tenant, 'Tax Rates', html`<table class="standard" id="taxRatesTable"><thead><tr><th>Tax rate</th><th>Tax type</th><th>Rate</th><th>Status</th></tr></thead>
<tbody>${tenant.taxRates.map((r) => html`<tr data-tax-type="${text(r.TaxType)}"><td>${text(r.Name)}</td><td>${text(r.TaxType)}</td><td>${text(r.DisplayTaxRate)}%</td><td>${text(r.Status)}</td></tr>`)}</tbody></table>`);
}

/**
 * Bank accounts as goXero's 2026 capture shows them: name, account number, balances and unreconciled items, no account
 * code; names are `div.bank a.bank-name` links (Selenium page objects, id 22225310558). The sandbox holds no bank
 * statements, so every account shows Xero's "No transactions imported" (seen in the same capture) and no balance.
 */
function bankAccounts(tenant: XeroTenant): string {
  const banks = tenant.accounts.filter((a) => a.Type === 'BANK' && a.Status !== 'ARCHIVED' && a.Status !== 'DELETED');
  return xeroPage(tenant, 'Bank Accounts', html`${banks.map((b) => html`<div class="bank" data-account-id="${text(b.AccountID)}">
<a class="bank-name" href="/Bank/BankTransactions.aspx?accountID=${text(b.AccountID)}">${text(b.Name)}</a>
<p><span class="account-number">${text(b.BankAccountNumber)}</span> · ${text(b.CurrencyCode)}</p><p class="no-transactions">No transactions imported</p></div>`)}
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
