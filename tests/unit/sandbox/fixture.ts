// A small hand-made snapshot for the sandbox's unit tests: enough records to page through, a markup-laden name,
// an archived account and tracking category, a tracked item. The contract test uses the real scenarios instead.
import type { Snapshot } from '../../../utils/schemas/snapshot';

export const HOSTILE_NAME = '<img src=x onerror="alert(1)">Evil & Co';
export const ORG_ID = '11111111-2222-4333-8444-555555555555';

export function fixtureSnapshot(): Snapshot {
  const products = Array.from({ length: 250 }, (_, i) => ({
    ID: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    SKU: `SKU-${String(i).padStart(3, '0')}`,
    Name: `Product ${i}`,
    Type: 'Stock',
    Status: i === 249 ? 'Deprecated' : 'Active',
    InventoryAccount: '1400',
    RevenueAccount: '200',
    COGSAccount: '310',
    LastModifiedOn: '2026-01-01T00:00:00.000Z',
  }));
  return {
    cin7: {
      me: { Company: 'Fixture Ltd', Currency: 'NZD', LockDate: '2026-03-31T00:00:00' },
      accounts: [
        { Code: '200', Name: 'Sales', Type: 'REVENUE', Class: 'REVENUE', Status: 'ACTIVE' },
        { Code: '310', Name: 'Cost of Goods Sold', Type: 'DIRECTCOSTS', Class: 'EXPENSE', Status: 'ACTIVE' },
        { Code: '1400', Name: 'Inventory', Type: 'CURRENT', Class: 'ASSET', Status: 'ACTIVE' },
      ],
      taxRules: [{ Name: 'GST on Income', Account: '820', IsActive: true, TaxPercent: 15, IsTaxForSale: true, IsTaxForPurchase: false }],
      products,
      customers: [
        { ID: 'c0000000-0000-4000-8000-000000000001', Name: 'Alpha Retail', Currency: 'NZD', AccountReceivable: '610', RevenueAccount: '200', TaxRule: 'GST on Income', LastModifiedOn: '2026-01-01T00:00:00.000Z' },
        { ID: 'c0000000-0000-4000-8000-000000000002', Name: 'Beta Stores', Currency: 'USD', AccountReceivable: '610', RevenueAccount: '200', TaxRule: 'GST on Income', LastModifiedOn: '2026-01-01T00:00:00.000Z' },
      ],
      suppliers: [{ ID: 's0000000-0000-4000-8000-000000000001', Name: HOSTILE_NAME, Currency: 'NZD', AccountPayable: '800', TaxRule: 'GST on Expenses' }],
      sales: [
        {
          ID: 'a0000000-0000-4000-8000-000000000001',
          Customer: 'Alpha Retail',
          CustomerID: 'c0000000-0000-4000-8000-000000000001',
          Status: 'INVOICED',
          OrderNumber: 'SO-00001',
          DefaultAccount: '200',
          Invoices: [{ InvoiceNumber: 'INV-00001', InvoiceDate: '2026-02-10T00:00:00', Status: 'AUTHORISED', Lines: [{ SKU: 'SKU-000', Name: 'Product 0', Account: '200', TaxRule: 'GST on Income', Quantity: 2, Price: 10 }] }],
        },
        { ID: 'a0000000-0000-4000-8000-000000000002', Customer: 'Beta Stores', Status: 'ORDERED', OrderNumber: 'SO-00002' },
      ],
      purchases: [{ ID: 'b0000000-0000-4000-8000-000000000001', Supplier: HOSTILE_NAME, Status: 'ORDERED', OrderNumber: 'PO-00001' }],
      mapping: {
        readAt: '2026-01-01T00:00:00.000Z',
        rows: [
          { label: 'Inventory Control', account: '1400' },
          { label: 'Cost of Goods Sold', account: '310: Cost of Goods Sold' },
          { label: 'In Transit', account: '' },
          { label: HOSTILE_NAME, account: '200' },
        ],
      },
      features: {},
    },
    xero: {
      organisation: {
        OrganisationID: ORG_ID,
        Name: 'Fixture Ltd',
        ShortCode: '!Fx1tu',
        BaseCurrency: 'NZD',
        CountryCode: 'NZ',
        Version: 'NZ',
        PeriodLockDate: '/Date(1774915200000+0000)/',
        FinancialYearEndDay: 31,
        FinancialYearEndMonth: 3,
      },
      accounts: [
        { AccountID: '9a000000-0000-4000-8000-000000000001', Code: '200', Name: 'Sales', Type: 'REVENUE', Class: 'REVENUE', Status: 'ACTIVE', TaxType: 'OUTPUT2', UpdatedDateUTC: '/Date(1767225600000+0000)/' },
        { AccountID: '9a000000-0000-4000-8000-000000000002', Code: '310', Name: 'Cost of Goods Sold', Type: 'DIRECTCOSTS', Class: 'EXPENSE', Status: 'ACTIVE', TaxType: 'INPUT2', UpdatedDateUTC: '/Date(1767225600000+0000)/' },
        { AccountID: '9a000000-0000-4000-8000-000000000003', Code: '1400', Name: 'Inventory', Type: 'CURRENT', Class: 'ASSET', Status: 'ACTIVE', TaxType: 'NONE', UpdatedDateUTC: '/Date(1767225600000+0000)/' },
        { AccountID: '9a000000-0000-4000-8000-000000000004', Code: '425', Name: HOSTILE_NAME, Type: 'EXPENSE', Class: 'EXPENSE', Status: 'ARCHIVED', TaxType: 'INPUT2', UpdatedDateUTC: '/Date(1767225600000+0000)/' },
        { AccountID: '9a000000-0000-4000-8000-000000000005', Code: '090', Name: 'Business Bank', Type: 'BANK', Class: 'ASSET', Status: 'ACTIVE', BankAccountNumber: '12-3456-7890123-00', BankAccountType: 'BANK', CurrencyCode: 'NZD', UpdatedDateUTC: '/Date(1767225600000+0000)/' },
      ],
      items: [
        { ItemID: '9b000000-0000-4000-8000-000000000001', Code: 'SKU-000', Name: 'Product 0', IsTrackedAsInventory: true, InventoryAssetAccountCode: '630', QuantityOnHand: 4, TotalCostPool: 40, UpdatedDateUTC: '/Date(1767225600000+0000)/' },
        { ItemID: '9b000000-0000-4000-8000-000000000002', Code: 'SKU-001', Name: 'Product 1', IsTrackedAsInventory: false, SalesDetails: { UnitPrice: 12.5, AccountCode: '200', TaxType: 'OUTPUT2' }, UpdatedDateUTC: '/Date(1767225600000+0000)/' },
      ],
      trackingCategories: [
        { TrackingCategoryID: '9c000000-0000-4000-8000-000000000001', Name: 'Region', Status: 'ACTIVE', Options: [{ TrackingOptionID: '9c000000-0000-4000-8000-000000000011', Name: 'North', Status: 'ACTIVE' }] },
        { TrackingCategoryID: '9c000000-0000-4000-8000-000000000002', Name: 'Old', Status: 'ARCHIVED', Options: [] },
      ],
      currencies: [{ Code: 'NZD', Description: 'New Zealand Dollar' }],
      taxRates: [{ Name: '15% GST on Income', TaxType: 'OUTPUT2', Status: 'ACTIVE', DisplayTaxRate: 15, EffectiveRate: 15, CanApplyToRevenue: true }],
    },
  };
}
