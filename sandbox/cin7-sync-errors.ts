// Cin7 Core's failed-transactions list: the dashboard's "Failed" counter opens an error list, and each row has a
// dropdown to mark it Skipped (research/fidelity.md: IntegrationKings knowledge base 524/529). Nobody outside Cin7
// has published its URL or markup, so both are guesses here (the extension must find such rows by their text);
// what IS sourced is each row's message: a verbatim Xero API validation text (fidelity.md "Sync-error texts"),
// produced by the scenario's real problems — an account missing from or archived in Xero's chart on a document
// line, a document dated on or before Xero's lock date, a currency Xero is not subscribed to.
import { organisationLockDate } from '../utils/audit/context';
import { XERO_MESSAGES, xeroMessageDate } from '../utils/audit/xero-messages';
import { parseAnyDate, type CalendarDay } from '../utils/schemas/dates';
import { cin7Page } from './cin7-layout';
import { html, raw } from './html';
import { parseForm, redirect, sendHtml, sendJson, type RequestContext } from './http';
import type { JsonRecord, SandboxStore } from './store';

export interface FailedTransaction {
  /** Stable id: the document and the cause, so a Skip survives a reload. */
  id: string;
  date: CalendarDay | null;
  /** "INV-01038 (SO-01038)". */
  document: string;
  type: 'Sale invoice' | 'Purchase invoice';
  /** The Xero message as Cin7 Core shows it. */
  message: string;
}

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));
export { xeroMessageDate };

interface DocumentPart {
  kind: 'sale' | 'purchase';
  record: JsonRecord;
  number: string;
  date: CalendarDay | null;
  accounts: string[];
  currency: string;
}

/** Each invoice of every sale and purchase, with the line and charge accounts it would post. */
function invoices(store: SandboxStore): DocumentPart[] {
  const parts: DocumentPart[] = [];
  const collect = (kind: 'sale' | 'purchase', record: JsonRecord, invoice: JsonRecord, currency: string) => {
    const lines = [...((invoice.Lines as JsonRecord[] | undefined) ?? []), ...((invoice.AdditionalCharges as JsonRecord[] | undefined) ?? [])];
    parts.push({
      kind,
      record,
      number: text(invoice.InvoiceNumber) || text(record.OrderNumber),
      date: parseAnyDate(text(invoice.InvoiceDate)) ?? parseAnyDate(text(record.SaleOrderDate ?? record.OrderDate)),
      accounts: lines.map((line) => text(line.Account).trim()).filter(Boolean),
      currency: currency.toUpperCase(),
    });
  };
  for (const sale of store.cin7.sales) {
    for (const invoice of (sale.Invoices as JsonRecord[] | undefined) ?? []) collect('sale', sale, invoice, text(sale.CustomerCurrency));
  }
  for (const purchase of store.cin7.purchases) {
    const invoice = purchase.Invoice as JsonRecord | undefined;
    if (invoice) collect('purchase', purchase, invoice, text(purchase.SupplierCurrency));
  }
  return parts;
}

/** The rows Xero refused, in the order Cin7 Core would have tried them (by date). */
export function failedTransactions(store: SandboxStore, tenantId?: string): FailedTransaction[] {
  const tenant = tenantId ? store.tenant(tenantId) : store.tenants[0];
  if (!tenant) return [];
  const chart = new Map(tenant.accounts.map((account) => [text(account.Code).trim().toUpperCase(), account]));
  const currencies = new Set(tenant.currencies.map((currency) => text(currency.Code).toUpperCase()));
  const base = text(tenant.organisation.BaseCurrency).toUpperCase();
  const lock = organisationLockDate(tenant.organisation as Parameters<typeof organisationLockDate>[0]);
  const rows: FailedTransaction[] = [];
  for (const part of invoices(store)) {
    const row = (cause: string, message: string): FailedTransaction => ({
      id: `${text(part.record.ID)}:${part.number}:${cause}`,
      date: part.date,
      document: part.number === text(part.record.OrderNumber) ? part.number : `${part.number} (${text(part.record.OrderNumber)})`,
      type: part.kind === 'sale' ? 'Sale invoice' : 'Purchase invoice',
      message,
    });
    if (part.currency && part.currency !== base && !currencies.has(part.currency)) {
      rows.push(row('currency', XERO_MESSAGES.currencyNotEnabled(part.currency)));
      continue;
    }
    if (lock && part.date && part.date <= lock.day) {
      rows.push(row('lock', XERO_MESSAGES.lockDate(lock.which, lock.day)));
      continue;
    }
    for (const code of new Set(part.accounts)) {
      const account = chart.get(code.toUpperCase());
      if (!account) rows.push(row(`account-${code}`, XERO_MESSAGES.accountInvalidForDocument(code)));
      else if (['ARCHIVED', 'DELETED'].includes(text(account.Status).toUpperCase())) {
        rows.push(row(`account-${code}`, XERO_MESSAGES.accountArchived(code)));
      }
    }
  }
  return rows.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id));
}

/** Where the sandbox serves the list: a guess (the real URL is unknown); the dashboard's "Failed" count links to it. */
export const FAILED_LIST_PATH = '/SyncErrors';
/**
 * The "Xero Synchronisation" page that Integration → Xero → Sync History opens (help article 10553615607055, via
 * research/fidelity.md). Its URL and markup are unknown: both are guesses here, in another shape than the failed
 * list (entries, not a table), so the extension's find-by-text is exercised on two markups.
 */
export const SYNC_HISTORY_PATH = '/XeroSynchronisation';
/** Synced entries shown besides the failed ones: enough to make the page a history, not a list of errors. */
const SYNCED_SHOWN = 5;

/** The sync history: every failed row as an error entry, and a few documents that went through. */
export function syncHistory(store: SandboxStore): { date: CalendarDay | null; document: string; type: string; status: 'Error' | 'Synced'; message: string }[] {
  const failed = failedTransactions(store);
  const failedNumbers = new Set(failed.map((row) => row.document.split(' ')[0]));
  const synced = invoices(store)
    .filter((part) => !failedNumbers.has(part.number))
    .slice(0, SYNCED_SHOWN)
    .map((part) => ({ date: part.date, document: part.number, type: part.kind === 'sale' ? 'Sale invoice' : 'Purchase invoice', status: 'Synced' as const, message: 'Exported to Xero' }));
  const errors = failed.map((row) => ({ date: row.date, document: row.document, type: row.type, status: 'Error' as const, message: row.message }));
  return [...errors, ...synced].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
}

/** The list page and its Skip choice. Skips last for the sandbox's life, as Cin7 Core keeps them. */
export function createFailedTransactionPages(store: SandboxStore, company: () => string) {
  const skipped = new Set<string>();
  const open = () => failedTransactions(store).filter((row) => !skipped.has(row.id));

  function listPage(ctx: RequestContext) {
    const rows = failedTransactions(store);
    sendHtml(ctx, 200, cin7Page({
      title: 'Failed transactions',
      active: '/Dashboard',
      company: company(),
      body: html`<div class="page-top-bar"><h1>Failed transactions</h1><span class="row-count">${open().length} failed</span></div>
<table class="sync-errors"><thead><tr><th scope="col">Date</th><th scope="col">Document</th><th scope="col">Type</th><th scope="col">Error</th><th scope="col">Status</th></tr></thead>
<tbody>${rows.map((row) => html`<tr data-row="${row.id}"><td>${row.date ?? ''}</td><td>${row.document}</td><td>${row.type}</td><td class="sync-error-message">${row.message}</td>
<td><form method="post" action="${FAILED_LIST_PATH}/Skip"><input type="hidden" name="id" value="${row.id}">
<select name="status" aria-label="Status of ${row.document}"><option value="failed"${skipped.has(row.id) ? '' : raw(' selected')}>Failed</option><option value="skipped"${skipped.has(row.id) ? raw(' selected') : ''}>Skipped</option></select>
<button type="submit" class="btn btn-outline">Apply</button></form></td></tr>`)}</tbody></table>`,
    }));
  }

  function historyPage(ctx: RequestContext) {
    sendHtml(ctx, 200, cin7Page({
      title: 'Xero Synchronisation',
      active: '/Dashboard',
      company: company(),
      body: html`<div class="page-top-bar"><h1>Xero Synchronisation</h1></div>
<div class="sync-history">${syncHistory(store).map((entry) => html`<div class="sync-log-entry"><div class="sync-log-head"><span class="sync-log-date">${entry.date ?? ''}</span> <b>${entry.document}</b> <span>${entry.type}</span> <span class="sync-log-status">${entry.status}</span></div>
<div class="sync-log-message">${entry.message}</div></div>`)}</div>`,
    }));
  }

  async function setStatus(ctx: RequestContext) {
    const form = parseForm(await ctx.body());
    const id = form.get('id') ?? '';
    if (!failedTransactions(store).some((row) => row.id === id)) return sendJson(ctx, 404, { error: 'no such failed transaction' });
    if (form.get('status') === 'skipped') skipped.add(id);
    else skipped.delete(id);
    redirect(ctx, FAILED_LIST_PATH);
  }

  return {
    /** Rows still failed (not skipped): the dashboard's "Failed" count. */
    failedCount: () => open().length,
    /** Answers the list's requests; false when the path is not the list's. */
    handle(ctx: RequestContext, path: string): Promise<void> | boolean {
      if (ctx.method === 'GET' && path === FAILED_LIST_PATH.toLowerCase()) return (listPage(ctx), true);
      if (ctx.method === 'GET' && path === SYNC_HISTORY_PATH.toLowerCase()) return (historyPage(ctx), true);
      if (ctx.method === 'POST' && path === `${FAILED_LIST_PATH.toLowerCase()}/skip`) return setStatus(ctx);
      return false;
    },
  };
}
