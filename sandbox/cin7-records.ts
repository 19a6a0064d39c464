// View models for the Cin7 record pages (Sale, Purchase, Product, Customer, Supplier). The page's own script
// fetches `/<Kind>/Data?ID=…` over XHR, as the real app loads records, and renders from this.
import type { Cin7Collection, JsonRecord, SandboxStore } from './store';

export type RecordKind = 'Sale' | 'Purchase' | 'Product' | 'Customer' | 'Supplier';

export const RECORD_KINDS: Record<RecordKind, { collection: Cin7Collection; titleField: string; list: string }> = {
  Sale: { collection: 'sales', titleField: 'OrderNumber', list: '/SaleList' },
  Purchase: { collection: 'purchases', titleField: 'OrderNumber', list: '/PurchaseList' },
  Product: { collection: 'products', titleField: 'SKU', list: '/ProductList' },
  Customer: { collection: 'customers', titleField: 'Name', list: '/CustomerList' },
  Supplier: { collection: 'suppliers', titleField: 'Name', list: '/SupplierList' },
};

interface FieldView {
  /** Element id stem, e.g. `cmbSupplier`, `txtRevenueAccount`. */
  id: string;
  label: string;
  value: string;
}

interface GridView {
  title: string;
  grid: string;
  columns: Array<{ id: string; header: string }>;
  rows: Array<Record<string, string>>;
}

export interface RecordView {
  kind: RecordKind;
  id: string;
  title: string;
  legend: string;
  fields: FieldView[];
  grids: GridView[];
  prevId: string | null;
  nextId: string | null;
}

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));
const field = (id: string, label: string, value: unknown): FieldView => ({ id, label, value: text(value) });

const LINE_COLUMNS = [
  { id: 'SKU', header: 'Product' },
  { id: 'Name', header: 'Name' },
  { id: 'Quantity', header: 'Quantity' },
  { id: 'Price', header: 'Price' },
  { id: 'Account', header: 'Account' },
  { id: 'TaxRule', header: 'Tax Rule' },
];

function linesGrid(title: string, grid: string, lines: unknown, charges?: unknown): GridView {
  const rows = [...asList(lines), ...asList(charges).map((c): JsonRecord => ({ ...c, SKU: c.SKU ?? '', Name: c.Description ?? c.Name }))].map(
    (line) => Object.fromEntries(LINE_COLUMNS.map((c) => [c.id, text(line[c.id])])),
  );
  return { title, grid, columns: LINE_COLUMNS, rows };
}

const asList = (value: unknown): JsonRecord[] => (Array.isArray(value) ? (value as JsonRecord[]) : []);

function accountLabel(store: SandboxStore, code: unknown): string {
  const account = store.cin7.accounts.find((a) => a.Code === code);
  return account ? `${text(account.Code)}: ${text(account.Name)}` : text(code);
}

export function recordView(kind: RecordKind, store: SandboxStore, id: string): RecordView | null {
  const { collection, titleField } = RECORD_KINDS[kind];
  const records = store.cin7[collection];
  const index = records.findIndex((r) => text(r.ID).toLowerCase() === id.toLowerCase());
  const record = records[index];
  if (!record) return null;
  const acc = (code: unknown) => accountLabel(store, code);
  let fields: FieldView[] = [];
  const grids: GridView[] = [];
  switch (kind) {
    case 'Sale':
      fields = [
        field('cmbCustomer', 'Customer', record.Customer),
        field('txtStatus', 'Status', record.Status),
        field('cmbDefaultAccount', 'Default revenue account', acc(record.DefaultAccount)),
        field('cmbTaxRule', 'Tax rule', record.TaxRule),
        field('txtCurrency', 'Currency', record.CustomerCurrency),
      ];
      asList(record.Invoices).forEach((inv, i) => {
        grids.push(linesGrid(`Invoice ${text(inv.InvoiceNumber)} (${text(inv.InvoiceDate).slice(0, 10)})`, `InvoiceLines${i}`, inv.Lines, inv.AdditionalCharges));
      });
      asList(record.CreditNotes).forEach((cn, i) => {
        grids.push(linesGrid(`Credit note ${text(cn.CreditNoteNumber)} (${text(cn.CreditNoteDate).slice(0, 10)})`, `CreditNoteLines${i}`, cn.Lines, cn.AdditionalCharges));
      });
      asList(record.Fulfilments).forEach((f, i) => {
        const ship = (f.Ship as JsonRecord | undefined)?.Lines;
        grids.push({
          title: `Shipment ${text(f.FulfillmentNumber ?? i + 1)}`,
          grid: `ShipLines${i}`,
          columns: [{ id: 'ShipmentDate', header: 'Shipment date' }, { id: 'IsShipped', header: 'Shipped' }],
          rows: asList(ship).map((l) => ({ ShipmentDate: text(l.ShipmentDate).slice(0, 10), IsShipped: text(l.IsShipped) })),
        });
      });
      break;
    case 'Purchase': {
      fields = [
        field('cmbSupplier', 'Supplier', record.Supplier),
        field('txtStatus', 'Status', record.Status),
        field('cmbInventoryAccount', 'Inventory account', acc(record.InventoryAccount)),
        field('cmbTaxRule', 'Tax rule', record.TaxRule),
        field('txtCurrency', 'Currency', record.SupplierCurrency),
      ];
      const invoice = record.Invoice as JsonRecord | null | undefined;
      if (invoice) grids.push(linesGrid(`Invoice ${text(invoice.InvoiceNumber)} (${text(invoice.InvoiceDate).slice(0, 10)})`, 'InvoiceLines', invoice.Lines, invoice.AdditionalCharges));
      const credit = record.CreditNote as JsonRecord | null | undefined;
      if (credit) grids.push(linesGrid(`Credit note ${text(credit.CreditNoteNumber)} (${text(credit.CreditNoteDate).slice(0, 10)})`, 'CreditNoteLines', credit.Lines, credit.AdditionalCharges));
      break;
    }
    case 'Product':
      fields = [
        field('txtSKU', 'SKU', record.SKU),
        field('txtName', 'Name', record.Name),
        field('cmbType', 'Type', record.Type),
        field('txtStatus', 'Status', record.Status),
        field('cmbInventoryAccount', 'Inventory account', acc(record.InventoryAccount)),
        field('cmbRevenueAccount', 'Revenue account', acc(record.RevenueAccount)),
        field('cmbCOGSAccount', 'COGS account', acc(record.COGSAccount)),
        field('cmbExpenseAccount', 'Expense account', acc(record.ExpenseAccount)),
        field('cmbSaleTaxRule', 'Sale tax rule', record.SaleTaxRule),
        field('cmbPurchaseTaxRule', 'Purchase tax rule', record.PurchaseTaxRule),
      ];
      break;
    case 'Customer':
      fields = [
        field('txtName', 'Name', record.Name),
        field('txtStatus', 'Status', record.Status),
        field('cmbCurrency', 'Currency', record.Currency),
        field('cmbAccountReceivable', 'Accounts receivable', acc(record.AccountReceivable)),
        field('cmbRevenueAccount', 'Revenue account', acc(record.RevenueAccount)),
        field('cmbTaxRule', 'Tax rule', record.TaxRule),
        field('cmbPaymentTerm', 'Payment term', record.PaymentTerm),
      ];
      break;
    case 'Supplier':
      fields = [
        field('txtName', 'Name', record.Name),
        field('txtStatus', 'Status', record.Status),
        field('cmbCurrency', 'Currency', record.Currency),
        field('cmbAccountPayable', 'Accounts payable', acc(record.AccountPayable)),
        field('cmbTaxRule', 'Tax rule', record.TaxRule),
        field('cmbPaymentTerm', 'Payment term', record.PaymentTerm),
      ];
      break;
  }
  return {
    kind,
    id: text(record.ID),
    title: `${kind} ${text(record[titleField] ?? record.ID)}`,
    legend: kind === 'Sale' || kind === 'Purchase' ? 'Order' : 'General',
    fields,
    grids,
    prevId: index > 0 ? text(records[index - 1]?.ID) : null,
    nextId: index < records.length - 1 ? text(records[index + 1]?.ID) : null,
  };
}

/**
 * The record page's script. It renders with createElement/textContent only (names may hold markup), and follows
 * `hashchange`, so moving between records changes the hash without a full reload, as in the real app.
 */
export const RECORD_PAGE_SCRIPT = String.raw`
(function () {
  var root = document.getElementById('divRecord');
  var kind = root.getAttribute('data-kind');
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }
  function currentId() { return decodeURIComponent(location.hash.replace(/^#/, '').split(/[~&]/)[0] || ''); }
  function clear() { while (root.firstChild) root.removeChild(root.firstChild); }
  function renderMessage(message) { clear(); root.appendChild(el('div', 'dr-warning', message)); }
  function render(view) {
    clear();
    var bar = el('div', 'page-top-bar');
    bar.appendChild(el('h1', 'record-title', view.title));
    var nav = el('div', 'align-right');
    [['prevId', 'Previous'], ['nextId', 'Next']].forEach(function (p) {
      var a = el('a', 'btn btn-outline record-nav record-nav-' + p[1].toLowerCase(), p[1]);
      if (view[p[0]]) a.href = '#' + encodeURIComponent(view[p[0]]); else a.setAttribute('aria-disabled', 'true');
      nav.appendChild(a);
    });
    bar.appendChild(nav);
    root.appendChild(bar);
    var fs = el('fieldset', 'x-fieldset'); fs.id = 'div' + view.legend;
    fs.appendChild(el('legend', 'x-fieldset-header', view.legend));
    view.fields.forEach(function (f) {
      var row = el('div', 'x-field x-form-item'); row.id = f.id;
      var label = el('label', 'x-form-item-label', f.label); label.htmlFor = f.id + '-inputEl';
      row.appendChild(label);
      var input = el('input', 'x-form-field x-form-text'); input.id = f.id + '-inputEl'; input.readOnly = true; input.value = f.value;
      if (f.id.indexOf('cmb') === 0) input.setAttribute('role', 'combobox');
      row.appendChild(input);
      fs.appendChild(row);
    });
    root.appendChild(fs);
    view.grids.forEach(function (g) {
      var set = el('fieldset', 'x-fieldset'); set.appendChild(el('legend', 'x-fieldset-header', g.title));
      var grid = el('div', 'x-panel x-grid x-grid-' + g.grid); grid.id = 'grid' + g.grid; grid.setAttribute('role', 'grid'); grid.setAttribute('aria-label', g.title);
      var head = el('div', 'x-grid-header-ct'); head.setAttribute('role', 'row');
      g.columns.forEach(function (c) { var h = el('div', 'x-column-header x-column-header-col' + c.id, c.header); h.setAttribute('role', 'columnheader'); head.appendChild(h); });
      grid.appendChild(head);
      var body = el('div', 'x-grid-view x-grid-body'); body.setAttribute('role', 'rowgroup'); var container = el('div', 'x-grid-item-container'); container.setAttribute('role', 'presentation');
      g.rows.forEach(function (r, i) {
        var table = el('table', 'x-grid-item'); table.setAttribute('role', 'presentation'); table.setAttribute('data-recordindex', String(i));
        var tbody = el('tbody'); var tr = el('tr', 'x-grid-row'); tr.setAttribute('role', 'row');
        g.columns.forEach(function (c) {
          var td = el('td', 'x-grid-cell x-grid-cell-col' + c.id + '_' + g.grid); td.setAttribute('role', 'gridcell');
          td.appendChild(el('div', 'x-grid-cell-inner', r[c.id]));
          tr.appendChild(td);
        });
        tbody.appendChild(tr); table.appendChild(tbody); container.appendChild(table);
      });
      body.appendChild(container); grid.appendChild(body); set.appendChild(grid); root.appendChild(set);
    });
    document.title = view.title + ' - Cin7 Core';
  }
  function load() {
    var id = currentId();
    if (!id) { renderMessage('Choose a record from the list.'); return; }
    renderMessage('Loading…');
    var xhr = new XMLHttpRequest();
    xhr.open('GET', '/' + kind + '/Data?ID=' + encodeURIComponent(id));
    xhr.onload = function () {
      if (currentId() !== id) return;
      if (xhr.status !== 200) { renderMessage(kind + ' not found.'); return; }
      render(JSON.parse(xhr.responseText).view);
    };
    xhr.onerror = function () { renderMessage('Could not load the record.'); };
    xhr.send();
  }
  window.addEventListener('hashchange', load);
  load();
})();
`;
