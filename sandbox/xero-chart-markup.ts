// The classic chart of accounts (`/GeneralLedger/ChartOfAccounts.aspx`), following the public sources (fidelity.md):
// `table#chartOfAccounts` with a tick box column, Code, Name (name link, description on a second line), Type,
// Tax Rate and YTD (goXero's 2026 capture); a tick box `#WillDelete` per row, a padlock on locked accounts and a
// "Select all accounts" box in the header (Selenium page objects ids 22225310558, 3183226342; accounts4u); Archive
// and Delete as links above the list (`div.btn .red-text` "Delete"); tabs by `?accountClass=`, archived accounts only
// under `ACCTSTATUS/ARCHIVED` (id 60432955567). The confirmation popup is in xero-account-dialog.ts.
// GUESSES (no source): which accounts are locked (Xero's system accounts here), the tabs' and Archive link's markup,
// an empty YTD (the sandbox has no balances).
import { html, jsonForScript } from './html';
import type { JsonRecord, XeroTenant } from './store';
import { ACCOUNT_DIALOG_SCRIPT } from './xero-account-dialog';
import { ACCOUNT_TYPE_LABELS, taxName, text, xeroPage } from './xero-layout';

/** The list a chart URL asks for: every live account, one class (`ACCTCLASS/ASSET`), or the archived ones. */
export type ChartList = { kind: 'all' } | { kind: 'class'; accountClass: string } | { kind: 'archived' };

export function chartListOf(accountClass: string | null): ChartList {
  const value = (accountClass ?? '').toUpperCase();
  if (value === 'ACCTSTATUS/ARCHIVED') return { kind: 'archived' };
  const match = /^ACCTCLASS\/([A-Z]+)$/.exec(value);
  return match?.[1] ? { kind: 'class', accountClass: match[1] } : { kind: 'all' };
}

const TABS: [label: string, query: string][] = [
  ['All Accounts', ''],
  ['Assets', '?accountClass=ACCTCLASS/ASSET&PageSize=200'],
  ['Liabilities', '?accountClass=ACCTCLASS/LIABILITY&PageSize=200'],
  ['Equity', '?accountClass=ACCTCLASS/EQUITY&PageSize=200'],
  ['Expenses', '?accountClass=ACCTCLASS/EXPENSE&PageSize=200'],
  ['Revenue', '?accountClass=ACCTCLASS/REVENUE&PageSize=200'],
  ['Archive', '?accountClass=ACCTSTATUS/ARCHIVED&PageSize=200'],
];

function listed(account: JsonRecord, list: ChartList): boolean {
  if (account.Status === 'DELETED') return false;
  if (list.kind === 'archived') return account.Status === 'ARCHIVED';
  if (account.Status === 'ARCHIVED') return false;
  return list.kind === 'all' || account.Class === list.accountClass;
}

const selectBox = (account: JsonRecord) =>
  account.SystemAccount
    ? html`<span class="padlock" title="This is a system account: it cannot be archived or deleted">&#128274;</span>`
    : html`<input type="checkbox" id="WillDelete" name="WillDelete" value="${text(account.AccountID)}">`;

/** `rows`: pads the chart with display-only rows up to that many (the overlay's long-chart benchmark); not in the API. */
export function chartOfAccounts(tenant: XeroTenant, rows = 0, list: ChartList = { kind: 'all' }): string {
  const shown = tenant.accounts.filter((account) => listed(account, list));
  const accountRows = shown.map((a) => html`<tr data-account-id="${text(a.AccountID)}" data-code="${text(a.Code)}">
<td class="checkbox">${selectBox(a)}</td>
<td class="code">${text(a.Code)}</td>
<td class="name"><a href="#" class="edit-account" data-account-id="${text(a.AccountID)}">${text(a.Name)}</a><br><span class="description">${text(a.Description)}</span></td>
<td class="type">${ACCOUNT_TYPE_LABELS[text(a.Type)] ?? text(a.Type)}</td>
<td class="tax">${taxName(tenant, a.TaxType)}</td>
<td class="ytd"></td></tr>`);
  const accounts = shown.map((a) => ({ AccountID: a.AccountID, Code: a.Code, Name: a.Name, Type: a.Type, TaxType: a.TaxType, Status: a.Status }));
  const padding = list.kind === 'all' ? Math.min(Math.max(0, Math.trunc(rows) - accountRows.length || 0), 20_000) : 0;
  const paddingRows = Array.from({ length: padding }, (_, i) => {
    const code = `Z${String(i).padStart(5, '0')}`;
    return html`<tr data-code="${code}"><td class="checkbox"><input type="checkbox" id="WillDelete" name="WillDelete" value="${code}"></td><td class="code">${code}</td>
<td class="name"><a href="#">Padding account ${i}</a><br><span class="description">Display only</span></td><td class="type">Expense</td><td class="tax">No GST</td><td class="ytd"></td></tr>`;
  });
  const current = list.kind === 'archived' ? 'Archive' : list.kind === 'class' ? TABS.find(([, query]) => query.includes(`ACCTCLASS/${list.accountClass}&`))?.[0] : 'All Accounts';
  const title = 'Chart Of Accounts';
  return xeroPage(tenant, title, html`<ul class="tabs">${TABS.map(([label, query]) => html`<li class="${label === current ? 'selected' : ''}"><a href="/GeneralLedger/ChartOfAccounts.aspx${query}">${label}</a></li>`)}</ul>
<p class="message" id="chartMessage" hidden></p>
<div class="buttons"><div class="btn"><a href="#" id="addAccount">Add Account</a></div>${list.kind === 'archived' ? '' : html`<div class="btn"><a href="#" id="archiveButton">Archive</a></div>`}<div class="btn"><a href="#" class="red-text" id="deleteButton">Delete</a></div></div>
<table class="standard" id="chartOfAccounts">
<thead><tr><th class="checkbox"><input type="checkbox" title="Select all accounts" id="selectAll"></th><th>Code</th><th>Name</th><th>Type</th><th>Tax Rate</th><th>YTD</th></tr></thead>
<tbody>${accountRows}${paddingRows}</tbody></table>
${shown.length === 0 ? html`<p>No accounts.</p>` : ''}
<script type="application/json" id="accountsData">${jsonForScript(accounts)}</script>
<script type="application/json" id="accountTypes">${jsonForScript(ACCOUNT_TYPE_LABELS)}</script>
<script type="application/json" id="taxRatesData">${jsonForScript(tenant.taxRates.map((r) => ({ TaxType: r.TaxType, Name: r.Name })))}</script>`, ACCOUNT_DIALOG_SCRIPT);
}
