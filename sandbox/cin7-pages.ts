// The Cin7 Core web app at inventory.dearsystems.com: dashboard, the Settings hub (General Settings, Reference
// Books with Account Mapping and Chart of Accounts: cin7-settings.ts), record pages with the id in the hash, and the
// lists. Sources per page in sandbox/README.md.
import { createFailedTransactionPages, FAILED_LIST_PATH, SYNC_HISTORY_PATH } from './cin7-sync-errors';
import { cin7Page, extGrid } from './cin7-layout';
import { SETTINGS_SCRIPT, settingsHubBody } from './cin7-settings';
import { RECORD_KINDS, RECORD_PAGE_SCRIPT, recordView, type RecordKind } from './cin7-records';
import { html } from './html';
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
<div class="sync-counters"><a href="${FAILED_LIST_PATH}" class="sync-failed">Failed: ${failedList.failedCount()}</a> <span class="sync-pending">Pending: 0</span> <a href="${SYNC_HISTORY_PATH}" class="sync-history-link">Sync History</a></div></fieldset>
<fieldset class="x-fieldset"><legend class="x-fieldset-header">Overview</legend>
${tiles.map(([label, count, href]) => html`<div class="dashboard-tile"><a href="${href}">${label}</a> <span class="count">${count}</span></div>`)}
</fieldset>`,
    }));
  }

  /** Settings: the hub whose tabs hold General Settings and the Reference Books (cin7-settings.ts). */
  function settings(ctx: RequestContext) {
    sendHtml(ctx, 200, cin7Page({ title: 'Settings', active: '/Settings', company: company(), body: settingsHubBody(rt, accountDisplay), script: SETTINGS_SCRIPT }));
  }

  async function saveMapping(ctx: RequestContext) {
    const parsed = mappingSaveSchema.safeParse(safeJson(await ctx.body()));
    if (!parsed.success) return sendJson(ctx, 400, { error: 'rows: [{ label, account }] expected' });
    for (const row of parsed.data.rows) rt.store.setMappingRow(row.label, row.account);
    sendJson(ctx, 200, { saved: parsed.data.rows.length });
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
    if (ctx.method === 'POST' && path === '/settings/accountmapping/save') return saveMapping(ctx);
    const failedListAnswer = failedList.handle(ctx, path);
    if (failedListAnswer !== false) return failedListAnswer === true ? undefined : failedListAnswer;
    if (ctx.method !== 'GET') return sendJson(ctx, 405, { error: 'method not allowed' });
    if (path === '/' || path === '/dashboard') return dashboard(ctx);
    if (path === '/settings') return settings(ctx);
    if (path === '/externalapi') return redirect(ctx, '/Settings');
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
