// The frame of every classic Xero page the sandbox serves: title, header, page heading, styles. Sources and guesses:
// see the Xero rows of sandbox/README.md.
import { html, page, type SafeHtml } from './html';
import type { XeroTenant } from './store';

export const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));

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
.org-name{font-weight:700}
#page_title{padding:12px 20px;background:#fff;border-bottom:1px solid #d6dadf}
#page_title h1{margin:0;font-size:22px}
.content{padding:16px 20px}
table.standard{width:100%;border-collapse:collapse;background:#fff}
table.standard th,table.standard td{text-align:left;padding:7px 10px;border-bottom:1px solid #e6e9ec;vertical-align:top}
table.standard th{background:#f7f8f9;font-weight:600}
.description{display:block;color:#5a6a7a;font-size:12px}
.tabs{display:flex;gap:4px;list-style:none;margin:0 0 8px;padding:0}
.tabs a{display:block;padding:6px 12px;background:#e6e9ec;color:#0f2033;text-decoration:none}
.tabs .selected a{background:#fff;font-weight:700}
.buttons{display:flex;gap:6px;margin:0 0 8px}
.btn a{display:inline-block;padding:6px 14px;border:1px solid #b5bec8;background:#fff;color:#0f2033;text-decoration:none}
.btn a.red-text{color:#c62d1f}
.message{background:#e8f5ec;border:1px solid #1c8a3a;padding:6px 12px;margin:0 0 8px}
.x-window{position:fixed;top:120px;left:50%;transform:translateX(-50%);min-width:380px;background:#fff;border:1px solid #8aa0b5;box-shadow:0 4px 16px rgba(0,0,0,.3);z-index:100}
.x-window-header{background:#dfe8f6;padding:6px 10px;font-weight:700}
.x-window-body{padding:12px 14px}
.x-window-footer{padding:8px 14px;text-align:right}
.x-window-footer a{margin-left:8px}
.ext-el-mask{position:fixed;inset:0;background:rgba(15,32,51,.3);z-index:99}
.xui-modal-backdrop{position:fixed;inset:0;background:rgba(15,32,51,.4);display:flex;align-items:flex-start;justify-content:center}
.xui-modal{background:#fff;margin-top:80px;padding:20px;min-width:420px;border-radius:4px}
.xui-modal label{display:block;margin:8px 0 2px;font-weight:600}
.xui-modal input,.xui-modal select{width:100%;padding:5px}
.xui-button{padding:6px 14px;margin-right:6px;border:1px solid #b5bec8;background:#fff;cursor:pointer}
.xui-button-main{background:#1c8a3a;color:#fff;border-color:#1c8a3a}
.xui-button-negative{color:#c62d1f}
.field-row{display:flex;gap:12px;align-items:center;margin:8px 0}
.field-row label{width:360px}
</style>`;

/** A classic page: titled "Xero | {Page} | {Organisation}" as Selenium page objects record it (id 22225310558). */
export function xeroPage(tenant: XeroTenant, title: string, body: SafeHtml, script?: string): string {
  return page({
    title: `Xero | ${title} | ${tenant.name}`,
    bodyClass: 'xero-classic',
    head: STYLE,
    body: html`<header class="xn-h-header"><span class="org-name" data-shortcode="${tenant.shortCode}">${tenant.name}</span>
<a href="/GeneralLedger/ChartOfAccounts.aspx">Chart of accounts</a><a href="/Setup/FinancialSettings.aspx">Financial settings</a>
<a href="/Accounts/Inventory/">Products and services</a><a href="/Bank/BankAccounts.aspx">Bank accounts</a></header>
<div id="page_title"><h1><span id="title">${title}</span></h1></div>
<div class="content">${body}</div>`,
    script,
  });
}

export function taxName(tenant: XeroTenant, taxType: unknown): string {
  const rate = tenant.taxRates.find((r) => r.TaxType === taxType);
  return rate ? text(rate.Name) : text(taxType);
}
