// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { findingsOf, rawAccount, removeMappingRow, runAudit, setMappingRow, snapshotWith } from './fixtures';

const MAPPING_BASED = ['MAPPING_MISSING', 'MAPPING_NOT_UNIQUE', 'ACCOUNT_NOT_FOUND', 'ACCOUNT_ARCHIVED', 'ACCOUNT_TYPE_MISMATCH', 'PAYMENTS_NOT_ENABLED', 'PAYMENTS_ENABLED', 'SYSTEM_ACCOUNT_MAPPED'];

describe('MAPPING_UNKNOWN', () => {
  it('reports one organisation-level info and no mapping-based finding when the mapping was never read', () => {
    for (const mapping of [null, undefined]) {
      const snapshot = snapshotWith((raw) => {
        raw.cin7.mapping = mapping;
        // Would be an error if the mapping were known and pointed at them.
        rawAccount(raw, '1400').Status = 'ARCHIVED';
      });
      const result = runAudit(snapshot);
      const unknown = result.findings.filter((f) => f.code === 'MAPPING_UNKNOWN');
      expect(unknown).toHaveLength(1);
      expect(unknown[0]).toMatchObject({ severity: 'info', subject: { kind: 'organisation', key: 'organisation' }, fix: { app: 'cin7' } });
      expect(result.findings.filter((f) => MAPPING_BASED.includes(f.code))).toEqual([]);
      const skipped = result.coverage.filter((entry) => !entry.ran).map((entry) => entry.check);
      expect(skipped).toEqual(expect.arrayContaining(['mapping-missing', 'mapped-account-exists', 'mapped-account-type']));
      expect(result.coverage.find((entry) => entry.check === 'mapped-account-type')?.reason).toMatch(/account mapping not read/);
    }
  });

  // Issue #14: only rows the page hides until their feature is enabled may be unknown (formerly any absent row was).
  it('reports a feature row the page hides (the feature is on, the row was not read) as unknown', () => {
    const findings = findingsOf(snapshotWith((raw) => (raw.cin7.features = { giftCards: true })), 'MAPPING_UNKNOWN');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'info', subject: { kind: 'role', key: 'giftCardLiability' } });
    // Issue #13: Account Mapping has no published URL: the sourced Settings page, the page named for the learned URL.
    expect(findings[0]?.fix).toMatchObject({ url: 'https://inventory.dearsystems.com/Settings#mg-target=role:giftCardLiability', page: 'accountMapping' });
  });

  it('reports a required row the page always shows, absent from a mapping that was read, as MAPPING_MISSING', () => {
    const snapshot = snapshotWith((raw) => removeMappingRow(raw, 'Cost of Goods Sold'));
    expect(findingsOf(snapshot, 'MAPPING_UNKNOWN')).toEqual([]);
    const missing = findingsOf(snapshot, 'MAPPING_MISSING');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ severity: 'error', subject: { kind: 'role', key: 'cogs' }, cause: 'role:cogs' });
    expect(missing[0]?.message).toMatch(/has no Cost of Goods Sold row/);
  });

  it('requires Realised Currency Gains when several currencies are in use, even without its row', () => {
    const snapshot = snapshotWith((raw) => {
      (raw.cin7.customers as Array<Record<string, unknown>>).push({ ID: 'c2', Name: 'Yankee Inc', Currency: 'USD' });
      removeMappingRow(raw, 'Realised Currency Gains');
    });
    expect(findingsOf(snapshot, 'MAPPING_UNKNOWN')).toEqual([]);
    expect(findingsOf(snapshot, 'MAPPING_MISSING').map((f) => f.subject.key)).toEqual(['realizedCurrencyGains']);
  });

  it('says nothing when every required row is there, and nothing about absent optional rows', () => {
    expect(findingsOf(snapshotWith(), 'MAPPING_UNKNOWN')).toEqual([]);
  });

  it('asks for feature rows when the feature is on but the page showed none', () => {
    const findings = findingsOf(snapshotWith((raw) => (raw.cin7.features = { inventoryAccrual: true, giftCards: true })), 'MAPPING_UNKNOWN');
    expect(findings.map((f) => f.subject.key).sort()).toEqual(['giftCardLiability', 'inventoryAccrual', 'stockInTransit']);
  });
});

describe('MAPPING_MISSING', () => {
  it('is an error when a required row is there with no account', () => {
    const findings = findingsOf(snapshotWith((raw) => setMappingRow(raw, 'Inventory Control', '')), 'MAPPING_MISSING');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', subject: { kind: 'role', key: 'inventoryControl', label: 'Inventory Control' } });
    expect(findings[0]?.message).toMatch(/Inventory Control is not mapped.*Current Asset/);
    expect(findings[0]?.fix?.url).toContain('/Settings#mg-target=role:inventoryControl');
  });

  it('treats a placeholder or null account as not mapped', () => {
    expect(findingsOf(snapshotWith((raw) => setMappingRow(raw, 'Inventory Control', null)), 'MAPPING_MISSING')).toHaveLength(1);
    expect(findingsOf(snapshotWith((raw) => setMappingRow(raw, 'Inventory Control', 'Select account…')), 'MAPPING_MISSING')).toHaveLength(1);
  });

  it('requires the inventory accrual roles when their rows are on the page, even if features say nothing', () => {
    const snapshot = snapshotWith((raw) => {
      raw.cin7.features = {};
      setMappingRow(raw, 'Inventory Accrual (Goods Received, Not Invoiced)', '');
      setMappingRow(raw, 'Stock in Transit (Goods Invoiced, Not Received)', '1460: Stock in Transit');
    });
    expect(findingsOf(snapshot, 'MAPPING_MISSING').map((f) => f.subject.key)).toEqual(['inventoryAccrual']);
    expect(findingsOf(snapshot, 'MAPPING_UNKNOWN')).toEqual([]);
  });

  it('requires gift card liability when gift cards are enabled', () => {
    const snapshot = snapshotWith((raw) => {
      raw.cin7.features = { giftCards: true };
      setMappingRow(raw, 'Gift Card Liability', '');
    });
    expect(findingsOf(snapshot, 'MAPPING_MISSING').map((f) => f.subject.key)).toEqual(['giftCardLiability']);
  });

  it('requires realized currency gains once a customer trades in another currency', () => {
    const multi = snapshotWith((raw) => {
      (raw.cin7.customers as Array<Record<string, unknown>>).push({ ID: 'c2', Name: 'Yankee Inc', Currency: 'USD' });
      setMappingRow(raw, 'Realised Currency Gains', '');
    });
    const findings = findingsOf(multi, 'MAPPING_MISSING');
    expect(findings.map((f) => f.subject.key)).toEqual(['realizedCurrencyGains']);
    expect(findings[0]?.message).toContain('USD');
    // Single currency: the same empty row is fine (the role is optional then).
    const single = snapshotWith((raw) => setMappingRow(raw, 'Realised Currency Gains', ''));
    expect(findingsOf(single, 'MAPPING_MISSING')).toEqual([]);
  });

  it('does not require optional roles left empty', () => {
    const snapshot = snapshotWith((raw) => {
      setMappingRow(raw, 'Payment Clearing', '');
      setMappingRow(raw, 'Current Year Profits', '');
      setMappingRow(raw, 'Unrealized Currency Gains', '');
    });
    expect(findingsOf(snapshot, 'MAPPING_MISSING')).toEqual([]);
  });
});

describe('MAPPING_NOT_UNIQUE', () => {
  it('is one error per shared account naming all its roles', () => {
    const snapshot = snapshotWith((raw) => {
      setMappingRow(raw, 'In Transit', '1420: Work in Progress');
      setMappingRow(raw, 'Inventory Control', '1420');
    });
    const findings = findingsOf(snapshot, 'MAPPING_NOT_UNIQUE');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', subject: { kind: 'account', key: '1420', label: '1420 Work in Progress' } });
    expect(findings[0]?.message).toMatch(/Inventory Control, Work in Progress and In Transit are all mapped to 1420 Work in Progress/);
  });

  it('compares codes without regard to case or spacing', () => {
    const snapshot = snapshotWith((raw) => {
      rawAccount(raw, '200').Code = 'SALES';
      setMappingRow(raw, 'Default Revenue', 'SALES: Sales');
      setMappingRow(raw, 'Current Year Profits', ' sales ');
    });
    expect(findingsOf(snapshot, 'MAPPING_NOT_UNIQUE')).toHaveLength(1);
  });

  it('says nothing when every role has its own account', () => {
    expect(findingsOf(snapshotWith(), 'MAPPING_NOT_UNIQUE')).toEqual([]);
  });
});

describe('ACCOUNT_NOT_FOUND / ACCOUNT_ARCHIVED', () => {
  it('reports a mapped code missing from Xero, and links to the mapping row', () => {
    const findings = findingsOf(snapshotWith((raw) => setMappingRow(raw, 'Cost of Goods Sold', '999: Gone')), 'ACCOUNT_NOT_FOUND');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', subject: { key: 'cogs' } });
    expect(findings[0]?.message).toContain('999');
  });

  it('reports archived and deleted mapped accounts', () => {
    const snapshot = snapshotWith((raw) => {
      rawAccount(raw, '310').Status = 'ARCHIVED';
      rawAccount(raw, '1410').Status = 'DELETED';
    });
    const findings = findingsOf(snapshot, 'ACCOUNT_ARCHIVED');
    expect(findings.map((f) => f.subject.key).sort()).toEqual(['cogs', 'inventoryDiscrepancy']);
    const archived = findings.find((f) => f.subject.key === 'cogs');
    expect(archived?.fix?.app).toBe('xero');
    expect(archived?.fix?.url).toContain(encodeURIComponent('#mg-target=account:310'));
    // Archived accounts leave Xero's main list: the link opens the chart's Archive tab (research/fidelity.md).
    expect(archived?.fix?.url).toContain(encodeURIComponent('?accountClass=ACCTSTATUS/ARCHIVED'));
  });

  it('says nothing for active mapped accounts, and ignores archived accounts nobody maps', () => {
    const snapshot = snapshotWith(); // 477 Old Sales is archived but unmapped
    expect(findingsOf(snapshot, 'ACCOUNT_NOT_FOUND')).toEqual([]);
    expect(findingsOf(snapshot, 'ACCOUNT_ARCHIVED')).toEqual([]);
  });

  it('does not run without the Xero chart', () => {
    const result = runAudit(snapshotWith((raw) => delete raw.xero.accounts));
    expect(result.findings.filter((f) => f.code === 'ACCOUNT_NOT_FOUND')).toEqual([]);
    expect(result.coverage.find((entry) => entry.check === 'mapped-account-exists')).toMatchObject({ ran: false, reason: 'Xero chart of accounts not available' });
  });
});

describe('ACCOUNT_TYPE_MISMATCH', () => {
  it('is an error for Xero\'s INVENTORY type, with the sentence people read', () => {
    const findings = findingsOf(snapshotWith((raw) => setMappingRow(raw, 'Inventory Control', '630: Inventory')), 'ACCOUNT_TYPE_MISMATCH');
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe('error');
    expect(findings[0]?.message).toMatch(/^Inventory Control is mapped to 630 Inventory, a Xero Inventory account \(type INVENTORY\); Cin7 Core needs a Current Asset account\..*Change the account's type in Xero or map another account\.$/);
  });

  it('is a warning for another type of the same class', () => {
    const findings = findingsOf(snapshotWith((raw) => (rawAccount(raw, '310').Type = 'OVERHEADS')), 'ACCOUNT_TYPE_MISMATCH');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', subject: { key: 'cogs' } });
  });

  it('is an error for a type of another class', () => {
    const snapshot = snapshotWith((raw) => {
      rawAccount(raw, '1420').Type = 'REVENUE';
      rawAccount(raw, '1420').Class = 'REVENUE';
    });
    const findings = findingsOf(snapshot, 'ACCOUNT_TYPE_MISMATCH');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', subject: { key: 'workInProgress' } });
  });

  it('derives the class from the type when Class is absent, and warns on unknown types', () => {
    const derived = snapshotWith((raw) => {
      rawAccount(raw, '1420').Type = 'EXPENSE';
      delete rawAccount(raw, '1420').Class;
    });
    expect(findingsOf(derived, 'ACCOUNT_TYPE_MISMATCH')[0]?.severity).toBe('error');
    const unknown = snapshotWith((raw) => {
      rawAccount(raw, '1420').Type = 'SOMETHINGNEW';
      delete rawAccount(raw, '1420').Class;
    });
    expect(findingsOf(unknown, 'ACCOUNT_TYPE_MISMATCH')[0]?.severity).toBe('warning');
  });

  it('accepts every expected type (inventory accrual: current asset or current liability)', () => {
    const snapshot = snapshotWith((raw) => {
      raw.cin7.features = { inventoryAccrual: true };
      setMappingRow(raw, 'Inventory Accrual', '1450');
      setMappingRow(raw, 'Stock in Transit', '1460');
    });
    expect(findingsOf(snapshot, 'ACCOUNT_TYPE_MISMATCH')).toEqual([]);
  });
});

describe('PAYMENTS_NOT_ENABLED / PAYMENTS_ENABLED', () => {
  it('is an error when a payments role cannot take payments', () => {
    const findings = findingsOf(snapshotWith((raw) => (rawAccount(raw, '1430').EnablePaymentsToAccount = false)), 'PAYMENTS_NOT_ENABLED');
    expect(findings.map((f) => [f.severity, f.subject.key])).toEqual([['error', 'supplierDeposits']]);
  });

  it('is a warning when another role accepts payments', () => {
    const findings = findingsOf(snapshotWith((raw) => (rawAccount(raw, '1400').EnablePaymentsToAccount = true)), 'PAYMENTS_ENABLED');
    expect(findings.map((f) => [f.severity, f.subject.key])).toEqual([['warning', 'inventoryControl']]);
  });

  it('exempts BANK accounts', () => {
    const snapshot = snapshotWith((raw) => {
      rawAccount(raw, '090').EnablePaymentsToAccount = true;
      setMappingRow(raw, 'Payment Clearing', '090');
    });
    expect(findingsOf(snapshot, 'PAYMENTS_ENABLED')).toEqual([]);
  });

  it('says nothing on the healthy set-up', () => {
    expect(findingsOf(snapshotWith(), 'PAYMENTS_NOT_ENABLED')).toEqual([]);
    expect(findingsOf(snapshotWith(), 'PAYMENTS_ENABLED')).toEqual([]);
  });
});

describe('SYSTEM_ACCOUNT_MAPPED', () => {
  it('is an error when a role sits on a system account it may not use', () => {
    const findings = findingsOf(snapshotWith((raw) => setMappingRow(raw, 'Tax Liability', '820: GST')), 'SYSTEM_ACCOUNT_MAPPED');
    expect(findings.map((f) => [f.severity, f.subject.key])).toEqual([['error', 'taxLiability']]);
    expect(findings[0]?.message).toContain('GST system account');
  });

  it('allows each role its own system account', () => {
    const snapshot = snapshotWith((raw) => {
      raw.cin7.customers = [{ Name: 'Yankee', Currency: 'USD' }];
      setMappingRow(raw, 'Realized Currency Gains', '499');
    });
    expect(findingsOf(snapshot, 'SYSTEM_ACCOUNT_MAPPED')).toEqual([]);
  });
});
