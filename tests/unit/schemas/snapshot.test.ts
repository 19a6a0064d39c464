import { describe, expect, it } from 'vitest';
import { parseSnapshot, SnapshotError } from '../../../utils/schemas/snapshot';

const organisation = { Name: 'Kauri Ltd', BaseCurrency: 'NZD', PeriodLockDate: '/Date(1782777600000+0000)/' };

/** The error parseSnapshot throws for `input` (fails the test when it does not throw). */
function errorOf(input: unknown): SnapshotError {
  try {
    parseSnapshot(input);
  } catch (error) {
    expect(error).toBeInstanceOf(SnapshotError);
    return error as SnapshotError;
  }
  throw new Error('parseSnapshot accepted the input');
}

describe('parseSnapshot', () => {
  it('accepts an empty snapshot and partial ones: every list may be absent', () => {
    expect(parseSnapshot({})).toEqual({});
    expect(parseSnapshot({ xero: { organisation } })).toEqual({ xero: { organisation } });
    expect(parseSnapshot({ cin7: { me: null, mapping: null } })).toEqual({ cin7: { me: null, mapping: null } });
  });

  it('keeps fields it does not validate, at every level (raw API JSON goes in unchanged)', () => {
    const input = {
      exportedBy: 'cli',
      cin7: {
        me: { Currency: 'NZD', RoundingTable: [{ RangeTo: 10 }] },
        products: [{ SKU: 'A-1', PriceTier1: 8, AdditionalAttribute1: null }],
        mapping: { readAt: '2026-11-21T10:00:00Z', rows: [{ label: 'COGS', account: '5000: Cost of Goods Sold', order: 3 }] },
      },
      xero: { accounts: [{ Name: 'Sales', Type: 'REVENUE', Code: '200', ReportingCode: 'REV', HasAttachments: false }] },
    };
    expect(parseSnapshot(structuredClone(input))).toEqual(input);
  });

  it.each([
    [{ xero: { accounts: {} } }, 'xero.accounts: expected an array, received an object', 'xero.accounts'],
    [{ xero: { accounts: 'none' } }, 'xero.accounts: expected an array, received a string', 'xero.accounts'],
    [{ cin7: { me: {} } }, 'cin7.me.Currency: expected a string, received nothing', 'cin7.me.Currency'],
    [{ cin7: { me: { Currency: 554 } } }, 'cin7.me.Currency: expected a string, received a number', 'cin7.me.Currency'],
    [
      { cin7: { products: [{ SKU: 'A' }, { SKU: 'B' }, { SKU: 'C' }, { SKU: null }] } },
      'cin7.products.3.SKU: expected a string, received null',
      'cin7.products.3.SKU',
    ],
    [{ cin7: 'yes' }, 'cin7: expected an object, received a string', 'cin7'],
    [
      { cin7: { features: { giftCards: 'yes' } } },
      'cin7.features.giftCards: expected a boolean, received a string',
      'cin7.features.giftCards',
    ],
    [
      { xero: { organisation: { ...organisation, FinancialYearEndDay: '31' } } },
      'xero.organisation.FinancialYearEndDay: expected a number, received a string',
      'xero.organisation.FinancialYearEndDay',
    ],
    [
      { xero: { accounts: [{ Name: 'Sales', Type: ['REVENUE'] }] } },
      'xero.accounts.0.Type: expected a string, received an array',
      'xero.accounts.0.Type',
    ],
    [
      { cin7: { taxRules: [{ Name: 'GST', Components: [{ Percent: true }] }] } },
      'cin7.taxRules.0.Components.0.Percent: expected a number or a string, received a boolean',
      'cin7.taxRules.0.Components.0.Percent',
    ],
    [[], 'snapshot: expected an object, received an array', ''],
    [null, 'snapshot: expected an object, received null', ''],
    ['{}', 'snapshot: expected an object, received a string', ''],
  ])('%j fails with one message naming the path', (input, message, path) => {
    const error = errorOf(input);
    expect(error.message).toBe(message);
    expect(error.path).toBe(path);
  });

  it('reports the first problem only, even when many records are wrong', () => {
    const products = Array.from({ length: 1000 }, (_, index) => ({ SKU: index }));
    expect(errorOf({ cin7: { products } }).message).toBe('cin7.products.0.SKU: expected a string, received a number');
  });

  it('never crashes on unknown enum values: they are kept as sent', () => {
    const snapshot = parseSnapshot({
      xero: {
        organisation: { ...organisation, Class: 'SUPERNOVA', Version: 'MARS' },
        accounts: [{ Name: 'Wages payable', Type: 'PAYGLIABILITY', Status: 'HIBERNATING', SystemAccount: '' }],
      },
    });
    expect(snapshot.xero?.accounts?.[0]).toMatchObject({ Type: 'PAYGLIABILITY', Status: 'HIBERNATING' });
    expect(snapshot.xero?.organisation).toMatchObject({ Class: 'SUPERNOVA', Version: 'MARS' });
  });
});
