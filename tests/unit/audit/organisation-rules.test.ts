// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { findingsOf, rawAccount, runAudit, snapshotWith, xeroAccount, xeroDate } from './fixtures';

type Raw = Record<string, unknown>;

describe('ACCOUNT_WITHOUT_CODE / BANK_ACCOUNT_WITHOUT_CODE', () => {
  it('warns about an active account without a code', () => {
    const findings = findingsOf(snapshotWith((raw) => (raw.xero.accounts as Raw[]).push(xeroAccount(null, 'Freight', 'EXPENSE', { AccountID: 'acc-f' }))), 'ACCOUNT_WITHOUT_CODE');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', subject: { kind: 'account', key: 'acc-f', label: 'Freight' } });
  });

  it('is an error for a bank account without a code, and does not double-report it', () => {
    const snapshot = snapshotWith((raw) => (raw.xero.accounts as Raw[]).push(xeroAccount('  ', 'Savings', 'BANK', { AccountID: 'acc-s' })));
    expect(findingsOf(snapshot, 'BANK_ACCOUNT_WITHOUT_CODE').map((f) => [f.severity, f.subject.key])).toEqual([['error', 'acc-s']]);
    expect(findingsOf(snapshot, 'BANK_ACCOUNT_WITHOUT_CODE')[0]?.fix?.url).toContain(encodeURIComponent('/Bank/BankAccounts.aspx'));
    expect(findingsOf(snapshot, 'ACCOUNT_WITHOUT_CODE')).toEqual([]);
  });

  it('ignores archived accounts and coded ones', () => {
    const snapshot = snapshotWith((raw) => {
      (raw.xero.accounts as Raw[]).push(xeroAccount(null, 'Old', 'EXPENSE', { Status: 'ARCHIVED' }), xeroAccount(null, 'Old bank', 'BANK', { Status: 'ARCHIVED' }));
    });
    expect(findingsOf(snapshot, 'ACCOUNT_WITHOUT_CODE')).toEqual([]);
    expect(findingsOf(snapshot, 'BANK_ACCOUNT_WITHOUT_CODE')).toEqual([]);
  });
});

describe('TRACKED_INVENTORY', () => {
  it('is an error per tracked item, linked to Products and services', () => {
    const findings = findingsOf(snapshotWith((raw) => ((raw.xero.items as Raw[])[0]!.IsTrackedAsInventory = true)), 'TRACKED_INVENTORY');
    expect(findings.map((f) => [f.severity, f.subject.kind, f.subject.key])).toEqual([['error', 'item', 'WIDGET']]);
    expect(findings[0]?.fix?.url).toBe(`https://go.xero.com/organisationlogin/default.aspx?shortcode=!AbC12&redirecturl=${encodeURIComponent('/Accounts/Inventory/#mg-target=item:WIDGET')}`);
  });

  it('says nothing about untracked items', () => {
    expect(findingsOf(snapshotWith(), 'TRACKED_INVENTORY')).toEqual([]);
  });

  it('gives the quantity and value to re-create as opening stock in Cin7 Core before untracking', () => {
    const tracked = (extra: Raw) => findingsOf(snapshotWith((raw) => Object.assign((raw.xero.items as Raw[])[0]!, { IsTrackedAsInventory: true }, extra)), 'TRACKED_INVENTORY')[0]!.message;
    expect(tracked({ QuantityOnHand: 12, TotalCostPool: 1534.5 })).toMatch(
      /It holds 12 on hand, worth AUD 1,534\.50 at average cost in Xero\. First re-create that stock in Cin7 Core as opening stock \(the same quantity and cost\), then remove it in Xero and turn off "Track inventory item"/,
    );
    expect(tracked({ QuantityOnHand: 0, TotalCostPool: 0 })).toMatch(/holds no stock in Xero, so there is no opening stock to move/);
    expect(tracked({})).toMatch(/Check its quantity on hand in Xero first: any stock must be re-created in Cin7 Core as opening stock/);
  });
});

describe('BASE_CURRENCY_MISMATCH', () => {
  it('is an error when the base currencies differ', () => {
    const findings = findingsOf(snapshotWith((raw) => ((raw.cin7.me as Raw).Currency = 'NZD')), 'BASE_CURRENCY_MISMATCH');
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toMatch(/NZD.*AUD/);
  });

  it('ignores case and spacing', () => {
    expect(findingsOf(snapshotWith((raw) => ((raw.cin7.me as Raw).Currency = ' aud ')), 'BASE_CURRENCY_MISMATCH')).toEqual([]);
  });
});

describe('CURRENCY_NOT_ENABLED', () => {
  it('is one error per currency naming its customers and suppliers', () => {
    const snapshot = snapshotWith((raw) => {
      (raw.cin7.customers as Raw[]).push({ Name: 'Zeta', Currency: 'EUR' }, { Name: 'Alpha', Currency: 'eur' });
      (raw.cin7.suppliers as Raw[]).push({ Name: 'Maker', Currency: 'EUR' }, { Name: 'Yen Co', Currency: 'JPY' });
    });
    const findings = findingsOf(snapshot, 'CURRENCY_NOT_ENABLED');
    expect(findings.map((f) => f.subject.key)).toEqual(['EUR', 'JPY']);
    expect(findings[0]?.message).toMatch(/^2 customers \(Alpha and Zeta\) and 1 supplier \(Maker\) trade in EUR/);
    expect(findings[1]?.message).toMatch(/^1 supplier \(Yen Co\) trades in JPY/);
  });

  it('accepts enabled currencies, the base currency and deprecated contacts', () => {
    const snapshot = snapshotWith((raw) => {
      raw.xero.currencies = [{ Code: 'USD' }];
      (raw.cin7.customers as Raw[]).push({ Name: 'US', Currency: 'USD' }, { Name: 'Home', Currency: 'AUD' }, { Name: 'Gone', Currency: 'EUR', Status: 'Deprecated' });
    });
    expect(findingsOf(snapshot, 'CURRENCY_NOT_ENABLED')).toEqual([]);
  });

  it('needs Xero currencies and at least one contact list', () => {
    const result = runAudit(snapshotWith((raw) => {
      delete raw.cin7.customers;
      delete raw.cin7.suppliers;
    }));
    expect(result.coverage.find((entry) => entry.check === 'currency-enabled')).toMatchObject({ ran: false });
  });
});

describe('LOCK_DATE_NOT_SET', () => {
  it('is an info when neither app has a lock date', () => {
    const findings = findingsOf(
      snapshotWith((raw) => {
        delete (raw.xero.organisation as Raw).PeriodLockDate;
        (raw.cin7.me as Raw).LockDate = null;
      }),
      'LOCK_DATE_NOT_SET',
    );
    expect(findings.map((f) => [f.severity, f.fix?.url])).toEqual([
      ['info', `https://go.xero.com/organisationlogin/default.aspx?shortcode=!AbC12&redirecturl=${encodeURIComponent('/Setup/FinancialSettings.aspx')}`],
    ]);
    // What setting (moving) a lock date also changes, in both apps.
    expect(findings[0]?.message).toMatch(/Moving Xero’s lock date also changes who can work in that period: .*only an adviser can move it again.*refused/);
    expect(findings[0]?.message).toContain('Moving Cin7 Core’s lock date also stops');
  });

  it('counts only period lock dates: an end-of-year lock alone still leaves recent months open', () => {
    const findings = findingsOf(
      snapshotWith((raw) => {
        delete (raw.xero.organisation as Raw).PeriodLockDate;
        (raw.xero.organisation as Raw).EndOfYearLockDate = xeroDate('2025-03-31');
        (raw.cin7.me as Raw).LockDate = null;
      }),
      'LOCK_DATE_NOT_SET',
    );
    expect(findings).toHaveLength(1);
  });

  it('says nothing when either app has one', () => {
    expect(findingsOf(snapshotWith((raw) => delete (raw.xero.organisation as Raw).PeriodLockDate), 'LOCK_DATE_NOT_SET')).toEqual([]);
    expect(findingsOf(snapshotWith((raw) => ((raw.cin7.me as Raw).LockDate = null)), 'LOCK_DATE_NOT_SET')).toEqual([]);
  });
});

describe('LOCK_DATE_MISALIGNED', () => {
  it("warns when Cin7's lock date is earlier than Xero's later lock date", () => {
    const findings = findingsOf(
      snapshotWith((raw) => {
        (raw.xero.organisation as Raw).EndOfYearLockDate = xeroDate('2025-03-31');
        (raw.cin7.me as Raw).LockDate = '2025-01-31T00:00:00';
      }),
      'LOCK_DATE_MISALIGNED',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe('warning');
    expect(findings[0]?.message).toContain("Cin7 Core's lock date 2025-01-31 is earlier than Xero's end-of-year lock date 2025-03-31");
    // What moving Cin7 Core's lock date also changes (Financial settings; Xero Integration FAQs).
    expect(findings[0]?.message).toMatch(/also stops anyone adding, editing or deleting Cin7 Core transactions dated before it.*payments made in Xero against invoices dated before it no longer update those invoices in Cin7 Core.*Load Historical Data/);
    expect(findings[0]?.source?.url).toContain('Financial-settings');
  });

  it('warns when Cin7 has no lock date but Xero has one', () => {
    expect(findingsOf(snapshotWith((raw) => ((raw.cin7.me as Raw).LockDate = null)), 'LOCK_DATE_MISALIGNED')).toHaveLength(1);
  });

  it('is fine when Cin7 locks the same day or later, or Xero has none', () => {
    expect(findingsOf(snapshotWith(), 'LOCK_DATE_MISALIGNED')).toEqual([]);
    expect(findingsOf(snapshotWith((raw) => ((raw.cin7.me as Raw).LockDate = '2025-02-01T00:00:00')), 'LOCK_DATE_MISALIGNED')).toEqual([]);
    expect(findingsOf(snapshotWith((raw) => delete (raw.xero.organisation as Raw).PeriodLockDate), 'LOCK_DATE_MISALIGNED')).toEqual([]);
  });

  it("applies Xero's date offset: /Date(…+1300)/ is the next calendar day", () => {
    // 2024-12-31T11:00Z + 13h = 2025-01-01 local.
    const findings = findingsOf(
      snapshotWith((raw) => ((raw.xero.organisation as Raw).PeriodLockDate = `/Date(${Date.parse('2024-12-31T11:00:00Z')}+1300)/`)),
      'LOCK_DATE_MISALIGNED',
    );
    expect(findings[0]?.message).toContain('2025-01-01');
  });
});

describe('DOCUMENT_IN_LOCKED_PERIOD', () => {
  it('reports invoices, credit notes and shipments dated on or before the lock date', () => {
    const snapshot = snapshotWith((raw) => {
      raw.cin7.sales = [
        {
          ID: 'S1',
          Customer: 'Acme Ltd',
          Invoices: [{ InvoiceNumber: 'INV-9', InvoiceDate: '2024-12-31T00:00:00' }],
          CreditNotes: [{ CreditNoteNumber: 'CR-1', CreditNoteDate: '2024-06-01T00:00:00' }],
          Fulfilments: [{ Ship: { Lines: [{ ShipmentDate: '2024-12-30T00:00:00' }] } }],
        },
      ];
      raw.cin7.purchases = [{ ID: 'P1', Supplier: 'Parts Pty', Invoice: { InvoiceNumber: 'B-9', InvoiceDate: '2024-01-01T00:00:00' } }];
    });
    const findings = findingsOf(snapshot, 'DOCUMENT_IN_LOCKED_PERIOD');
    expect(findings.map((f) => [f.severity, f.subject.kind, f.subject.key])).toEqual([
      ['error', 'purchase', 'P1'],
      ['error', 'sale', 'S1'],
    ]);
    const sale = findings[1]!;
    expect(sale.message).toContain('invoice INV-9 dated 2024-12-31');
    expect(sale.message).toContain('credit note CR-1 dated 2024-06-01');
    expect(sale.message).toContain('shipment (COGS journal) dated 2024-12-30');
    expect(sale.fix?.url).toBe('https://inventory.dearsystems.com/Sale#S1');
    expect(findings[0]?.fix?.url).toBe('https://inventory.dearsystems.com/Purchase#P1');
  });

  it('uses the later of the period and end-of-year lock dates', () => {
    const snapshot = snapshotWith((raw) => {
      (raw.xero.organisation as Raw).EndOfYearLockDate = xeroDate('2025-02-15');
    });
    // The healthy sale (2025-02-01) and purchase (2025-03-01): only the sale is now locked.
    expect(findingsOf(snapshot, 'DOCUMENT_IN_LOCKED_PERIOD').map((f) => f.subject.key)).toEqual(['sale-1']);
  });

  it('ignores voided documents and documents dated after the lock', () => {
    const snapshot = snapshotWith((raw) => {
      raw.cin7.sales = [{ ID: 'S2', Invoices: [{ InvoiceNumber: 'V', InvoiceDate: '2024-01-01', Status: 'VOIDED' }, { InvoiceNumber: 'OK', InvoiceDate: '2025-01-01' }] }];
    });
    expect(findingsOf(snapshot, 'DOCUMENT_IN_LOCKED_PERIOD')).toEqual([]);
  });
});

describe('TAX_RULE_ACCOUNT_INVALID', () => {
  const withRules = (rules: Raw[]) => snapshotWith((raw) => (raw.cin7.taxRules = rules));

  it('reports missing, unknown, archived and non-liability accounts', () => {
    const snapshot = snapshotWith((raw) => {
      rawAccount(raw, '830').Status = 'ARCHIVED';
      raw.cin7.taxRules = [
        { Name: 'No account', Account: '' },
        { Name: 'Unknown', Account: '555' },
        { Name: 'Archived', Account: '830' },
        { Name: 'Revenue', Account: '200' },
        { Name: 'Component', Account: '820', Components: [{ Name: 'Extra', AccountCode: '1400' }] },
      ];
      setMappingRow(raw, 'Tax Liability', '820'); // keep the archived account out of the mapping checks
    });
    const findings = findingsOf(snapshot, 'TAX_RULE_ACCOUNT_INVALID');
    expect(findings.map((f) => f.subject.key)).toEqual(['Archived', 'Component', 'No account', 'Revenue', 'Unknown']);
    expect(findings.every((f) => f.severity === 'error' && f.subject.kind === 'taxRule')).toBe(true);
    expect(findings.find((f) => f.subject.key === 'Component')?.message).toContain('component "Extra" posting to 1400 Inventory Control');
  });

  it('accepts active liability accounts and skips inactive rules', () => {
    expect(findingsOf(withRules([{ Name: 'GST', Account: '820' }, { Name: 'Old', Account: '', IsActive: false }]), 'TAX_RULE_ACCOUNT_INVALID')).toEqual([]);
  });
});

function setMappingRow(raw: { cin7: Raw }, label: string, account: string) {
  const rows = (raw.cin7.mapping as { rows: Array<{ label: string; account: string }> }).rows;
  const row = rows.find((candidate) => candidate.label === label);
  if (row) row.account = account;
}
