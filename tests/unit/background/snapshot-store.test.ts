import { describe, expect, it } from 'vitest';
import { cin7ProductSchema, xeroItemSchema } from '@/utils/schemas';
import { project } from '@/utils/background/projection';
import { mergeChanged, oldestFetch } from '@/utils/background/snapshot';

describe('compact projections', () => {
  it('keeps the fields the schemas declare and drops the rest, nested objects included', () => {
    const product = {
      ID: 'p1',
      SKU: 'SKU-1',
      Name: 'Tent',
      COGSAccount: '500',
      Description: 'x'.repeat(5000),
      Suppliers: [{ SupplierID: 's', Cost: 1 }],
      AttributeSet: 'Camping',
    };
    expect(project(cin7ProductSchema, product)).toEqual({ ID: 'p1', SKU: 'SKU-1', Name: 'Tent', COGSAccount: '500' });

    const item = {
      ItemID: 'i1',
      Code: 'TENT',
      NotAnEngineField: 'long text',
      SalesDetails: { UnitPrice: 10, AccountCode: '200', TaxType: 'OUTPUT2', Extra: 'dropped' },
      PurchaseDetails: null,
    };
    expect(project(xeroItemSchema, item)).toEqual({
      ItemID: 'i1',
      Code: 'TENT',
      SalesDetails: { UnitPrice: 10, AccountCode: '200', TaxType: 'OUTPUT2' },
      PurchaseDetails: null,
    });
  });
});

describe('mergeChanged', () => {
  it('replaces changed records by identity, appends new ones, keeps the others in order', () => {
    const cached = [
      { ID: 'a', SKU: 'A', Name: 'old a' },
      { ID: 'b', SKU: 'B', Name: 'b' },
    ];
    const changed = [
      { ID: 'a', SKU: 'A', Name: 'new a' },
      { ID: 'c', SKU: 'C', Name: 'c' },
    ];
    expect(mergeChanged(cached, changed)).toEqual([
      { ID: 'a', SKU: 'A', Name: 'new a' },
      { ID: 'b', SKU: 'B', Name: 'b' },
      { ID: 'c', SKU: 'C', Name: 'c' },
    ]);
    expect(cached[0]?.Name).toBe('old a');
  });

  it('matches Xero records by AccountID', () => {
    const merged = mergeChanged([{ AccountID: 'x', Code: '200', Name: 'Sales' }], [{ AccountID: 'x', Code: '201', Name: 'Sales' }]);
    expect(merged).toEqual([{ AccountID: 'x', Code: '201', Name: 'Sales' }]);
  });
});

describe('oldestFetch', () => {
  it('is the earliest list fetch time, or undefined before any fetch', () => {
    expect(oldestFetch(undefined)).toBeUndefined();
    expect(
      oldestFetch({ fetched: { 'cin7.me': '2026-11-21T10:00:00.000Z', 'xero.accounts': '2026-11-21T09:00:00.000Z' } }),
    ).toBe('2026-11-21T09:00:00.000Z');
  });
});
