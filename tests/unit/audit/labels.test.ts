// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { matchRoleLabel } from '../../../utils/audit/labels';
import { ROLES } from '../../../utils/audit/roles';

describe('matchRoleLabel', () => {
  it.each([
    ['Accounts Receivable', 'accountsReceivable'],
    ['accounts receivable', 'accountsReceivable'],
    ['  ACCOUNTS   RECEIVABLE ', 'accountsReceivable'],
    ['Account Receivable', 'accountsReceivable'],
    ['Accounts Payable', 'accountsPayable'],
    ['Sales Tax (GST, VAT…)', 'salesTax'],
    ['Sales Tax (GST, VAT...)', 'salesTax'],
    ['Sales Tax', 'salesTax'],
    ['GST', 'salesTax'],
    ['Default Revenue', 'defaultRevenue'],
    ['Sales/Revenue', 'defaultRevenue'],
    ['Sales / Revenue', 'defaultRevenue'],
    ['Revenue', 'defaultRevenue'],
    ['Inventory Control', 'inventoryControl'],
    ['Inventory Control Account', 'inventoryControl'],
    ['Inventory control:', 'inventoryControl'],
    ['Inventory Discrepancy', 'inventoryDiscrepancy'],
    ['Cost of Goods Sold', 'cogs'],
    ['Cost of Goods Sold (COGS)', 'cogs'],
    ['COGS', 'cogs'],
    ['Tax Liability', 'taxLiability'],
    ['Work in Progress', 'workInProgress'],
    ['Work-in-Progress', 'workInProgress'],
    ['WIP', 'workInProgress'],
    ['Supplier Deposits', 'supplierDeposits'],
    ['Prepayments', 'supplierDeposits'],
    ['Customer Credits', 'customerCredits'],
    ['In Transit', 'inTransit'],
    ['In-Transit', 'inTransit'],
    ['Stock in Transit (Goods Invoiced, Not Received)', 'stockInTransit'],
    ['Stock in Transit', 'stockInTransit'],
    ['Goods Invoiced, Not Received', 'stockInTransit'],
    ['GINR', 'stockInTransit'],
    ['Inventory Accrual (Goods Received, Not Invoiced)', 'inventoryAccrual'],
    ['Inventory Accrual', 'inventoryAccrual'],
    ['Goods Received Not Invoiced', 'inventoryAccrual'],
    ['GRNI', 'inventoryAccrual'],
    ['Purchase accrual (GRNI)', 'inventoryAccrual'],
    ['Realized Currency Gains', 'realizedCurrencyGains'],
    ['Realised Currency Gains', 'realizedCurrencyGains'],
    ['Realised currency gain', 'realizedCurrencyGains'],
    ['Unrealized Currency Gains', 'unrealizedCurrencyGains'],
    ['Unrealised Currency Gains', 'unrealizedCurrencyGains'],
    ['Payment Clearing', 'paymentClearing'],
    ['Current Year Profits', 'currentYearProfits'],
    ['Gift Card Liability', 'giftCardLiability'],
    ['Gift Cards', 'giftCardLiability'],
    ['Inventory Control - asset', 'inventoryControl'],
    ['Sales Tax Payable', 'salesTax'],
  ])('%s → %s', (label, expected) => {
    expect(matchRoleLabel(label)).toBe(expected);
  });

  it.each([[''], ['   '], [null], [undefined], ['Transit'], ['Inventory'], ['Sales Returns'], ['Bank Fees'], ['Stock'], ['(unused)'], ['Gift Card Expense'], ['Stock Adjustments']])('%s → null', (label) => {
    expect(matchRoleLabel(label)).toBeNull();
  });

  it('never reads "Stock in Transit" rows as In Transit, nor Unrealized as Realized', () => {
    for (const label of ['Stock in Transit (Goods Invoiced, Not Received)', 'STOCK IN TRANSIT', 'Stock-in-transit account']) {
      expect(matchRoleLabel(label)).toBe('stockInTransit');
    }
    expect(matchRoleLabel('Unrealised currency gains / losses')).toBe('unrealizedCurrencyGains');
  });

  it('matches every role by its own label and synonyms', () => {
    for (const definition of ROLES) {
      for (const phrase of [definition.label, ...definition.synonyms]) expect(matchRoleLabel(phrase)).toBe(definition.id);
    }
  });
});
