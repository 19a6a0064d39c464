// The Cin7 Core web app at inventory.dearsystems.com (URL decisions in the sandbox brief): dashboard, Account
// Mapping, Chart of Accounts, General Settings, record pages with the id in the hash, and the lists.
import { parseCin7Date } from '../utils/schemas/dates';
import { createFailedTransactionPages, FAILED_LIST_PATH } from './cin7-sync-errors';
import { cin7Page, extCombo, extDisplayField, extGrid } from './cin7-layout';
import { RECORD_KINDS, RECORD_PAGE_SCRIPT, recordView, type RecordKind } from './cin7-records';
import { html, raw } from './html';
import { sendHtml, sendJson, sendEmpty, redirect, type RequestContext } from './http';
import type { Runtime } from './runtime';
import type { JsonRecord } from './store';
import { z } from 'zod';

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/** The row count of the performance page when `rows` is not given. */
const DEFAULT_LIST_ROWS = 200;
const MAX_LIST_ROWS = 20_000;

const mappingSaveSchema = z.object({ rows: z.array(z.object({ label: z.string(), account: z.string().nullable() })) });

export function createCin7Pages(rt: Runtime) {
  const company = () => text(rt.store.cin7.me.Company) || 'Cin7 Core';
  const failedList = createFailedTransactionPages(rt.store, company);

  /** "CODE: Name" as Cin7's combo shows it; the text as stored when it already has a name or the code is unknown. */
  function accountDisplay(account: string | null | undefined): string {
    const value = text(account).trim();
    const known = value ? rt.store.cin7.accounts.find((a) => a.Code === value) : undefined;
    return known ? `${value}: ${text(known.Name)}` : value;
  }

  function dashboard(ctx: RequestContext) {
    const c = rt.store.cin7;
    const tiles: Array<[string, number, string]> = [
      ['Sales', c.sales.length, '/SaleList'],
      ['Purchases', c.purchases.length, '/PurchaseList'],
      ['Products', c.products.length, '/ProductList'],
      ['Customers', c.customers.length, '/CustomerList'],
      ['Suppliers', c.suppliers.length, '/SupplierList'],
    ];
    sendHtml(ctx, 200, cin7Page({
      title: 'Dashboard',
      active: '/Dashboard',
      company: company(),
      body: html`<div class="page-top-bar"><h1>Dashboard</h1></div>
<fieldset class="x-fieldset" id="divXeroSync"><legend class="x-fieldset-header">Xero synchronisation</legend>
<div class="sync-counters"><a href="${FAILED_LIST_PATH}" class="sync-failed">Failed: ${failedList.failedCount()}</a> <span class="sync-pending">Pending: 0</span></div></fieldset>
<fieldset class="x-fieldset"><legend class="x-fieldset-header">Overview</legend>
${tiles.map(([label, count, href]) => html`<div class="dashboard-tile"><a href="${href}">${label}</a> <span class="count">${count}</span></div>`)}
</fieldset>`,
    }));
  }

  function accountMapping(ctx: RequestContext) {
    const mapping = rt.store.cin7.mapping;
    const rows = mapping?.rows ?? [];
    const options = rt.store.cin7.accounts.filter((a) => text(a.Status).toUpperCase() !== 'ARCHIVED').map((a) => `${text(a.Code)}: ${text(a.Name)}`);
    const grid = extGrid(
      'AccountMapping',
      [
        { id: 'Role', header: 'Cin7 Core account', cell: (r) => r.label },
        { id: 'Account', header: 'Xero account', cell: (r) => extCombo(`cmbMapping${r.index}`, r.label, accountDisplay(r.account), 'Select account') },
      ],
      rows.map((r, index) => ({ ...r, index })),
      'Account mapping',
    );
    sendHtml(ctx, 200, cin7Page({
      title: 'Account Mapping',
      active: '/AccountMapping',
      company: company(),
      body: html`<div class="page-top-bar"><h1>Account Mapping</h1><div class="align-right"><button type="button" class="btn save-button-bottom" id="btnSaveMapping">Save</button></div></div>
<fieldset class="x-fieldset" id="divAccountMapping"><legend class="x-fieldset-header">Xero account mapping</legend>
<p class="mapping-help">Account mappings are one-to-one. Each Cin7 Core account must be mapped to a unique Xero account.</p>
${rows.length ? grid : html`<div class="dr-warning">Connect Xero to map accounts.</div>`}
</fieldset>
<script type="application/json" id="mappingAccounts">${raw(JSON.stringify(options).replace(/</g, '\\u003c'))}</script>`,
      script: MAPPING_SCRIPT,
    }));
  }

  async function saveMapping(ctx: RequestContext) {
    const parsed = mappingSaveSchema.safeParse(safeJson(await ctx.body()));
    if (!parsed.success) return sendJson(ctx, 400, { error: 'rows: [{ label, account }] expected' });
    for (const row of parsed.data.rows) rt.store.setMappingRow(row.label, row.account);
    sendJson(ctx, 200, { saved: parsed.data.rows.length });
  }

  function chartOfAccounts(ctx: RequestContext) {
    const accounts = rt.store.cin7.accounts;
    sendHtml(ctx, 200, cin7Page({
      title: 'Chart of Accounts',
      active: '/ChartOfAccounts',
      company: company(),
      body: html`<div class="page-top-bar"><h1>Chart of Accounts</h1></div>
<div class="dr-warning">The chart of accounts is read-only while the Xero integration is enabled.</div>
${extGrid<JsonRecord>('ChartOfAccounts', [
  { id: 'Code', header: 'Code', cell: (a) => text(a.Code) },
  { id: 'Name', header: 'Name', cell: (a) => text(a.Name) },
  { id: 'Type', header: 'Type', cell: (a) => text(a.Type) },
  { id: 'Class', header: 'Class', cell: (a) => text(a.Class) },
  { id: 'Status', header: 'Status', cell: (a) => text(a.Status) },
  { id: 'SystemAccount', header: 'System account', cell: (a) => text(a.SystemAccountCode ?? a.SystemAccount) },
], accounts, 'Chart of accounts')}`,
    }));
  }

  function generalSettings(ctx: RequestContext) {
    const me = rt.store.cin7.me;
    const lockDay = me.LockDate ? parseCin7Date(text(me.LockDate)) : null;
    sendHtml(ctx, 200, cin7Page({
      title: 'General Settings',
      active: '/GeneralSettings',
      company: company(),
      body: html`<div class="page-top-bar"><h1>General Settings</h1></div>
<fieldset class="x-fieldset" id="divOrganization"><legend class="x-fieldset-header">Organization settings</legend>
${extDisplayField('txtCompany', 'Organization name', me.Company)}
${extDisplayField('cmbBaseCurrency', 'Base currency', me.Currency)}
${extDisplayField('cmbTimeZone', 'Time zone', me.TimeZone)}
</fieldset>
<fieldset class="x-fieldset" id="divFinancial"><legend class="x-fieldset-header">Financial settings</legend>
<div class="x-field x-form-item" id="dtLockDate"><label class="x-form-item-label" for="dtLockDate-inputEl">Period lock date</label>
<input id="dtLockDate-inputEl" class="x-form-field x-form-text" type="text" readonly value="${lockDay ?? ''}" placeholder="Not set"></div>
</fieldset>`,
    }));
  }

  function recordPage(ctx: RequestContext, kind: RecordKind) {
    sendHtml(ctx, 200, cin7Page({
      title: kind,
      active: RECORD_KINDS[kind].list,
      company: company(),
      body: html`<div id="divRecord" class="record-${kind.toLowerCase()}" data-kind="${kind}"></div>`,
      script: RECORD_PAGE_SCRIPT,
    }));
  }

  function recordData(ctx: RequestContext, kind: RecordKind) {
    const id = ctx.query.get('id') ?? '';
    const view = recordView(kind, rt.store, id);
    if (!view) return sendJson(ctx, 404, { error: `${kind} not found` });
    const record = rt.store.findCin7(RECORD_KINDS[kind].collection, id);
    sendJson(ctx, 200, { record, view });
  }

  function listPage(ctx: RequestContext, kind: RecordKind) {
    const records = rt.store.cin7[RECORD_KINDS[kind].collection];
    const title = `${kind}s`;
    const columns = LIST_COLUMNS[kind];
    let rows = records;
    const requested = ctx.query.get('rows');
    if (requested !== undefined) {
      // A long grid for performance measurements: repeat the records up to the requested count.
      const count = Math.min(MAX_LIST_ROWS, Math.max(0, Number.parseInt(requested, 10) || DEFAULT_LIST_ROWS));
      rows = records.length ? Array.from({ length: count }, (_, i) => records[i % records.length] as JsonRecord) : [];
    }
    sendHtml(ctx, 200, cin7Page({
      title,
      active: RECORD_KINDS[kind].list,
      company: company(),
      body: html`<div class="page-top-bar"><h1>${title}</h1><span class="row-count">${rows.length} rows</span></div>
${extGrid<JsonRecord>(`${kind}List`, [
  { id: 'Link', header: '', cell: (r) => html`<a href="/${kind}#${encodeURIComponent(text(r.ID))}">Open</a>` },
  ...columns.map(([id, header]) => ({ id, header, cell: (r: JsonRecord) => text(r[id]) })),
], rows, title)}`,
    }));
  }

  function handle(ctx: RequestContext): Promise<void> | void {
    const path = ctx.path.replace(/\/+$/, '').toLowerCase() || '/';
    if (ctx.method === 'POST' && path === '/accountmapping/save') return saveMapping(ctx);
    const failedListAnswer = failedList.handle(ctx, path);
    if (failedListAnswer !== false) return failedListAnswer === true ? undefined : failedListAnswer;
    if (ctx.method !== 'GET') return sendJson(ctx, 405, { error: 'method not allowed' });
    if (path === '/' || path === '/dashboard') return dashboard(ctx);
    if (path === '/accountmapping') return accountMapping(ctx);
    if (path === '/chartofaccounts') return chartOfAccounts(ctx);
    if (path === '/generalsettings') return generalSettings(ctx);
    if (path === '/externalapi') return redirect(ctx, '/GeneralSettings');
    if (path === '/favicon.ico') return sendEmpty(ctx, 204);
    for (const kind of Object.keys(RECORD_KINDS) as RecordKind[]) {
      const lower = kind.toLowerCase();
      if (path === `/${lower}`) return recordPage(ctx, kind);
      if (path === `/${lower}/data`) return recordData(ctx, kind);
      if (path === `/${lower}list`) return listPage(ctx, kind);
    }
    sendHtml(ctx, 404, cin7Page({ title: 'Not found', active: '', company: company(), body: html`<h1>Page not found</h1>` }));
  }

  return { handle };
}

const LIST_COLUMNS: Record<RecordKind, Array<[string, string]>> = {
  Sale: [['OrderNumber', 'Order'], ['Customer', 'Customer'], ['Status', 'Status'], ['CustomerCurrency', 'Currency']],
  Purchase: [['OrderNumber', 'Order'], ['Supplier', 'Supplier'], ['Status', 'Status'], ['SupplierCurrency', 'Currency']],
  Product: [['SKU', 'SKU'], ['Name', 'Name'], ['Type', 'Type'], ['Status', 'Status'], ['InventoryAccount', 'Inventory'], ['RevenueAccount', 'Revenue'], ['COGSAccount', 'COGS']],
  Customer: [['Name', 'Name'], ['Currency', 'Currency'], ['AccountReceivable', 'Receivable'], ['RevenueAccount', 'Revenue'], ['TaxRule', 'Tax rule']],
  Supplier: [['Name', 'Name'], ['Currency', 'Currency'], ['AccountPayable', 'Payable'], ['TaxRule', 'Tax rule']],
};

function safeJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** Account Mapping page: combo boxes open a bound list of accounts; Save posts the rows back (no innerHTML). */
const MAPPING_SCRIPT = String.raw`
(function () {
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
  var save = document.getElementById('btnSaveMapping');
  if (save) save.addEventListener('click', function () {
    var rows = Array.prototype.map.call(document.querySelectorAll('#gridAccountMapping table.x-grid-item'), function (table) {
      var label = table.querySelector('.x-grid-cell-colRole_AccountMapping').textContent.trim();
      var value = table.querySelector('.x-grid-cell-colAccount_AccountMapping input').value;
      return { label: label, account: value || null };
    });
    fetch('/AccountMapping/Save', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rows: rows }) })
      .then(function (r) { save.textContent = r.ok ? 'Saved' : 'Save failed'; });
  });
})();
`;
