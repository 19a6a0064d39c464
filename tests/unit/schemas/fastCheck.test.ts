import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { compileFastCheck } from '../../../utils/schemas/fastCheck';
import { parseSnapshot, snapshotSchema } from '../../../utils/schemas/snapshot';
import { optionalText } from '../../../utils/schemas/tolerant';
import { xeroAccountType } from '../../../utils/schemas/xero';

const EDGE_VALUES: unknown[] = [undefined, null, 0, -0, 1.5, Number.NaN, Infinity, -Infinity, '', 'x', true, false, [], [1], {}, { a: 1 }];

/** A snapshot that uses every list and most fields, valid as it is. */
const validSnapshot = () => ({
  cin7: {
    me: { Company: 'Kauri', Currency: 'NZD', LockDate: null },
    accounts: [{ Code: '610', Name: 'AR', Type: 'CURRENT', ForPayments: false, SystemAccount: 'DEBTORS' }],
    taxRules: [{ Name: 'GST', Account: '820', TaxPercent: 15, Components: [{ Percent: '15.00', ComponentOrder: 1 }] }],
    products: [{ SKU: 'A-1', COGSAccount: null, Type: 'Stock', PriceTier1: 9 }],
    customers: [{ Name: 'Ngaio', AccountReceivable: '610' }],
    suppliers: [{ Name: 'Rimu', AccountPayable: '800' }],
    sales: [{ ID: 's-1', Invoices: [{ InvoiceDate: '2025-06-30T00:00:00', Lines: [{ Account: '200' }], Payments: null }] }],
    purchases: [{ ID: 'p-1', Invoice: { Lines: [{ Account: '630' }] }, CreditNote: null }],
    mapping: { readAt: '2025-06-29T10:00:00Z', rows: [{ label: 'COGS', account: '310' }] },
    features: { giftCards: false },
  },
  xero: {
    organisation: { Name: 'Kauri', BaseCurrency: 'NZD', FinancialYearEndDay: 31, Class: 'PREMIUM' },
    accounts: [{ Name: 'Sales', Type: 'REVENUE', Code: '200', EnablePaymentsToAccount: false }],
    items: [{ Code: 'A-1', SalesDetails: { AccountCode: '200', UnitPrice: 5 }, PurchaseDetails: {} }],
    trackingCategories: [{ Name: 'Region', Options: [{ Name: 'North' }] }],
    currencies: [{ Code: 'NZD' }],
    taxRates: [{ Name: 'GST', TaxComponents: [{ Rate: 15 }] }],
  },
});

/** Every path in a JSON value (objects and arrays), plus one new key per object. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((item, index) => pathsOf(item, [...prefix, index]))];
  if (value && typeof value === 'object') {
    return [
      prefix,
      [...prefix, 'ExtraField'],
      ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key])),
    ];
  }
  return [prefix];
}

function setAt(root: Record<string, unknown>, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  let target = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[path[path.length - 1] as string | number] = value;
  return root;
}

describe('compileFastCheck', () => {
  it.each([
    ['z.string()', z.string()],
    ['z.number()', z.number()],
    ['z.boolean()', z.boolean()],
    ['optionalText', optionalText],
    ['a tolerant enum', xeroAccountType],
    ['a union', z.union([z.number(), z.string()]).nullish()],
    ['a loose object', z.looseObject({ a: z.string(), b: z.number().optional() })],
    ['an array', z.array(z.boolean())],
  ])('agrees with zod on edge values for %s', (_label, schema) => {
    const check = compileFastCheck(schema);
    expect(check).not.toBeNull();
    for (const value of EDGE_VALUES) expect(check?.(value), JSON.stringify(value)).toBe(schema.safeParse(value).success);
  });

  it.each([
    ['a strip object (its output drops keys)', z.object({ a: z.string() })],
    ['a strict object', z.strictObject({ a: z.string() })],
    ['a refinement', z.array(z.string()).min(1)],
    ['a transform', z.string().transform((text) => text.trim())],
    ['a default', z.string().default('x')],
    ['an object holding one of those', z.looseObject({ a: z.string().min(2) })],
  ])('gives no fast path for %s', (_label, schema) => {
    expect(compileFastCheck(schema)).toBeNull();
  });

  it('covers the whole snapshot schema', () => {
    expect(compileFastCheck(snapshotSchema)).not.toBeNull();
  });

  it('accepts exactly what zod accepts, and zod returns such input unchanged (property)', () => {
    const check = compileFastCheck(snapshotSchema);
    const base = validSnapshot();
    expect(check?.(base)).toBe(true);
    const paths = pathsOf(base);
    const values = fc.oneof(fc.constantFrom(...EDGE_VALUES), fc.jsonValue({ maxDepth: 2 }));
    fc.assert(
      fc.property(fc.nat({ max: paths.length - 1 }), values, (pathIndex, value) => {
        const input = setAt(validSnapshot(), paths[pathIndex] ?? [], value);
        const result = snapshotSchema.safeParse(input);
        expect(check?.(input)).toBe(result.success);
        if (result.success) expect(result.data).toEqual(input);
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseSnapshot fast path', () => {
  it('returns a valid snapshot itself, without copying', () => {
    const input = validSnapshot();
    expect(parseSnapshot(input)).toBe(input);
  });

  it('still words the error when the fast path says no', () => {
    const input = validSnapshot();
    input.xero.accounts[0] = { ...input.xero.accounts[0], Code: 200 } as unknown as (typeof input.xero.accounts)[0];
    expect(() => parseSnapshot(input)).toThrow('xero.accounts.0.Code: expected a string, received a number');
  });
});
