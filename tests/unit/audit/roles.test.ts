// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { classOfAccount, describeExpectedTypes, ROLE_BY_ID, ROLE_IDS, ROLES } from '../../../utils/audit/roles';
import { XERO_ACCOUNT_TYPES } from '../../../utils/schemas/vocabulary';

describe('role table', () => {
  it('has every role id once, in the documented order', () => {
    expect(ROLES.map((role) => role.id)).toEqual([...ROLE_IDS]);
  });

  it('is frozen, down to its lists', () => {
    expect(Object.isFrozen(ROLES)).toBe(true);
    for (const role of ROLES) {
      expect(Object.isFrozen(role)).toBe(true);
      expect(Object.isFrozen(role.synonyms)).toBe(true);
      expect(Object.isFrozen(role.expectedTypes)).toBe(true);
    }
  });

  it('follows PRODUCT.md: requirements, payments and allowed system accounts', () => {
    const always = ROLES.filter((role) => role.required === 'always').map((role) => role.id);
    expect(always).toEqual(['accountsReceivable', 'accountsPayable', 'salesTax', 'defaultRevenue', 'inventoryControl', 'inventoryDiscrepancy', 'cogs', 'taxLiability', 'workInProgress', 'supplierDeposits', 'customerCredits', 'inTransit']);
    expect(ROLES.filter((role) => role.acceptsPayments).map((role) => role.id)).toEqual(['supplierDeposits', 'customerCredits', 'giftCardLiability']);
    expect(ROLE_BY_ID.inventoryAccrual).toMatchObject({ required: 'feature', feature: 'inventoryAccrual', expectedTypes: ['CURRENT', 'CURRLIAB'] });
    expect(ROLE_BY_ID.realizedCurrencyGains).toMatchObject({ feature: 'multiCurrency', allowedSystemAccount: 'REALISEDCURRENCYGAIN' });
    expect(ROLE_BY_ID.giftCardLiability.feature).toBe('giftCards');
    expect(ROLE_BY_ID.inventoryControl.expectedTypes).not.toContain('INVENTORY');
    expect(ROLES.filter((role) => role.allowedSystemAccount).map((role) => [role.id, role.allowedSystemAccount])).toEqual([
      ['accountsReceivable', 'DEBTORS'],
      ['accountsPayable', 'CREDITORS'],
      ['salesTax', 'GST'],
      ['realizedCurrencyGains', 'REALISEDCURRENCYGAIN'],
      ['unrealizedCurrencyGains', 'UNREALISEDCURRENCYGAIN'],
    ]);
  });

  it('classes every Xero account type of the official spec', () => {
    for (const type of XERO_ACCOUNT_TYPES) expect(classOfAccount({ Type: type }), type).not.toBeNull();
    expect(classOfAccount({ Type: 'CURRENT', Class: 'LIABILITY' })).toBe('LIABILITY');
    expect(classOfAccount({ Type: 'toString' })).toBeNull();
    expect(classOfAccount({ Type: 'NEWTYPE', Class: 'constructor' })).toBeNull();
  });

  it('words expected types for messages', () => {
    expect(describeExpectedTypes(['CURRENT'])).toBe('a Current Asset account');
    expect(describeExpectedTypes(['CURRENT', 'CURRLIAB'])).toBe('a Current Asset or Current Liability account');
    expect(describeExpectedTypes(['EXPENSE'])).toBe('an Expense account');
  });
});
