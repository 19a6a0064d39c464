// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { auditDocument } from '../../../utils/audit';
import type { Snapshot } from '../../../utils/schemas';
import { snapshotWith, TODAY, xeroDate } from './fixtures';

type Raw = Record<string, unknown>;

const saleOf = (snapshot: Snapshot, id: string) => {
  const sale = snapshot.cin7?.sales?.find((candidate) => candidate.ID === id);
  if (!sale) throw new Error(`no sale ${id}`);
  return sale;
};

describe('auditDocument', () => {
  it('says where each sale line posts and which level decided', () => {
    const snapshot = snapshotWith((raw) => {
      (raw.cin7.sales as Raw[]).push({
        ID: 'S2',
        CustomerID: 'c1',
        DefaultAccount: '',
        Invoices: [
          {
            InvoiceNumber: 'INV-2',
            InvoiceDate: '2025-05-01',
            Lines: [
              { SKU: 'WIDGET', ProductID: 'p1' }, // product revenue 200, product COGS 310, product inventory 1400
              { SKU: 'PLAIN', Account: '' }, // no product accounts → customer revenue 260, mapped COGS / inventory
              { SKU: 'FITTING', Account: '200' }, // service: revenue only, from the line
            ],
            AdditionalCharges: [{ Account: '' }],
          },
        ],
      });
    });
    const result = auditDocument({ kind: 'sale', sale: saleOf(snapshot, 'S2') }, snapshot, { today: TODAY });
    const summary = result.lines.map((line) => [line.sku, line.charge, line.postings.map((p) => `${p.role}:${p.code}@${p.level}`)]);
    expect(summary).toEqual([
      ['WIDGET', false, ['defaultRevenue:200@product', 'cogs:310@product', 'inventoryControl:1400@product']],
      ['PLAIN', false, ['defaultRevenue:260@contact', 'cogs:310@default', 'inventoryControl:1400@default']],
      ['FITTING', false, ['defaultRevenue:200@line']],
      [null, true, ['defaultRevenue:260@contact']],
    ]);
    expect(result.lines[0]?.postings[0]?.account).toEqual({ code: '200', name: 'Sales', type: 'REVENUE', status: 'ACTIVE' });
    expect(result.contactPosting).toMatchObject({ role: 'accountsReceivable', code: '610', level: 'contact' });
    expect(result.findings).toEqual([]);
    expect(result.xeroLockDate).toEqual({ day: '2024-12-31', which: 'period' });
  });

  it('routes purchase lines of service products to their expense account', () => {
    const snapshot = snapshotWith((raw) => {
      (raw.cin7.purchases as Raw[]).push({
        ID: 'P2',
        Supplier: 'Parts Pty',
        InventoryAccount: '1420',
        Invoice: { InvoiceNumber: 'B-2', InvoiceDate: '2025-05-01', Lines: [{ SKU: 'FITTING' }, { SKU: 'PLAIN' }, { SKU: 'UNKNOWN', Account: '1440' }] },
      });
    });
    const purchase = snapshot.cin7!.purchases!.find((candidate) => candidate.ID === 'P2')!;
    const result = auditDocument({ kind: 'purchase', purchase }, snapshot, { today: TODAY });
    expect(result.lines.map((line) => line.postings.map((p) => `${p.role}:${p.code}@${p.level}`))).toEqual([
      ['serviceExpense:429@product'],
      ['inventoryControl:1420@header'],
      ['inventoryControl:1440@line'],
    ]);
    expect(result.contactPosting).toMatchObject({ role: 'accountsPayable', code: '800', level: 'contact' });
  });

  it('reports the locked period and invalid accounts of the document, its products and its contact', () => {
    const snapshot = snapshotWith((raw) => {
      (raw.xero.organisation as Raw).EndOfYearLockDate = xeroDate('2025-03-31');
      const product = (raw.cin7.products as Raw[]).find((candidate) => candidate.SKU === 'WIDGET')!;
      product.COGSAccount = '477';
      (raw.cin7.customers as Raw[])[0]!.AccountReceivable = '999';
      (raw.cin7.sales as Raw[]).push({
        ID: 'S3',
        CustomerID: 'c1',
        Invoices: [{ InvoiceNumber: 'INV-3', InvoiceDate: '2025-03-31', Lines: [{ SKU: 'WIDGET', Account: '1400' }] }],
        CreditNotes: [{ CreditNoteNumber: 'CR-3', CreditNoteDate: '2025-04-01', Lines: [] }],
      });
    });
    const result = auditDocument({ kind: 'sale', sale: saleOf(snapshot, 'S3') }, snapshot, { today: TODAY });
    // Each dated part, flagged when the lock date (inclusive) refuses it: what the sale page's line badges use.
    expect(result.datedParts).toEqual([
      { what: 'invoice INV-3', day: '2025-03-31', locked: true },
      { what: 'credit note CR-3', day: '2025-04-01', locked: false },
    ]);
    expect(result.findings.map((f) => [f.code, f.subject.kind, f.subject.key])).toEqual([
      ['DOCUMENT_IN_LOCKED_PERIOD', 'sale', 'S3'],
      ['OVERRIDE_ACCOUNT_INVALID', 'customer', 'Acme Ltd'],
      ['OVERRIDE_ACCOUNT_INVALID', 'product', 'WIDGET'],
      ['OVERRIDE_ACCOUNT_TYPE', 'sale', 'S3'],
    ]);
    expect(result.findings[0]?.message).toContain("end-of-year lock date 2025-03-31");
    expect(result.findings[0]?.message).toMatch(/ask a Xero adviser to move the lock date\. Moving Xero’s lock date also changes who can work in that period/);
    const cogs = result.lines[0]?.postings.find((p) => p.role === 'cogs');
    expect(cogs).toMatchObject({ code: '477', level: 'product', account: { status: 'ARCHIVED' } });
    // Each posting decided by a record's own field carries the override check's judgement (the line badges show it).
    expect(cogs?.problem).toMatchObject({ severity: 'error', text: expect.stringContaining('archived in Xero') });
    const revenue = result.lines[0]?.postings.find((p) => p.role === 'defaultRevenue');
    expect(revenue).toMatchObject({ code: '1400', level: 'line', problem: { severity: 'warning' } });
    expect(result.lines[0]?.postings.find((p) => p.role === 'inventoryControl')?.problem).toBeUndefined();
  });

  it('works without a mapping or a chart: postings fall back to what the records say', () => {
    const snapshot = snapshotWith((raw) => {
      raw.cin7.mapping = null;
      delete raw.xero.accounts;
    });
    const result = auditDocument({ kind: 'sale', sale: saleOf(snapshot, 'sale-1') }, snapshot, { today: TODAY });
    expect(result.lines[0]?.postings.map((p) => [p.role, p.code, p.level, p.account])).toEqual([
      ['defaultRevenue', '200', 'line', null],
      ['cogs', '310', 'product', null],
      ['inventoryControl', '1400', 'product', null],
    ]);
    expect(result.findings).toEqual([]);
  });
});

describe('documentLabel', () => {
  it('names a sale by its order number in the shape GET sale sends (Order.SaleOrderNumber) and the list shape', async () => {
    const { documentLabel } = await import('../../../utils/audit/documents');
    const base = { ID: 'a1', Customer: 'Kea Outfitters' };
    expect(documentLabel({ kind: 'sale', sale: { ...base, Order: { SaleOrderNumber: 'SO-00042' } } })).toBe('Sale SO-00042 (Kea Outfitters)');
    expect(documentLabel({ kind: 'sale', sale: { ...base, OrderNumber: 'SO-00043' } })).toBe('Sale SO-00043 (Kea Outfitters)');
    expect(documentLabel({ kind: 'sale', sale: { ID: 'a2', Invoices: [{ InvoiceNumber: 'INV-7' }] } })).toBe('Sale INV-7');
  });
});
