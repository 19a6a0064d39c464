// The Cin7 Core Settings hub at `/Settings` (the one sourced URL of these pages, fidelity.md): a left tab list with
// General Settings (the default tab) and Reference Books; Reference Books has its own tabs (All, Your Company,
// Financial — help.core.cin7.com 9034511314831) and opens its books in place: Financial → Account Mapping (PencilPay
// "cin7-account-mapping") and Financial → Chart of Accounts (help articles 9034460268815, 9034464234639). Labels of
// General Settings: help articles 11073339810575 and 11073350117775.
// GUESSES (no source): that the tabs switch in place with `history.replaceState` of a `#ReferenceBooks/…` fragment
// (so a reload reopens the tab), the grids' columns, the element structure, and that tabs render lazily from
// templates (as Ext JS renders a tab when it is first shown). The extension is told none of these URLs.
import { parseCin7Date } from '../utils/schemas/dates';
import { extCombo, extDisplayField, extGrid } from './cin7-layout';
import { html, raw, type SafeHtml } from './html';
import type { Runtime } from './runtime';
import type { JsonRecord } from './store';

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));

const BOOKS: Array<[string, string, string]> = [
  // [tab, book id, label]
  ['Financial', 'ChartOfAccounts', 'Chart of Accounts'],
  ['Financial', 'AccountMapping', 'Account Mapping'],
  ['Financial', 'TaxRules', 'Tax Rules'],
  ['Financial', 'PaymentTerms', 'Payment Terms'],
  ['YourCompany', 'CompanyAddresses', 'Company Addresses'],
  ['YourCompany', 'CompanyContacts', 'Company Contacts'],
];

const bookList = (tab: string | null) =>
  html`<ul class="ref-books">${BOOKS.filter(([bookTab]) => tab === null || bookTab === tab).map(
    ([bookTab, id, label]) => html`<li><a href="#" data-hub="ReferenceBooks/${bookTab}/${id}">${label}</a></li>`,
  )}</ul>`;

const template = (id: string, body: SafeHtml) => html`<template id="tpl-${id}">${body}</template>`;

export function settingsHubBody(rt: Runtime, accountDisplay: (account: string | null | undefined) => string): SafeHtml {
  const c = rt.store.cin7;
  const me = c.me;
  const lockDay = me.LockDate ? parseCin7Date(text(me.LockDate)) : null;
  const rows = c.mapping?.rows ?? [];
  const options = c.accounts.filter((a) => text(a.Status).toUpperCase() !== 'ARCHIVED').map((a) => `${text(a.Code)}: ${text(a.Name)}`);
  const mappingGrid = extGrid(
    'AccountMapping',
    [
      { id: 'Role', header: 'Cin7 Core account', cell: (r) => r.label },
      { id: 'Account', header: 'Xero account', cell: (r) => extCombo(`cmbMapping${r.index}`, r.label, accountDisplay(r.account), 'Select account') },
    ],
    rows.map((r, index) => ({ ...r, index })),
    'Account mapping',
  );
  const chartGrid = extGrid<JsonRecord>(
    'ChartOfAccounts',
    [
      { id: 'Code', header: 'Code', cell: (a) => text(a.Code) },
      { id: 'Name', header: 'Name', cell: (a) => text(a.Name) },
      { id: 'Type', header: 'Type', cell: (a) => text(a.Type) },
      { id: 'Class', header: 'Class', cell: (a) => text(a.Class) },
      { id: 'Status', header: 'Status', cell: (a) => text(a.Status) },
      { id: 'SystemAccount', header: 'System account', cell: (a) => text(a.SystemAccountCode ?? a.SystemAccount) },
    ],
    c.accounts,
    'Chart of accounts',
  );
  return html`<div class="page-top-bar"><h1>Settings</h1></div>
<div class="hub">
<div class="hub-tabs" role="tablist" aria-orientation="vertical">
<a href="#" role="tab" data-hub="GeneralSettings">General Settings</a>
<a href="#" role="tab" data-hub="ReferenceBooks">Reference Books</a>
</div>
<div class="hub-content" id="hubContent" role="tabpanel"></div>
</div>
${template('GeneralSettings', html`<fieldset class="x-fieldset" id="divOrganization"><legend class="x-fieldset-header">Organization settings</legend>
${extDisplayField('txtCompany', 'Legal/trading name', me.Company)}
${extDisplayField('cmbBaseCurrency', 'Base currency', me.Currency)}
${extDisplayField('cmbTimeZone', 'Time zone', me.TimeZone)}
</fieldset>
<fieldset class="x-fieldset" id="divFinancial"><legend class="x-fieldset-header">Financial settings</legend>
<div class="x-field x-form-item" id="dtLockDate"><label class="x-form-item-label" for="dtLockDate-inputEl">Period lock date</label>
<input id="dtLockDate-inputEl" class="x-form-field x-form-text" type="text" readonly value="${lockDay ?? ''}" placeholder="Not set"></div>
</fieldset>`)}
${template('ReferenceBooks', html`<div class="ref-tabs" role="tablist">
<a href="#" role="tab" data-hub="ReferenceBooks/All">All</a> <a href="#" role="tab" data-hub="ReferenceBooks/YourCompany">Your Company</a> <a href="#" role="tab" data-hub="ReferenceBooks/Financial">Financial</a>
</div><div id="refContent"></div>`)}
${template('ReferenceBooks/All', bookList(null))}
${template('ReferenceBooks/YourCompany', bookList('YourCompany'))}
${template('ReferenceBooks/Financial', bookList('Financial'))}
${template('ReferenceBooks/Financial/AccountMapping', html`<div class="page-top-bar"><h2>Account Mapping</h2><div class="align-right"><button type="button" class="btn save-button-bottom" id="btnSaveMapping">Save</button></div></div>
<fieldset class="x-fieldset" id="divAccountMapping"><legend class="x-fieldset-header">Xero account mapping</legend>
<p class="mapping-help">Account mappings are one-to-one. Each Cin7 Core account must be mapped to a unique Xero account.</p>
${rows.length ? mappingGrid : html`<div class="dr-warning">Connect Xero to map accounts.</div>`}
</fieldset>`)}
${template('ReferenceBooks/Financial/ChartOfAccounts', html`<div class="page-top-bar"><h2>Chart of Accounts</h2></div>
<div class="dr-warning">The chart of accounts is read-only while the Xero integration is enabled.</div>
${chartGrid}`)}
<script type="application/json" id="mappingAccounts">${raw(JSON.stringify(options).replace(/</g, '\\u003c'))}</script>`;
}

/**
 * The hub's tabs: each renders its template into place (no innerHTML) and records the tab in the fragment with
 * `history.replaceState` (no navigation, no hashchange). A fragment on load opens that tab (`&…` parts ignored).
 * Mapping combo boxes open a bound list of accounts; Save posts the rows back.
 */
export const SETTINGS_SCRIPT = String.raw`
(function () {
  function fill(container, id) {
    var tpl = document.getElementById('tpl-' + id);
    if (!container || !tpl) return false;
    container.replaceChildren(document.importNode(tpl.content, true));
    return true;
  }
  function select(list, path) {
    document.querySelectorAll(list + ' [role=tab]').forEach(function (tab) {
      var own = tab.getAttribute('data-hub');
      tab.setAttribute('aria-selected', String(path === own || path.indexOf(own + '/') === 0));
    });
  }
  function show(path) {
    var parts = path.split('/');
    var top = parts[0] === 'ReferenceBooks' ? 'ReferenceBooks' : 'GeneralSettings';
    fill(document.getElementById('hubContent'), top);
    select('.hub-tabs', top);
    if (top !== 'ReferenceBooks') return;
    var tab = parts[1] || 'All';
    select('.ref-tabs', 'ReferenceBooks/' + tab);
    var content = document.getElementById('refContent');
    if (!(parts[2] && fill(content, 'ReferenceBooks/' + tab + '/' + parts[2]))) fill(content, 'ReferenceBooks/' + tab);
  }
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('[data-hub]');
    if (!link) return;
    event.preventDefault();
    var path = link.getAttribute('data-hub');
    show(path);
    history.replaceState(null, '', path === 'GeneralSettings' ? location.pathname : '#' + path);
  });
  var initial = '';
  try { initial = decodeURIComponent(location.hash.slice(1).split('&')[0]); } catch (e) { initial = ''; }
  show(initial);

  var accounts = JSON.parse(document.getElementById('mappingAccounts').textContent || '[]');
  var open = null;
  function closeList() { if (open) { open.remove(); open = null; } }
  document.addEventListener('click', function (event) {
    var trigger = event.target.closest && event.target.closest('.x-form-arrow-trigger');
    if (!trigger) { if (!(event.target.closest && event.target.closest('.x-boundlist'))) closeList(); return; }
    closeList();
    var input = trigger.parentElement.querySelector('input');
    var list = document.createElement('ul'); list.className = 'x-boundlist'; list.setAttribute('role', 'listbox');
    accounts.forEach(function (name) {
      var li = document.createElement('li'); li.className = 'x-boundlist-item'; li.textContent = name; li.setAttribute('role', 'option');
      li.addEventListener('click', function () { input.value = name; input.dispatchEvent(new Event('change', { bubbles: true })); closeList(); });
      list.appendChild(li);
    });
    var box = trigger.getBoundingClientRect();
    list.style.left = (box.left + window.scrollX - 240) + 'px'; list.style.top = (box.bottom + window.scrollY) + 'px';
    document.body.appendChild(list); open = list;
  });
  document.addEventListener('click', function (event) {
    var save = event.target.closest && event.target.closest('#btnSaveMapping');
    if (!save) return;
    var rows = Array.prototype.map.call(document.querySelectorAll('#gridAccountMapping table.x-grid-item'), function (table) {
      var label = table.querySelector('.x-grid-cell-colRole_AccountMapping').textContent.trim();
      var value = table.querySelector('.x-grid-cell-colAccount_AccountMapping input').value;
      return { label: label, account: value || null };
    });
    fetch('/Settings/AccountMapping/Save', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rows: rows }) })
      .then(function (r) { save.textContent = r.ok ? 'Saved' : 'Save failed'; });
  });
})();
`;
