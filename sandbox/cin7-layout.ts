// The Cin7 Core web app's frame and Ext JS-style building blocks (research/cin7.md §3): grids rendered as one
// `table.x-grid-item` per row with `tr.x-grid-row` and `td.x-grid-cell-col<Column>_<Grid>` cells, forms as
// `fieldset > legend`, and combo boxes as read-only inputs with a trigger.
import { loginOrganisations } from './cin7-organisations';
import { html, page, type SafeHtml } from './html';

const MENU: Array<[string, string]> = [
  ['Dashboard', '/Dashboard'],
  ['Sales', '/SaleList'],
  ['Purchases', '/PurchaseList'],
  ['Products', '/ProductList'],
  ['Customers', '/CustomerList'],
  ['Suppliers', '/SupplierList'],
  // Account Mapping, Chart of Accounts and General Settings live inside Settings (cin7-settings.ts).
  ['Settings', '/Settings'],
];

const STYLE = html`<style>
body{margin:0;font:13px/1.4 "Open Sans",Arial,sans-serif;color:#333;background:#f3f5f8}
.dear-header{display:flex;align-items:center;gap:16px;background:#1f2d3d;color:#fff;padding:8px 16px}
.dear-header a{color:#cfe3ff;text-decoration:none}
.dear-layout{display:flex}
.dear-menu{width:180px;background:#fff;border-right:1px solid #dde3ea;min-height:calc(100vh - 40px)}
.dear-menu a{display:block;padding:8px 16px;color:#1f2d3d;text-decoration:none}
.dear-menu a.active{background:#e8f1fc;font-weight:600}
#content{flex:1;padding:16px 24px}
.page-top-bar{display:flex;justify-content:space-between;align-items:center;margin-bottom:12px}
.page-top-bar .align-right{display:flex;gap:8px}
fieldset{border:1px solid #dde3ea;background:#fff;margin:0 0 16px;padding:12px}
legend{font-weight:600;padding:0 6px}
.x-grid{background:#fff;border:1px solid #dde3ea}
.x-grid-header-ct{display:flex;background:#f7f9fb;border-bottom:1px solid #dde3ea;font-weight:600}
.x-column-header{flex:1;padding:6px 8px}
table.x-grid-item{width:100%;border-collapse:collapse;table-layout:fixed;border-bottom:1px solid #eef1f4}
td.x-grid-cell{padding:6px 8px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.x-field{display:flex;align-items:center;gap:8px;margin:4px 0}
.x-form-item-label{width:200px;color:#555}
.x-form-trigger-wrap{display:flex;border:1px solid #c9d2dc;background:#fff;min-width:260px}
.x-form-text{border:0;padding:4px 6px;flex:1;font:inherit}
.x-form-trigger{width:22px;cursor:pointer;background:#f2f4f7;text-align:center}
.x-hidden-clip{position:absolute;clip:rect(0 0 0 0);width:1px;height:1px;overflow:hidden}
.x-boundlist{position:absolute;background:#fff;border:1px solid #c9d2dc;max-height:240px;overflow:auto;z-index:10;list-style:none;margin:0;padding:0}
.x-boundlist-item{padding:4px 8px;cursor:pointer}
.x-boundlist-item:hover{background:#e8f1fc}
.btn{border:1px solid #2d7ff9;background:#2d7ff9;color:#fff;padding:5px 14px;cursor:pointer}
.btn-outline{background:#fff;color:#2d7ff9}
.dr-warning{background:#fff7e0;border:1px solid #f0c36d;padding:8px;margin-bottom:12px}
.hub{display:flex;gap:16px}
.hub-tabs{display:flex;flex-direction:column;width:180px}
.hub-tabs a,.ref-tabs a{padding:6px 10px;color:#1f2d3d;text-decoration:none}
.hub-tabs a[aria-selected=true],.ref-tabs a[aria-selected=true]{background:#e8f1fc;font-weight:600}
.hub-content{flex:1}
.ref-tabs{display:flex;gap:4px;margin-bottom:8px}
</style>`;

export function cin7Page(options: { title: string; active: string; body: SafeHtml; company: string; script?: string }): string {
  return page({
    title: `${options.title} - Cin7 Core`,
    bodyClass: 'dear-app',
    head: STYLE,
    body: html`<div class="dear-header"><strong>Cin7 Core</strong><span class="company-name">${options.company}</span>${organisationSwitcher()}<a href="/ExternalAPI">API</a></div>
<div class="dear-layout">
<nav class="dear-menu">${MENU.map(([label, href]) => html`<a href="${href}" class="${href === options.active ? 'active' : ''}">${label}</a>`)}</nav>
<div id="content" role="main">${options.body}</div>
</div>`,
    script: options.script,
  });
}

/**
 * The login's organisations, each a link to `/Home/Organisation?ID=` (sourced URL); the closed list stays hidden. How
 * the real app offers the switch is not public: this menu is a guess, kept so readers meet every name in the header.
 */
function organisationSwitcher(): SafeHtml | string {
  const organisations = loginOrganisations();
  if (organisations.length < 2) return '';
  return html`<span class="org-switcher"><button type="button" class="org-switcher-toggle" onclick="this.nextElementSibling.hidden=!this.nextElementSibling.hidden">Organisations ▾</button><ul class="org-menu" hidden>${organisations.map(
    (o) => html`<li><a href="/Home/Organisation?ID=${o.id}">${o.company}</a></li>`,
  )}</ul></span>`;
}

export interface GridColumn<T> {
  /** Ext JS column id; becomes the `x-grid-cell-col<Id>_<Grid>` class. */
  id: string;
  header: string;
  cell: (row: T) => SafeHtml | string | null | undefined;
}

/** An Ext JS-style grid: one `table.x-grid-item` per record, with the ARIA roles Ext JS 6 renders. */
export function extGrid<T>(gridName: string, columns: GridColumn<T>[], rows: T[], label?: string): SafeHtml {
  return html`<div class="x-panel x-grid x-grid-${gridName}" id="grid${gridName}" role="grid" aria-label="${label ?? gridName}">
<div class="x-grid-header-ct x-docked-top" role="row">${columns.map((c) => html`<div class="x-column-header x-column-header-col${c.id}" role="columnheader"><div class="x-column-header-inner"><span class="x-column-header-text">${c.header}</span></div></div>`)}</div>
<div class="x-grid-view x-grid-body x-scroller" role="rowgroup"><div class="x-grid-item-container" role="presentation">
${rows.map(
  (row, index) => html`<table class="x-grid-item" role="presentation" cellpadding="0" cellspacing="0" data-recordindex="${index}"><tbody><tr class="x-grid-row${index % 2 ? ' x-grid-row-alt' : ''}" role="row" aria-rowindex="${index + 1}">${columns.map(
    (c) => html`<td class="x-grid-cell x-grid-td x-grid-cell-col${c.id}_${gridName}" role="gridcell"><div class="x-grid-cell-inner">${c.cell(row)}</div></td>`,
  )}</tr></tbody></table>`,
)}
</div></div></div>`;
}

/** An Ext JS combo box showing its selected value in a read-only input. */
export function extCombo(id: string, label: string, value: string, placeholder = 'Select…'): SafeHtml {
  return html`<div class="x-field x-form-item x-field-combo" id="${id}">
<label class="x-form-item-label x-hidden-clip" for="${id}-inputEl">${label}</label>
<div class="x-form-item-body"><div class="x-form-trigger-wrap">
<div class="x-form-text-wrap"><input id="${id}-inputEl" class="x-form-field x-form-text" type="text" role="combobox" aria-label="${label}" aria-haspopup="listbox" aria-expanded="false" aria-autocomplete="list" readonly value="${value}" placeholder="${placeholder}"></div>
<div class="x-form-trigger x-form-arrow-trigger" role="button" aria-label="Open list">▾</div>
</div></div></div>`;
}

/** A read-only labelled form value inside a fieldset. */
export function extDisplayField(id: string, label: string, value: unknown): SafeHtml {
  return html`<div class="x-field x-form-item x-form-type-display" id="${id}">
<label class="x-form-item-label">${label}</label><div class="x-form-display-field">${value === null || value === undefined || value === '' ? '' : String(value)}</div></div>`;
}
