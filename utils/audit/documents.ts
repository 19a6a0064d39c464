// Dated parts of a Cin7 sale or purchase that post to Xero, and the locked-period finding for one document.
// What posts (research/cin7.md §4.1): invoices, credit notes, and the COGS journal of an authorised shipment,
// dated at the shipment date. Voided invoices and credit notes post nothing.
import type { Cin7DocumentLine, Cin7Purchase, Cin7Sale } from '../schemas/cin7';
import { parseAnyDate, type CalendarDay } from '../schemas/dates';
import type { AuditContext } from './context';
import type { Finding } from './types';
import { listNames } from './describe';
import { cin7RecordLink } from './links';
import { MOVING_XERO_LOCK_DATE } from './lock-date';
import { checkOverride, type OverrideOwner, type OverridePurpose } from './overrides';
import { XERO_MESSAGES } from './xero-messages';

export type CheckedDocument = { kind: 'sale'; sale: Cin7Sale } | { kind: 'purchase'; purchase: Cin7Purchase };

export interface DatedPart {
  /** "invoice INV-0012", "credit note CR-3", "shipment". */
  readonly what: string;
  readonly day: CalendarDay;
}

const isVoided = (status: string | null | undefined) => status?.trim().toUpperCase() === 'VOIDED';

function text(record: object, key: string): string | null {
  const value = (record as Record<string, unknown>)[key];
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function pushPart(parts: DatedPart[], what: string, date: string | null | undefined) {
  const day = parseAnyDate(date);
  if (day) parts.push({ what, day });
}

export function datedParts(document: CheckedDocument): DatedPart[] {
  const parts: DatedPart[] = [];
  if (document.kind === 'sale') {
    const { sale } = document;
    for (const invoice of sale.Invoices ?? []) {
      if (!isVoided(invoice.Status)) pushPart(parts, `invoice ${invoice.InvoiceNumber?.trim() || '(unnumbered)'}`, invoice.InvoiceDate);
    }
    for (const note of sale.CreditNotes ?? []) {
      if (!isVoided(note.Status)) pushPart(parts, `credit note ${note.CreditNoteNumber?.trim() || '(unnumbered)'}`, note.CreditNoteDate);
    }
    for (const fulfilment of sale.Fulfilments ?? []) {
      for (const line of fulfilment.Ship?.Lines ?? []) pushPart(parts, 'shipment (COGS journal)', line.ShipmentDate);
    }
  } else {
    const { purchase } = document;
    if (purchase.Invoice && !isVoided(purchase.Invoice.Status)) {
      pushPart(parts, `bill ${purchase.Invoice.InvoiceNumber?.trim() || '(unnumbered)'}`, purchase.Invoice.InvoiceDate);
    }
    if (purchase.CreditNote && !isVoided(purchase.CreditNote.Status)) {
      pushPart(parts, `credit note ${purchase.CreditNote.CreditNoteNumber?.trim() || '(unnumbered)'}`, purchase.CreditNote.CreditNoteDate);
    }
  }
  return parts;
}

/** "Sale SO-0012 (Acme Ltd)". */
export function documentLabel(document: CheckedDocument): string {
  if (document.kind === 'sale') {
    const { sale } = document;
    // GET sale carries the number as Order.SaleOrderNumber; saleList and older payloads at the top level.
    const order = (sale as { Order?: unknown }).Order;
    const number =
      (order && typeof order === 'object' ? text(order, 'SaleOrderNumber') : null) ??
      text(sale, 'OrderNumber') ??
      text(sale, 'SaleOrderNumber') ??
      sale.Invoices?.[0]?.InvoiceNumber?.trim() ??
      sale.ID;
    return sale.Customer?.trim() ? `Sale ${number} (${sale.Customer.trim()})` : `Sale ${number}`;
  }
  const { purchase } = document;
  const number = text(purchase, 'OrderNumber') ?? purchase.Invoice?.InvoiceNumber?.trim() ?? purchase.ID;
  return purchase.Supplier?.trim() ? `Purchase ${number} (${purchase.Supplier.trim()})` : `Purchase ${number}`;
}

export function documentId(document: CheckedDocument): string {
  return document.kind === 'sale' ? document.sale.ID : document.purchase.ID;
}

/**
 * Cheap pre-filter: an ISO date string on or before `day` sorts below `day + U+FFFF`. Anything else that sorts
 * below (Xero's "/Date(…)/", leading spaces) is parsed properly before it counts.
 */
const mayBeOnOrBefore = (date: string | null | undefined, bound: string): date is string => typeof date === 'string' && date < bound;

/** How a finding names the message Cin7 Core's sync will show (utils/audit/xero-messages.ts). */
const xeroSays = (message: string) => ` with the message "${message.replace(/\.$/, '')}"`;

/** DOCUMENT_IN_LOCKED_PERIOD (error: Xero will reject it) when any dated part is on or before Xero's lock date. */
export function lockedPeriodFinding(document: CheckedDocument, ctx: AuditContext): Finding | null {
  const lock = ctx.xeroLockDate;
  if (!lock) return null;
  const bound = `${lock.day}\uffff`;
  let candidate = false;
  if (document.kind === 'sale') {
    const { sale } = document;
    for (const invoice of sale.Invoices ?? []) candidate ||= mayBeOnOrBefore(invoice.InvoiceDate, bound);
    for (const note of sale.CreditNotes ?? []) candidate ||= mayBeOnOrBefore(note.CreditNoteDate, bound);
    for (const fulfilment of sale.Fulfilments ?? []) for (const line of fulfilment.Ship?.Lines ?? []) candidate ||= mayBeOnOrBefore(line.ShipmentDate, bound);
  } else {
    candidate = mayBeOnOrBefore(document.purchase.Invoice?.InvoiceDate, bound) || mayBeOnOrBefore(document.purchase.CreditNote?.CreditNoteDate, bound);
  }
  if (!candidate) return null;
  const locked = datedParts(document).filter((part) => part.day <= lock.day);
  if (locked.length === 0) return null;
  const label = documentLabel(document);
  const which = lock.which === 'period' ? 'period lock date' : 'end-of-year lock date';
  const parts = listNames(locked.map((part) => `${part.what} dated ${part.day}`), 5);
  return {
    code: 'DOCUMENT_IN_LOCKED_PERIOD',
    severity: 'error',
    subject: { kind: document.kind, key: documentId(document), label },
    message: `${label} has ${parts}, on or before Xero's ${which} ${lock.day}, so Xero will reject ${locked.length === 1 ? 'it' : 'them'}${xeroSays(XERO_MESSAGES.lockDate(lock.which, lock.day))}. Date ${locked.length === 1 ? 'it' : 'them'} after ${lock.day}, or ask a Xero adviser to move the lock date. ${MOVING_XERO_LOCK_DATE}`,
    fix: cin7RecordLink(document.kind, documentId(document)),
  };
}

interface LineGroup {
  readonly where: string;
  readonly lines: readonly Cin7DocumentLine[] | null | undefined;
  readonly charges?: boolean;
}

/** Invoice / credit-note line groups that carry an `Account` (order and quote lines have none). */
export function accountLineGroups(document: CheckedDocument): LineGroup[] {
  const groups: LineGroup[] = [];
  if (document.kind === 'sale') {
    for (const invoice of document.sale.Invoices ?? []) {
      if (isVoided(invoice.Status)) continue;
      const where = `invoice ${invoice.InvoiceNumber?.trim() || '(unnumbered)'}`;
      groups.push({ where, lines: invoice.Lines }, { where, lines: invoice.AdditionalCharges, charges: true });
    }
    for (const note of document.sale.CreditNotes ?? []) {
      if (isVoided(note.Status)) continue;
      const where = `credit note ${note.CreditNoteNumber?.trim() || '(unnumbered)'}`;
      groups.push({ where, lines: note.Lines }, { where, lines: note.AdditionalCharges, charges: true });
    }
  } else {
    const { Invoice: invoice, CreditNote: note } = document.purchase;
    if (invoice && !isVoided(invoice.Status)) {
      const where = `bill ${invoice.InvoiceNumber?.trim() || '(unnumbered)'}`;
      groups.push({ where, lines: invoice.Lines }, { where, lines: invoice.AdditionalCharges, charges: true });
    }
    if (note && !isVoided(note.Status)) groups.push({ where: `credit note ${note.CreditNoteNumber?.trim() || '(unnumbered)'}`, lines: note.Lines });
  }
  return groups;
}

/** OVERRIDE_ACCOUNT_* for a document's header account and its lines' accounts. */
export function checkDocumentOverrides(document: CheckedDocument, ctx: AuditContext, out: Finding[]): void {
  let owner: OverrideOwner | null = null;
  const lazyOwner = (): OverrideOwner => {
    const id = documentId(document);
    return (owner ??= { kind: document.kind, key: id, label: documentLabel(document), fix: () => cin7RecordLink(document.kind, id) });
  };
  const linePurpose = document.kind === 'sale' ? 'revenue' : 'purchaseLine';
  // A document's account that Xero does not have (or archived) fails its sync: the finding names Xero's message.
  const check = (field: string | (() => string), code: string | null | undefined, purpose: OverridePurpose) => {
    const before = out.length;
    checkOverride(ctx, lazyOwner, field, code, purpose, out);
    const finding = out[before];
    if (!code || finding?.code !== 'OVERRIDE_ACCOUNT_INVALID') return;
    const trimmed = code.trim();
    const message = ctx.findAccount(trimmed) ? XERO_MESSAGES.accountArchived(trimmed) : XERO_MESSAGES.accountInvalidForDocument(trimmed);
    finding.message = finding.message.replace(/, so Xero will reject what posts there\./, `, so Xero will reject what posts there${xeroSays(message)}.`);
  };
  if (document.kind === 'sale') check('sale account', document.sale.DefaultAccount, 'revenue');
  else check('inventory account', document.purchase.InventoryAccount, 'inventory');
  for (const group of accountLineGroups(document)) {
    const lines = group.lines ?? [];
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index];
      if (!line?.Account) continue;
      const field = () => {
        const sku = line.SKU?.trim();
        return `${group.where} ${group.charges ? 'additional charge' : 'line'} ${index + 1}${sku ? ` (${sku})` : ''} account`;
      };
      check(field, line.Account, linePurpose);
    }
  }
}
