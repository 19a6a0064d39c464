// Behaviour of the raw API schemas beyond the spec examples: the shapes integrators see in practice.
import { describe, expect, it } from 'vitest';
import {
  CIN7_LIST_KEYS,
  cin7AccountSchema,
  cin7Envelopes,
  cin7ProductSchema,
  cin7SystemAccountCode,
  readCin7Error,
} from '../../../utils/schemas/cin7';
import {
  xeroAccountSchema,
  xeroConnectionsSchema,
  xeroErrorMessages,
  xeroErrorSchema,
  xeroItemSchema,
  xeroOrganisationSchema,
} from '../../../utils/schemas/xero';

describe('Cin7 accounts: SystemAccount as a code or as a name', () => {
  it.each([
    [{ SystemAccount: 'DEBTORS' }, 'DEBTORS'],
    [{ SystemAccount: 'Accounts receivable', SystemAccountCode: 'DEBTORS' }, 'DEBTORS'],
    [{ SystemAccount: 'GST / VAT', SystemAccountCode: 'GST' }, 'GST'],
    [{ SystemAccount: 'Accounts receivable' }, null],
    [{ SystemAccount: 'Accounts receivable', SystemAccountCode: '' }, null],
    [{ SystemAccount: null }, null],
    [{}, null],
  ])('%j → %j', (fields, code) => {
    const account = cin7AccountSchema.parse({ Code: '610', Name: 'Accounts Receivable', ...fields });
    expect(cin7SystemAccountCode(account)).toBe(code);
  });

  it('keeps both fields as sent', () => {
    const account = cin7AccountSchema.parse({
      Code: '610',
      Name: 'Accounts Receivable',
      SystemAccount: 'Accounts receivable',
      SystemAccountCode: 'DEBTORS',
    });
    expect(account).toMatchObject({ SystemAccount: 'Accounts receivable', SystemAccountCode: 'DEBTORS' });
  });
});

describe('Cin7 error model', () => {
  it.each([
    [{ ErrorCode: 400, Exception: 'Required attribute ProductionBOMs is not provided.' }, 400],
    [[{ ErrorCode: 503, Exception: 'You reached 60 calls per minute API limit.' }], 503],
    [[{ ErrorCode: 403, Exception: null }, { ErrorCode: 400, Exception: 'second' }], 403],
  ])('reads %j (bare or first list item, even with HTTP 200)', (body, code) => {
    expect(readCin7Error(body)?.ErrorCode).toBe(code);
  });

  it.each([
    [{ Total: 0, Page: 1, Products: [] }],
    [[]],
    [[{ SKU: 'A-1' }]],
    [{ ErrorCode: '400', Exception: 'text code' }],
    ['<html>Not found</html>'],
    [null],
  ])('is null for a body that is not an error: %j', (body) => {
    expect(readCin7Error(body)).toBeNull();
  });
});

describe('Cin7 envelopes', () => {
  it('types each list under its own key', () => {
    const page = cin7Envelopes.products.parse({ Total: 1, Page: 1, Products: [{ SKU: 'A-1', COGSAccount: null }] });
    expect(page.Products[0]?.SKU).toBe('A-1');
    expect(page.Products[0]?.COGSAccount).toBeNull();
  });

  it('rejects an envelope whose list is missing, naming the key', () => {
    const result = cin7Envelopes.saleList.safeParse({ Total: 0, Page: 1 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([CIN7_LIST_KEYS.saleList]);
  });

  it('requires the ids the sandbox and background page by', () => {
    expect(cin7Envelopes.saleList.safeParse({ SaleList: [{ Status: 'ORDERED' }] }).success).toBe(false);
    expect(cin7Envelopes.purchaseList.safeParse({ PurchaseList: [{ ID: 'p-1', Updated: '2026-01-01T00:00:00Z' }] }).success).toBe(
      true,
    );
  });

  it('treats null account fields as "use the default", not as errors', () => {
    const product = cin7ProductSchema.parse({ SKU: 'A', InventoryAccount: null, RevenueAccount: null, SaleTaxRule: null });
    expect(product.InventoryAccount).toBeNull();
  });
});

describe('Xero schemas', () => {
  it('keeps account codes as text and accepts accounts without a code', () => {
    expect(xeroAccountSchema.parse({ Code: '091', Name: 'Savings', Type: 'BANK' }).Code).toBe('091');
    expect(xeroAccountSchema.safeParse({ Code: 91, Name: 'Savings', Type: 'BANK' }).success).toBe(false);
    expect(xeroAccountSchema.safeParse({ Name: 'Savings', Type: 'BANK' }).success).toBe(true);
  });

  it('needs the organisation name and base currency', () => {
    expect(xeroOrganisationSchema.safeParse({ Name: 'Kauri Ltd' }).success).toBe(false);
    expect(xeroOrganisationSchema.safeParse({ Name: 'Kauri Ltd', BaseCurrency: 'NZD' }).success).toBe(true);
  });

  it('accepts items whose details Xero sends as {}', () => {
    const item = xeroItemSchema.parse({ Code: 'A-1', PurchaseDetails: {}, SalesDetails: { AccountCode: '200' } });
    expect(item.PurchaseDetails).toEqual({});
  });

  it('reads the 400 error body: validation messages first, then the summary, without repeats', () => {
    const body = xeroErrorSchema.parse({
      ErrorNumber: 10,
      Type: 'ValidationException',
      Message: 'A validation exception occurred',
      Elements: [
        { ValidationErrors: [{ Message: 'Account code already exists' }, { Message: 'Name too long' }] },
        { ValidationErrors: [{ Message: 'Account code already exists' }] },
      ],
    });
    expect(xeroErrorMessages(body)).toEqual([
      'Account code already exists',
      'Name too long',
      'A validation exception occurred',
    ]);
    expect(xeroErrorMessages(xeroErrorSchema.parse({ Message: 'Oops' }))).toEqual(['Oops']);
  });

  it('reads connections and rejects a body that is not a list', () => {
    const connections = xeroConnectionsSchema.parse([
      { id: 'c-1', tenantId: 't-1', tenantType: 'ORGANISATION', tenantName: 'Kauri Ltd', authEventId: 'a-1' },
    ]);
    expect(connections[0]?.tenantId).toBe('t-1');
    expect(xeroConnectionsSchema.safeParse({ id: 'c-1' }).success).toBe(false);
  });
});
