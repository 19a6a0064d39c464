import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseSnapshot, snapshotSchema } from '../../../utils/schemas/snapshot';
import { tolerantEnum, tolerantEnumTest } from '../../../utils/schemas/tolerant';
import { findUnknownEnumValues, unknownEnumValues } from '../../../utils/schemas/unknownValues';
import { xeroAccountType, xeroEnvelopes, xeroSystemAccount } from '../../../utils/schemas/xero';

describe('tolerantEnum', () => {
  it('accepts any string, rejects other types, and tells known from unknown', () => {
    const colour = tolerantEnum(['RED', 'GREEN'] as const);
    expect(colour.parse('BLUE')).toBe('BLUE');
    expect(colour.safeParse(3).success).toBe(false);
    expect(colour.isKnown('RED')).toBe(true);
    expect(colour.isKnown('BLUE')).toBe(false);
    expect(colour.known).toEqual(['RED', 'GREEN']);
    expect(tolerantEnumTest(colour)?.('GREEN')).toBe(true);
    expect(tolerantEnumTest(z.string())).toBeUndefined();
  });

  it('knows the spec vocabulary, and not the values Xero dropped from it', () => {
    expect(xeroAccountType.isKnown('DIRECTCOSTS')).toBe(true);
    expect(xeroAccountType.isKnown('PAYGLIABILITY')).toBe(false);
    expect(xeroSystemAccount.isKnown('DEBTORS')).toBe(true);
    expect(xeroSystemAccount.isKnown('Empty')).toBe(false);
  });
});

describe('unknownEnumValues', () => {
  const snapshot = parseSnapshot({
    cin7: {
      me: { Currency: 'NZD' },
      // Cin7's own words are not Xero enums: never reported.
      accounts: [{ Code: '2100', Name: 'Wages', Type: 'PAYGLIABILITY', Class: 'LIABILITY' }],
      products: [{ SKU: 'A-1', Type: 'Stock', Status: 'Setup required' }],
    },
    xero: {
      organisation: { Name: 'Kauri Ltd', BaseCurrency: 'NZD', Class: 'SUPERNOVA', Version: 'NZ' },
      accounts: [
        { Name: 'Sales', Type: 'REVENUE', Status: 'ACTIVE', Class: 'REVENUE', SystemAccount: '' },
        { Name: 'Wages payable', Type: 'PAYGLIABILITY', SystemAccount: null, BankAccountType: '' },
        { Name: 'Card', Type: 'BANK', BankAccountType: 'CRYPTO', CurrencyCode: 'ZWG', Status: 'HIBERNATING' },
      ],
      trackingCategories: [
        { Name: 'Region', Status: 'ACTIVE', Options: [{ Name: 'North', Status: 'ACTIVE' }, { Name: 'Old', Status: 'HIDDEN' }] },
      ],
      currencies: [{ Code: 'NZD' }, { Code: 'XBT' }],
      taxRates: [{ Name: 'GST', Status: 'ACTIVE', ReportTaxType: 'NEWTAX' }],
    },
  });

  it('lists every value outside the vocabulary with its path, and nothing else', () => {
    expect(unknownEnumValues(snapshot)).toEqual([
      { path: 'xero.organisation.Class', value: 'SUPERNOVA' },
      { path: 'xero.accounts.1.Type', value: 'PAYGLIABILITY' },
      { path: 'xero.accounts.2.Status', value: 'HIBERNATING' },
      { path: 'xero.accounts.2.BankAccountType', value: 'CRYPTO' },
      { path: 'xero.accounts.2.CurrencyCode', value: 'ZWG' },
      { path: 'xero.trackingCategories.0.Options.1.Status', value: 'HIDDEN' },
      { path: 'xero.currencies.1.Code', value: 'XBT' },
      { path: 'xero.taxRates.0.ReportTaxType', value: 'NEWTAX' },
    ]);
  });

  it('is empty for a snapshot in the vocabulary, and for an empty one', () => {
    expect(unknownEnumValues(parseSnapshot({}))).toEqual([]);
    expect(
      unknownEnumValues(parseSnapshot({ xero: { accounts: [{ Name: 'AR', Type: 'CURRENT', SystemAccount: 'DEBTORS' }] } })),
    ).toEqual([]);
  });

  it('works on a raw API envelope too, with a base path', () => {
    const body = { Accounts: [{ Name: 'Super', Type: 'SUPERANNUATIONLIABILITY' }] };
    expect(findUnknownEnumValues(xeroEnvelopes.Accounts, body, 'xero')).toEqual([
      { path: 'xero.Accounts.0.Type', value: 'SUPERANNUATIONLIABILITY' },
    ]);
  });

  it('does not crash on data the schema would reject (it only reads what is there)', () => {
    expect(findUnknownEnumValues(xeroEnvelopes.Accounts, { Accounts: 'none' })).toEqual([]);
    expect(findUnknownEnumValues(xeroEnvelopes.Accounts, { Accounts: [null, 7, { Type: 4 }, { Type: 'X' }] })).toEqual([
      { path: 'Accounts.3.Type', value: 'X' },
    ]);
  });

  it('skips lists whose items hold no enum, so 200,000 products are never visited', () => {
    const untouchable = new Proxy({}, { get: () => { throw new Error('product visited'); } });
    const products = Array.from({ length: 200_000 }, () => untouchable);
    const raw = { cin7: { products }, xero: { accounts: [{ Name: 'X', Type: 'NEWTYPE' }] } };
    expect(findUnknownEnumValues(snapshotSchema, raw)).toEqual([{ path: 'xero.accounts.0.Type', value: 'NEWTYPE' }]);
  });
});
