// One snapshot that breaks every rule at once (used by the meta-test and to read all messages together).
import type { Snapshot } from '../../../utils/schemas';
import { rawAccount, removeMappingRow, setMappingRow, snapshotWith, xeroAccount, xeroDate } from './fixtures';

type Raw = Record<string, unknown>;

export function brokenEverything(): Snapshot {
  return snapshotWith((raw) => {
    const cin7 = raw.cin7;
    const xero = raw.xero;
    cin7.features = { inventoryAccrual: true, giftCards: true };
    removeMappingRow(raw, 'Work in Progress'); // MAPPING_MISSING (row absent); MAPPING_UNKNOWN: gift card / accrual rows absent
    setMappingRow(raw, 'In Transit', ''); // MAPPING_MISSING
    setMappingRow(raw, 'Inventory Control', '630: Inventory'); // ACCOUNT_TYPE_MISMATCH (INVENTORY)
    setMappingRow(raw, 'Inventory Discrepancy', '999'); // ACCOUNT_NOT_FOUND
    rawAccount(raw, '310').Status = 'ARCHIVED'; // ACCOUNT_ARCHIVED (cogs)
    rawAccount(raw, '1430').EnablePaymentsToAccount = false; // PAYMENTS_NOT_ENABLED
    rawAccount(raw, '830').EnablePaymentsToAccount = true; // PAYMENTS_ENABLED
    setMappingRow(raw, 'Customer Credits', '800'); // SYSTEM_ACCOUNT_MAPPED + MAPPING_NOT_UNIQUE (with AP)
    (xero.accounts as Raw[]).push(
      xeroAccount(null, 'Uncoded Expenses', 'EXPENSE'), // ACCOUNT_WITHOUT_CODE
      xeroAccount('', 'Savings', 'BANK'), // BANK_ACCOUNT_WITHOUT_CODE
    );
    (xero.items as Raw[]).push({ Code: 'TRACKED', Name: 'Tracked thing', IsTrackedAsInventory: true, QuantityOnHand: 4 }); // TRACKED_INVENTORY
    (cin7.me as Raw).Currency = 'NZD'; // BASE_CURRENCY_MISMATCH
    (cin7.me as Raw).LockDate = null; // LOCK_DATE_MISALIGNED (Xero has one)
    (cin7.customers as Raw[]).push({ ID: 'c9', Name: 'Euro GmbH', Currency: 'EUR' }); // CURRENCY_NOT_ENABLED
    (cin7.sales as Raw[]).push({ ID: 'sale-old', Customer: 'Acme Ltd', Invoices: [{ InvoiceNumber: 'INV-OLD', InvoiceDate: '2024-11-30T00:00:00' }] }); // DOCUMENT_IN_LOCKED_PERIOD
    (cin7.taxRules as Raw[]).push(
      { Name: 'Bad tax', Account: '200', IsActive: true }, // TAX_RULE_ACCOUNT_INVALID
      { Name: 'GST 10%', Account: '820', IsActive: true, TaxPercent: 10, IsTaxForSale: true }, // TAX_RULE_NOT_IN_XERO
      { Name: 'Sales zero', Account: '820', IsActive: true, TaxPercent: 0, IsTaxForSale: true, IsTaxForPurchase: true },
    );
    (xero.taxRates as Raw[]).push({ Name: 'Sales zero', TaxType: 'ZERO', Status: 'ACTIVE', DisplayTaxRate: 0, CanApplyToRevenue: true, CanApplyToAssets: false });
    (cin7.suppliers as Raw[]).push({ ID: 's9', Name: 'Tenner Ltd', TaxRule: 'GST 10%' }); // TAX_RULE_NOT_IN_XERO's use
    (cin7.products as Raw[]).push(
      { ID: 'p8', SKU: 'GONE', Name: 'Gone', RevenueAccount: '477' }, // OVERRIDE_ACCOUNT_INVALID
      { ID: 'p9', SKU: 'ODD', Name: 'Odd', RevenueAccount: '429' }, // OVERRIDE_ACCOUNT_TYPE
      { ID: 'p10', SKU: 'SVC', Name: 'Consulting', Type: 'Service' }, // SERVICE_PRODUCT_NO_EXPENSE_ACCOUNT
      { ID: 'p11', SKU: 'AUS', Name: 'Import', SaleTaxRule: 'GST on Sales' }, // RECORD_TAX_RULE_INVALID
      { ID: 'p12', SKU: 'ZERO', Name: 'Zero', PurchaseTaxRule: 'Sales zero', InventoryAccount: '630' }, // TAX_RATE_NOT_APPLICABLE
    );
  });
}

/** A second snapshot for what cannot coexist with the first: neither app has a lock date. */
export function noLockDates(): Snapshot {
  return snapshotWith((raw) => {
    delete (raw.xero.organisation as Raw).PeriodLockDate;
    (raw.cin7.me as Raw).LockDate = null;
  });
}

export { xeroDate };
