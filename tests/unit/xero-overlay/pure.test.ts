// The overlay's pure decisions: roles and problems of an account, dialog warnings, lock-date comparison, and the
// background's facts (mapped accounts, documents in a date range).
import { describe, expect, it } from 'vitest';
import { accountFindings, dialogWarning, rolesByAccount, shortRoleName } from '../../../entrypoints/xero.content/account-roles';
import { compareLockDates, dayAfter } from '../../../entrypoints/xero.content/lock-dates';
import { laterLockDate } from '../../../utils/audit/lock-date';
import { countDocumentsInRange, mappedAccounts } from '../../../utils/background/xero-facts';
import { finding } from '../overlay/status-fixtures';
import { facts } from './helpers';

describe('roles of accounts', () => {
  it('groups role ids by account key and drops unknown ids', () => {
    const roles = rolesByAccount(facts({ mappedAccounts: [{ code: '310', roleIds: ['cogs', 'notARole'] }, { code: 'abc', roleIds: ['inventoryControl'] }, { code: '9', roleIds: ['nope'] }] }));
    expect([...roles.entries()]).toEqual([
      ['310', ['cogs']],
      ['ABC', ['inventoryControl']],
    ]);
    expect(rolesByAccount(null).size).toBe(0);
    expect(shortRoleName('cogs')).toBe('COGS');
    expect(shortRoleName('salesTax')).toBe('Sales Tax');
  });

  it('picks the findings about the account or its roles, worst first, without reviewed ones', () => {
    const typeMismatch = finding({ key: 'a', severity: 'warning' });
    const archived = finding({ key: 'b', code: 'ACCOUNT_ARCHIVED', subject: { kind: 'account', key: '310', label: '310' } });
    const otherRole = finding({ key: 'c', subject: { kind: 'role', key: 'defaultRevenue', label: 'Default Revenue' } });
    const missing = finding({ key: 'd', code: 'MAPPING_MISSING' });
    const reviewed = finding({ key: 'e', reviewed: true });
    expect(accountFindings('310', ['cogs'], [typeMismatch, archived, otherRole, missing, reviewed]).map((item) => item.key)).toEqual(['b', 'a']);
  });
});

describe('dialog warnings', () => {
  it('says what an archive breaks, with Xero’s words', () => {
    const lines = dialogWarning('310', ['cogs', 'inventoryDiscrepancy'], 'archive', null);
    expect(lines[0]).toBe('Cin7 Core posts Cost of Goods Sold and Inventory Discrepancy to account 310.');
    expect(lines[1]).toContain("Account code '310' has been archived");
    expect(lines).toHaveLength(2);
  });

  it('spells the roles for the organisation’s country', () => {
    expect(dialogWarning('499', ['realizedCurrencyGains'], 'archive', null, 'GB')[0]).toBe('Cin7 Core posts Realised Currency Gains to account 499.');
    expect(dialogWarning('499', ['realizedCurrencyGains'], 'edit', 'CURRENT', 'US')[2]).toMatch(/^Realized Currency Gains needs/);
  });

  it('adds a line per role the chosen type does not fit', () => {
    expect(dialogWarning('310', ['cogs'], 'edit', 'DIRECTCOSTS')).toHaveLength(2);
    const lines = dialogWarning('310', ['cogs'], 'edit', 'CURRENT');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^Cost of Goods Sold needs a Direct Costs account; Current Asset breaks it/);
  });
});

describe('lock dates', () => {
  it('takes the later of the two Xero dates', () => {
    expect(laterLockDate('2026-03-31', '2025-12-31')).toEqual({ day: '2026-03-31', which: 'period' });
    expect(laterLockDate('2025-01-31', '2025-12-31')).toEqual({ day: '2025-12-31', which: 'endOfYear' });
    expect(laterLockDate(null, null)).toBeNull();
  });

  it('is aligned when Cin7 Core locks at least as far, and gives the refused range otherwise', () => {
    expect(compareLockDates('2026-03-31', null, '2026-03-31')).toMatchObject({ aligned: true, refusedRange: null });
    expect(compareLockDates(null, null, null)).toMatchObject({ aligned: true, refusedRange: null });
    expect(compareLockDates('2026-03-31', null, '2026-01-31')).toMatchObject({ aligned: false, refusedRange: { from: '2026-02-01', to: '2026-03-31' } });
    expect(compareLockDates(null, '2025-12-31', null)).toMatchObject({ aligned: false, refusedRange: { to: '2025-12-31' } });
    expect(dayAfter('2024-02-28')).toBe('2024-02-29');
    expect(dayAfter('2025-12-31')).toBe('2026-01-01');
  });
});

describe('background facts', () => {
  it('maps rows to role ids by code, skipping unknown labels and empty accounts', () => {
    const mapping = {
      readAt: '2026-11-21T00:00:00Z',
      rows: [
        { label: 'Cost of Goods Sold', account: '310: Cost of Goods Sold' },
        { label: 'Inventory Discrepancy', account: '310 - Cost of Goods Sold' },
        { label: 'Inventory Control', account: '1400: Inventory' },
        { label: 'Something Cin7 added', account: '500: Other' },
        { label: 'Default Revenue', account: '' },
      ],
    };
    expect(mappedAccounts(mapping)).toEqual([
      { code: '310', roleIds: ['cogs', 'inventoryDiscrepancy'] },
      { code: '1400', roleIds: ['inventoryControl'] },
    ]);
    expect(mappedAccounts(undefined)).toEqual([]);
  });

  it('counts documents by invoice date, else order date, inclusive, skipping voided and drafts', () => {
    const sales = [
      { SaleID: '1', InvoiceDate: '2026-03-31T00:00:00', OrderDate: '2026-04-05T00:00:00', Status: 'INVOICED' },
      { SaleID: '2', OrderDate: '2026-02-01T00:00:00', Status: 'ORDERED' },
      { SaleID: '3', OrderDate: '2026-01-31T00:00:00', Status: 'ORDERED' },
      { SaleID: '4', InvoiceDate: '2026-03-01T00:00:00', Status: 'VOIDED' },
      { SaleID: '5', InvoiceDate: '2026-04-01T00:00:00', Status: 'INVOICED' },
      { SaleID: '6', Status: 'DRAFT' },
    ];
    const purchases = [
      { ID: 'p1', InvoiceDate: '2026-02-15T00:00:00', Status: 'INVOICED' },
      { ID: 'p2', OrderDate: '2025-12-01T00:00:00', Status: 'ORDERED' },
    ];
    expect(countDocumentsInRange(sales, purchases, { from: '2026-02-01', to: '2026-03-31' })).toEqual({ sales: 2, purchases: 1 });
    expect(countDocumentsInRange(sales, purchases, { to: '2026-03-31' })).toEqual({ sales: 3, purchases: 2 });
  });
});
