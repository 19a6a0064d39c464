// @vitest-environment node
// Issue #14: role-account findings carry the accounts that would pass every rule for the role (best first), their
// cause, and — when nothing qualifies — the account to create. Role names follow the organisation's country.
import { describe, expect, it } from 'vitest';
import { roleLabel } from '../../../utils/audit/roles';
import { nameLikeness } from '../../../utils/audit/suggestions';
import { ROLE_BY_ID } from '../../../utils/audit/roles';
import { findingsOf, rawAccount, runAudit, setMappingRow, snapshotWith, xeroAccount } from './fixtures';

type Raw = Record<string, unknown>;
const push = (raw: { xero: Raw }, ...accounts: Raw[]) => (raw.xero.accounts as Raw[]).push(...accounts);

describe('suggestions', () => {
  it('offers only accounts that pass every rule, the closest name first; decoys never appear', () => {
    const snapshot = snapshotWith((raw) => {
      setMappingRow(raw, 'Inventory Control', '');
      setMappingRow(raw, 'Work in Progress', '636: Inventory Control WIP');
      push(
        raw,
        xeroAccount('631', 'Inventory Control Asset', 'CURRENT'),
        xeroAccount('632', 'Inventory Control', 'CURRENT', { Status: 'ARCHIVED' }), // archived
        xeroAccount('633', 'Inventory Control', 'INVENTORY'), // Xero's inventory type
        xeroAccount('634', 'Inventory Control', 'CURRENT', { EnablePaymentsToAccount: true }), // payments on
        xeroAccount('635', 'Inventory Control', 'CURRLIAB'), // another class
        xeroAccount('637', 'Inventory Control', 'CURRENT', { SystemAccount: 'TRACKINGTRANSFERS' }), // system account
        xeroAccount('636', 'Inventory Control WIP', 'CURRENT'), // already behind Work in Progress
        xeroAccount(null, 'Inventory Control', 'CURRENT'), // no code
        xeroAccount('PREPAY', 'Prepaid inventory', 'PREPAYMENT'), // same class, not an expected type
      );
    });
    const [missing] = findingsOf(snapshot, 'MAPPING_MISSING');
    // 1420 is free since Work in Progress moved to 636; its name is least like the role's.
    expect(missing?.suggestions?.map((s) => s.code)).toEqual(['1400', '631', '1460', '1420']);
    expect(missing?.suggestions?.[0]).toEqual({ code: '1400', name: 'Inventory Control', reason: expect.stringMatching(/^Current Asset account, active, payments off, used by no other role, name matches$/) });
    expect(missing?.cause).toBe('role:inventoryControl');
  });

  it('puts the first expected type before the role’s other expected types, whatever the name', () => {
    const snapshot = snapshotWith((raw) => {
      setMappingRow(raw, 'Sales Tax (GST, VAT…)', '');
      push(raw, xeroAccount('821', 'Sales Tax', 'LIABILITY'));
    });
    const [missing] = findingsOf(snapshot, 'MAPPING_MISSING');
    // 820 is Xero's GST system account, which Sales Tax may use; 800 (CREDITORS) may not; 850 takes payments.
    expect(missing?.suggestions?.map((s) => s.code)).toEqual(['820', '1450', '821']);
    expect(missing?.suggestions?.[0]?.reason).toMatch(/Xero's GST system account/);
  });

  it('says which account to create when nothing qualifies, and carries no suggestions', () => {
    const snapshot = snapshotWith((raw) => {
      setMappingRow(raw, 'Customer Credits', '429: General Expenses');
      rawAccount(raw, '850').EnablePaymentsToAccount = false;
      rawAccount(raw, '840').EnablePaymentsToAccount = false;
    });
    const [mismatch] = findingsOf(snapshot, 'ACCOUNT_TYPE_MISMATCH');
    expect(mismatch?.subject.key).toBe('customerCredits');
    expect(mismatch?.suggestions).toBeUndefined();
    expect(mismatch?.message).toMatch(/create a Current Liability account with a code with "Enable payments to this account" ticked in Xero/);
  });

  it('ticking a box is the fix for payments: no suggestions then, unless the account is wrong for the role anyway', () => {
    const toggle = snapshotWith((raw) => (rawAccount(raw, '1430').EnablePaymentsToAccount = false));
    const [payments] = findingsOf(toggle, 'PAYMENTS_NOT_ENABLED');
    expect(payments).toMatchObject({ cause: 'account:1430' });
    expect(payments?.suggestions).toBeUndefined();

    const wrong = snapshotWith((raw) => setMappingRow(raw, 'Supplier Deposits', '429: General Expenses'));
    const [wrongPayments] = findingsOf(wrong, 'PAYMENTS_NOT_ENABLED');
    expect(wrongPayments?.subject.key).toBe('supplierDeposits');
    expect(wrongPayments?.suggestions?.map((s) => s.code)).toEqual(['1430']);
  });

  it('a duplicate suggests accounts for the role the shared account is wrong for, and links to its row', () => {
    const snapshot = snapshotWith((raw) => setMappingRow(raw, 'Customer Credits', '800: Accounts Payable'));
    const [duplicate] = findingsOf(snapshot, 'MAPPING_NOT_UNIQUE');
    expect(duplicate?.fix?.url).toContain('#mg-target=role:customerCredits');
    expect(duplicate?.suggestions?.map((s) => s.code)).toEqual(['840', '850']);
    expect(duplicate?.cause).toBe('account:800');
    expect(findingsOf(snapshot, 'SYSTEM_ACCOUNT_MAPPED')[0]?.cause).toBe('account:800');
  });
});

describe('cause', () => {
  it('one archived account behind two roles is one cause; other rules carry none', () => {
    const snapshot = snapshotWith((raw) => {
      rawAccount(raw, '1400').Status = 'ARCHIVED';
      setMappingRow(raw, 'In Transit', '1400');
      push(raw, xeroAccount(null, 'Uncoded', 'EXPENSE'));
    });
    const result = runAudit(snapshot);
    const onAccount = result.findings.filter((f) => ['ACCOUNT_ARCHIVED', 'MAPPING_NOT_UNIQUE'].includes(f.code));
    expect(onAccount.map((f) => f.code).sort()).toEqual(['ACCOUNT_ARCHIVED', 'ACCOUNT_ARCHIVED', 'MAPPING_NOT_UNIQUE']);
    expect(new Set(onAccount.map((f) => f.cause))).toEqual(new Set(['account:1400']));
    expect(result.findings.find((f) => f.code === 'ACCOUNT_WITHOUT_CODE')?.cause).toBeUndefined();
  });
});

describe('role names', () => {
  it('spells the currency-gain roles for the organisation’s country, and keeps Cin7 Core’s label when it is unknown', () => {
    const gains = ROLE_BY_ID.realizedCurrencyGains;
    expect(roleLabel(gains, 'NZ')).toBe('Realised Currency Gains');
    expect(roleLabel('unrealizedCurrencyGains', 'gb')).toBe('Unrealised Currency Gains');
    expect(roleLabel(gains, 'US')).toBe('Realized Currency Gains');
    expect(roleLabel(gains, 'CA')).toBe('Realized Currency Gains');
    expect(roleLabel(gains, null)).toBe('Realized Currency Gains');
    expect(roleLabel('inventoryControl', 'NZ')).toBe('Inventory Control');
  });

  it('rule messages use the country’s spelling', () => {
    const messageFor = (country: string) =>
      findingsOf(
        snapshotWith((raw) => {
          (raw.xero.organisation as Raw).CountryCode = country;
          (raw.cin7.customers as Raw[]).push({ ID: 'c2', Name: 'Yankee Inc', Currency: 'USD' });
          setMappingRow(raw, 'Realised Currency Gains', '');
        }),
        'MAPPING_MISSING',
      )[0];
    expect(messageFor('AU')).toMatchObject({ subject: { label: 'Realised Currency Gains' }, message: expect.stringMatching(/^Realised Currency Gains is not mapped/) });
    expect(messageFor('US')?.message).toMatch(/^Realized Currency Gains is not mapped/);
  });

  it('name likeness: exact label or synonym, then containing it, then shared words', () => {
    const role = ROLE_BY_ID.cogs;
    expect(nameLikeness(role, 'Cost of Sales')).toBe(1);
    expect(nameLikeness(role, 'Cost of Goods Sold - retail')).toBe(0.8);
    expect(nameLikeness(role, 'Goods Sold')).toBeGreaterThan(nameLikeness(role, 'Freight'));
    expect(nameLikeness(role, '')).toBe(0);
  });
});
