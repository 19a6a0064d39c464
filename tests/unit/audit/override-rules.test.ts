// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { findingsOf, rawAccount, runAudit, snapshotWith } from './fixtures';

type Raw = Record<string, unknown>;

describe('OVERRIDE_ACCOUNT_INVALID', () => {
  it('reports product, customer, supplier, document and line accounts that are unknown or archived', () => {
    const snapshot = snapshotWith((raw) => {
      (raw.cin7.products as Raw[]).push({ ID: 'p7', SKU: 'BAD', Name: 'Bad', RevenueAccount: '999' });
      (raw.cin7.customers as Raw[]).push({ ID: 'c7', Name: 'Old Customer', AccountReceivable: '477' });
      (raw.cin7.suppliers as Raw[]).push({ ID: 's7', Name: 'Lost Supplier', AccountPayable: '998' });
      (raw.cin7.sales as Raw[]).push({ ID: 'S7', DefaultAccount: '997', Invoices: [{ InvoiceNumber: 'I7', Lines: [{ SKU: 'WIDGET', Account: '477' }] }] });
      (raw.cin7.purchases as Raw[]).push({ ID: 'P7', Invoice: { InvoiceNumber: 'B7', AdditionalCharges: [{ Account: '996' }] } });
    });
    const findings = findingsOf(snapshot, 'OVERRIDE_ACCOUNT_INVALID');
    expect(findings.map((f) => [f.subject.kind, f.subject.key])).toEqual([
      ['customer', 'Old Customer'],
      ['product', 'BAD'],
      ['purchase', 'P7'],
      ['sale', 'S7'],
      ['sale', 'S7'],
      ['supplier', 'Lost Supplier'],
    ]);
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
    const product = findings.find((f) => f.subject.key === 'BAD');
    expect(product?.fix?.url).toBe('https://inventory.dearsystems.com/Product#p7');
    expect(findings.find((f) => f.subject.key === 'P7')?.message).toContain('bill B7 additional charge 1 account set to 996');
    expect(findings.filter((f) => f.subject.key === 'S7').map((f) => f.message).join(' ')).toMatch(/invoice I7 line 1 \(WIDGET\) account set to 477 Old Sales, which is archived/);
  });

  it('treats an empty override as "use the default", and skips deprecated records', () => {
    const snapshot = snapshotWith((raw) => {
      (raw.cin7.products as Raw[]).push({ SKU: 'EMPTY', RevenueAccount: '', InventoryAccount: null }, { SKU: 'OLD', Status: 'Deprecated', RevenueAccount: '999' });
    });
    expect(findingsOf(snapshot, 'OVERRIDE_ACCOUNT_INVALID')).toEqual([]);
  });
});

describe('OVERRIDE_ACCOUNT_TYPE', () => {
  it('warns about the wrong class for the purpose', () => {
    const snapshot = snapshotWith((raw) => {
      (raw.cin7.products as Raw[]).push({ ID: 'p5', SKU: 'MIX', RevenueAccount: '1400', COGSAccount: '200', InventoryAccount: '429', ExpenseAccount: '800' });
      (raw.cin7.customers as Raw[]).push({ Name: 'Backwards', AccountReceivable: '800', RevenueAccount: '310' });
      (raw.cin7.suppliers as Raw[]).push({ Name: 'Sideways', AccountPayable: '610' });
    });
    const findings = findingsOf(snapshot, 'OVERRIDE_ACCOUNT_TYPE');
    expect(findings.map((f) => [f.subject.kind, f.subject.key, f.severity])).toEqual([
      ['customer', 'Backwards', 'warning'],
      ['customer', 'Backwards', 'warning'],
      ['product', 'MIX', 'warning'],
      ['product', 'MIX', 'warning'],
      ['product', 'MIX', 'warning'],
      ['product', 'MIX', 'warning'],
      ['supplier', 'Sideways', 'warning'],
    ]);
  });

  it("is an error for Xero's INVENTORY type", () => {
    const findings = findingsOf(snapshotWith((raw) => (raw.cin7.products as Raw[]).push({ SKU: 'INV', InventoryAccount: '630' })), 'OVERRIDE_ACCOUNT_TYPE');
    expect(findings.map((f) => [f.severity, f.subject.key])).toEqual([['error', 'INV']]);
  });

  it('accepts the right classes (COGS on any expense type, purchase lines on inventory or expense)', () => {
    const snapshot = snapshotWith((raw) => {
      (raw.cin7.products as Raw[]).push({ SKU: 'OK', COGSAccount: '429', RevenueAccount: '260', InventoryAccount: '1420' });
      (raw.cin7.purchases as Raw[]).push({ ID: 'P8', InventoryAccount: '1400', Invoice: { Lines: [{ Account: '429' }, { Account: '1400' }] } });
    });
    expect(findingsOf(snapshot, 'OVERRIDE_ACCOUNT_TYPE')).toEqual([]);
  });

  it('flags a sale line posting revenue to an asset', () => {
    const snapshot = snapshotWith((raw) => ((raw.cin7.sales as Array<{ Invoices: Array<{ Lines: Raw[] }> }>)[0]!.Invoices[0]!.Lines[0]!.Account = '1400'));
    expect(findingsOf(snapshot, 'OVERRIDE_ACCOUNT_TYPE').map((f) => [f.subject.kind, f.subject.key])).toEqual([['sale', 'sale-1']]);
  });

  it('reports what it could not check without the Xero chart', () => {
    const result = runAudit(snapshotWith((raw) => delete raw.xero.accounts));
    for (const check of ['override-products', 'override-customers', 'override-suppliers', 'override-sales', 'override-purchases']) {
      expect(result.coverage.find((entry) => entry.check === check)).toMatchObject({ ran: false, reason: 'Xero chart of accounts not available' });
    }
  });
});

describe('SERVICE_PRODUCT_NO_EXPENSE_ACCOUNT', () => {
  it('warns about a service product without an expense account', () => {
    const findings = findingsOf(snapshotWith((raw) => (raw.cin7.products as Raw[]).push({ ID: 'p6', SKU: 'SVC', Name: 'Install', Type: 'service', ExpenseAccount: ' ' })), 'SERVICE_PRODUCT_NO_EXPENSE_ACCOUNT');
    expect(findings.map((f) => [f.severity, f.subject.key])).toEqual([['warning', 'SVC']]);
    expect(findings[0]?.fix?.url).toBe('https://inventory.dearsystems.com/Product#p6&mg-target=field:ExpenseAccount');
  });

  it('ignores stock products and service products that have one', () => {
    const snapshot = snapshotWith((raw) => {
      (raw.cin7.products as Raw[]).push({ SKU: 'STOCK', Type: 'Stock' });
      rawAccount(raw, '429').Name = 'General Expenses';
    });
    expect(findingsOf(snapshot, 'SERVICE_PRODUCT_NO_EXPENSE_ACCOUNT')).toEqual([]);
  });
});
