// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox/index';
import { call, connect, xeroHeaders } from './client';
import { ORG_ID, fixtureSnapshot } from './fixture';

const CIN7 = 'https://inventory.dearsystems.com';
const XERO = 'https://go.xero.com';
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ snapshot: fixtureSnapshot(), port: 0 });
});
afterAll(() => sandbox.close());

const page = async (url: string) => {
  const reply = await call(sandbox, url);
  return { ...reply, html: reply.text };
};

describe('Cin7 web app', () => {
  it('serves the dashboard at / and /Dashboard', async () => {
    for (const path of ['/', '/Dashboard']) {
      const reply = await page(`${CIN7}${path}`);
      expect(reply.status).toBe(200);
      expect(reply.html).toContain('<h1>Dashboard</h1>');
    }
  });

  it('keeps Account Mapping, Chart of Accounts and General Settings inside the Settings hub, at no URL of their own', async () => {
    for (const path of ['/AccountMapping', '/ChartOfAccounts', '/GeneralSettings']) expect((await page(`${CIN7}${path}`)).status).toBe(404);
    const { html } = await page(`${CIN7}/Settings`);
    expect(html).toMatch(/role="tab" data-hub="GeneralSettings">General Settings</);
    expect(html).toMatch(/role="tab" data-hub="ReferenceBooks">Reference Books</);
    expect(html).toContain('<template id="tpl-ReferenceBooks/Financial/AccountMapping">');
    expect(html).toContain('history.replaceState');
    expect(html).not.toMatch(/innerHTML/);
  });

  it('renders Account Mapping as an Ext JS grid: a row per role, the account as "CODE: Name" in a combo box', async () => {
    const hub = (await page(`${CIN7}/Settings`)).html;
    const start = hub.indexOf('<template id="tpl-ReferenceBooks/Financial/AccountMapping">');
    const html = hub.slice(start, hub.indexOf('</template>', start));
    const rows = html.match(/<table class="x-grid-item" role="presentation"/g) ?? [];
    expect(rows).toHaveLength(4);
    expect(html).toMatch(/<div class="x-panel x-grid x-grid-AccountMapping" id="gridAccountMapping" role="grid"/);
    expect(html).toMatch(/<tr class="x-grid-row" role="row" aria-rowindex="1">/);
    // A bare code is shown with its name, as Cin7's combo does.
    expect(html).toMatch(/x-grid-cell-colRole_AccountMapping" role="gridcell"><div class="x-grid-cell-inner">Inventory Control<\/div>/);
    expect(html).toMatch(/<input id="cmbMapping0-inputEl"[^>]*role="combobox"[^>]*value="1400: Inventory"/);
    expect(html).toMatch(/<input id="cmbMapping2-inputEl"[^>]*value=""/);
    // Markup in names is text, never markup.
    expect(hub).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;Evil &amp; Co');
  });

  it('saves the mapping posted by the page into the store', async () => {
    const reply = await call(sandbox, `${CIN7}/Settings/AccountMapping/Save`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rows: [{ label: 'In Transit', account: '1400: Inventory' }] }),
    });
    expect(reply.status).toBe(200);
    expect(sandbox.snapshot().cin7?.mapping?.rows.find((r) => r.label === 'In Transit')?.account).toBe('1400: Inventory');
    sandbox.setMappingRow('In Transit', '');
    expect((await call(sandbox, `${CIN7}/Settings/AccountMapping/Save`, { method: 'POST', body: '{"rows":"x"}' })).status).toBe(400);
  });

  it('shows the chart of accounts and the lock date on General Settings', async () => {
    const chart = await page(`${CIN7}/Settings`);
    expect(chart.html).toMatch(/x-grid-cell-colCode_ChartOfAccounts" role="gridcell"><div class="x-grid-cell-inner">1400</);
    const settings = chart;
    expect(settings.html).toMatch(/<fieldset[^>]*><legend[^>]*>Financial settings<\/legend>/);
    expect(settings.html).toMatch(/id="dtLockDate-inputEl"[^>]*value="2026-03-31"/);
  });

  it('serves record shells that load the record over XHR from /<Kind>/Data and follow the hash', async () => {
    const shell = await page(`${CIN7}/Sale`);
    expect(shell.html).toContain('data-kind="Sale"');
    expect(shell.html).toContain("addEventListener('hashchange', load)");
    expect(shell.html).not.toMatch(/innerHTML/);
    const data = (await call(sandbox, `${CIN7}/Sale/Data?ID=a0000000-0000-4000-8000-000000000001`)).json<{
      record: { ID: string };
      view: { title: string; nextId: string | null; prevId: string | null; fields: Array<{ id: string; value: string }>; grids: Array<{ rows: Array<Record<string, string>> }> };
    }>();
    expect(data.record.ID).toBe('a0000000-0000-4000-8000-000000000001');
    expect(data.view.title).toBe('Sale SO-00001');
    expect(data.view.prevId).toBeNull();
    expect(data.view.nextId).toBe('a0000000-0000-4000-8000-000000000002');
    expect(data.view.fields.find((f) => f.id === 'cmbDefaultAccount')?.value).toBe('200: Sales');
    expect(data.view.grids[0]?.rows[0]).toMatchObject({ SKU: 'SKU-000', Account: '200' });
    expect((await call(sandbox, `${CIN7}/Supplier/Data?ID=nope`)).status).toBe(404);
    for (const kind of ['Purchase', 'Product', 'Customer', 'Supplier']) expect((await page(`${CIN7}/${kind}`)).status).toBe(200);
  });

  it('lists records with links into the hash routes, and repeats rows for the 5,000-row performance page', async () => {
    const list = await page(`${CIN7}/CustomerList`);
    expect(list.html).toContain('href="/Customer#c0000000-0000-4000-8000-000000000001"');
    const long = await page(`${CIN7}/ProductList?rows=5000`);
    expect(long.html.match(/<tr class="x-grid-row/g)).toHaveLength(5000);
    expect(long.html).toContain('5000 rows');
  });
});

describe('Xero web app', () => {
  it('shows the chart as Xero does: table#chartOfAccounts, tick boxes, description line, bulk links, tabs, classic title', async () => {
    const { html, status } = await page(`${XERO}/GeneralLedger/ChartOfAccounts.aspx`);
    expect(status).toBe(200);
    expect(html).toContain('<title>Xero | Chart Of Accounts | Fixture Ltd</title>');
    expect(html).toContain('<table class="standard" id="chartOfAccounts">');
    expect(html).toContain('<th class="checkbox"><input type="checkbox" title="Select all accounts" id="selectAll"></th><th>Code</th><th>Name</th><th>Type</th><th>Tax Rate</th><th>YTD</th>');
    expect(html).toMatch(/<tr data-account-id="9a000000-0000-4000-8000-000000000003" data-code="1400">\s*<td class="checkbox"><input type="checkbox" id="WillDelete" name="WillDelete" value="9a000000-0000-4000-8000-000000000003"><\/td>/);
    expect(html).toContain('<td class="type">Current Asset</td>');
    expect(html).toContain('<td class="tax">15% GST on Income</td>');
    expect(html).toContain('<a href="#" class="red-text" id="deleteButton">Delete</a>');
    expect(html).toContain('<a href="/GeneralLedger/ChartOfAccounts.aspx?accountClass=ACCTSTATUS/ARCHIVED&amp;PageSize=200">Archive</a>');
    // Archived accounts leave the main list; the Archive tab lists only them.
    expect(html).not.toContain('data-code="425"');
    expect(html).not.toContain('Edit</button>');
    const archive = await page(`${XERO}/GeneralLedger/ChartOfAccounts.aspx?accountClass=ACCTSTATUS/ARCHIVED&PageSize=200`);
    expect(archive.html.match(/<tr data-account-id/g)).toHaveLength(1);
    expect(archive.html).toContain('data-code="425"');
    expect(archive.html).not.toContain('<img src=x');
    expect((await page(`${XERO}/GeneralLedger/ChartOfAccounts.aspx?accountClass=ACCTCLASS/ASSET&PageSize=200`)).html.match(/<tr data-account-id/g)).toHaveLength(2);
  });

  it('archives and deletes ticked accounts in bulk; system accounts are locked', async () => {
    const bulk = (body: unknown) =>
      call(sandbox, `${XERO}/GeneralLedger/ChartOfAccounts.aspx/Bulk`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const archived = await bulk({ action: 'archive', AccountIDs: ['9a000000-0000-4000-8000-000000000001'] });
    expect(archived.status).toBe(200);
    expect(archived.json<{ message: string }>().message).toBe('1 account has been archived');
    expect((await page(`${XERO}/GeneralLedger/ChartOfAccounts.aspx?accountClass=ACCTSTATUS/ARCHIVED`)).html).toContain('data-code="200"');
    const deleted = await bulk({ action: 'delete', AccountIDs: ['9a000000-0000-4000-8000-000000000001', '9a000000-0000-4000-8000-000000000004'] });
    expect(deleted.json<{ message: string }>().message).toBe('2 accounts have been deleted');
    expect(sandbox.store.tenants[0]!.accounts.map((account) => account.Code)).not.toContain('200');
    expect((await bulk({ action: 'delete', AccountIDs: ['nope'] })).status).toBe(404);
    expect((await bulk({ action: 'purge', AccountIDs: ['x'] })).status).toBe(400);
    sandbox.store.modifyXeroAccount('310', { SystemAccount: 'GST' });
    expect((await bulk({ action: 'archive', AccountIDs: ['9a000000-0000-4000-8000-000000000002'] })).status).toBe(400);
    expect((await page(`${XERO}/GeneralLedger/ChartOfAccounts.aspx`)).html).toMatch(/data-code="310">\s*<td class="checkbox"><span class="padlock"/);
    sandbox.store.modifyXeroAccount('310', { SystemAccount: null });
  });

  it('edits and archives accounts through the dialog endpoints; the API then reports the change', async () => {
    const tokens = await connect(sandbox);
    const save = await call(sandbox, `${XERO}/GeneralLedger/ChartOfAccounts.aspx/Save`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ AccountID: '9a000000-0000-4000-8000-000000000002', Type: 'EXPENSE' }),
    });
    expect(save.status).toBe(200);
    const archive = await call(sandbox, `${XERO}/GeneralLedger/ChartOfAccounts.aspx/Archive`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ AccountID: '9a000000-0000-4000-8000-000000000003' }),
    });
    expect(archive.status).toBe(200);
    const accounts = (await call(sandbox, 'https://api.xero.com/api.xro/2.0/Accounts', { headers: xeroHeaders(tokens.access_token, ORG_ID) })).json<{ Accounts: Array<{ Code: string; Type: string; Class: string; Status: string }> }>().Accounts;
    expect(accounts.find((a) => a.Code === '310')).toMatchObject({ Type: 'EXPENSE', Class: 'EXPENSE' });
    expect(accounts.find((a) => a.Code === '1400')).toMatchObject({ Status: 'ARCHIVED' });
    const bad = await call(sandbox, `${XERO}/GeneralLedger/ChartOfAccounts.aspx/Save`, { method: 'POST', body: JSON.stringify({ AccountID: 'x', Type: 'NOPE' }) });
    expect(bad.status).toBe(400);
  });

  it('shows lock dates on Financial Settings as Xero writes them', async () => {
    const { html } = await page(`${XERO}/Setup/FinancialSettings.aspx`);
    expect(html).toContain('Stop all users except advisors making changes on or before');
    expect(html).toMatch(/id="PeriodLockDate"[^>]*value="31 Mar 2026"/);
    expect(html).toMatch(/id="EndOfYearLockDate"[^>]*value=""/);
  });

  it('serves products and services, tracking, currencies, tax rates and bank accounts', async () => {
    const items = await page(`${XERO}/Accounts/Inventory/`);
    expect(items.html).toMatch(/<tr data-item-id="[^"]+" data-code="SKU-000" class="tracked">/);
    expect((await page(`${XERO}/app/products-and-services`)).status).toBe(200);
    expect((await page(`${XERO}/Setup/Tracking.aspx`)).html).toContain('<h2>Region</h2>');
    expect((await page(`${XERO}/Setup/CurrencyRates.aspx`)).html).toContain('New Zealand Dollar');
    expect((await page(`${XERO}/Setup/TaxRates.aspx`)).html).toContain('data-tax-type="OUTPUT2"');
    const bank = (await page(`${XERO}/Bank/BankAccounts.aspx`)).html;
    expect(bank).toContain('12-3456-7890123-00');
    // As on Xero's page: name, number, no code.
    expect(bank).toContain('<a class="bank-name" href="/Bank/BankTransactions.aspx?accountID=9a000000-0000-4000-8000-000000000005">Business Bank</a>');
    expect(bank).not.toMatch(/\bCode\b|>090</);
  });

  it('organisationlogin picks the organisation by short code and redirects to a local path only', async () => {
    const demo = sandbox.tenants.find((t) => t.name === 'Demo Company (NZ)')!;
    const target = '/GeneralLedger/ChartOfAccounts.aspx#mg-target=account:200';
    const wrapper = await call(sandbox, `${XERO}/organisationlogin/default.aspx?shortcode=${encodeURIComponent(demo.shortCode)}&redirecturl=${encodeURIComponent(target)}`);
    expect(wrapper.status).toBe(302);
    expect(wrapper.headers.location).toBe(target);
    const cookie = String(wrapper.headers['set-cookie']).split(';')[0] ?? '';
    const chart = await call(sandbox, `${XERO}/GeneralLedger/ChartOfAccounts.aspx`, { headers: { cookie } });
    expect(chart.text).toContain('Demo Company (NZ)');
    expect(chart.text).toContain('Business Bank Account');

    const open = await call(sandbox, `${XERO}/organisationlogin/default.aspx?shortcode=${encodeURIComponent(demo.shortCode)}&redirecturl=${encodeURIComponent('https://evil.example/')}`);
    expect(open.headers.location).toBe('/');
    expect((await call(sandbox, `${XERO}/organisationlogin/default.aspx?shortcode=!nope&redirecturl=%2F`)).status).toBe(404);
  });

  it('answers hosts it does not serve with 421', async () => {
    expect((await call(sandbox, 'https://example.com/')).status).toBe(421);
  });
});
