// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { effectiveAccount, type EffectiveAccountInput } from '../../../utils/audit/effective-account';
import { buildContext } from '../../../utils/audit/context';
import { snapshotWith, TODAY } from './fixtures';

const ctx = buildContext(snapshotWith(), TODAY);
const unmapped = buildContext(snapshotWith((raw) => (raw.cin7.mapping = null)), TODAY);

const line = { Account: '260' };
const product = { RevenueAccount: '201', COGSAccount: '311', InventoryAccount: '1401', ExpenseAccount: '429' };
const saleHeader = { DefaultAccount: '202' };
const purchaseHeader = { InventoryAccount: '1402' };
const customer = { RevenueAccount: '203', AccountReceivable: '611' };
const supplier = { AccountPayable: '801' };

describe('effectiveAccount', () => {
  it.each<[string, EffectiveAccountInput, { code: string; level: string } | null]>([
    ['line wins', { role: 'defaultRevenue', line, product, header: saleHeader, contact: customer }, { code: '260', level: 'line' }],
    ['then product', { role: 'defaultRevenue', line: {}, product, header: saleHeader, contact: customer }, { code: '201', level: 'product' }],
    ['then header', { role: 'defaultRevenue', line: { Account: '  ' }, product: {}, header: saleHeader, contact: customer }, { code: '202', level: 'header' }],
    ['then customer', { role: 'defaultRevenue', line: { Account: null }, product: null, header: {}, contact: customer }, { code: '203', level: 'contact' }],
    ['then the mapped default', { role: 'defaultRevenue', line: {}, product: {}, header: {}, contact: {} }, { code: '200', level: 'default' }],
    ['COGS comes from the product', { role: 'cogs', line, product, header: saleHeader, contact: customer }, { code: '311', level: 'product' }],
    ['COGS ignores the sale line and header', { role: 'cogs', line, header: saleHeader, contact: customer }, { code: '310', level: 'default' }],
    ['purchase line wins', { role: 'inventoryControl', line: { Account: '1420' }, product, header: purchaseHeader }, { code: '1420', level: 'line' }],
    ['purchase product inventory account', { role: 'inventoryControl', line: {}, product, header: purchaseHeader }, { code: '1401', level: 'product' }],
    ['purchase header inventory account', { role: 'inventoryControl', product: {}, header: purchaseHeader, contact: supplier }, { code: '1402', level: 'header' }],
    ['suppliers carry no inventory account', { role: 'inventoryControl', contact: supplier }, { code: '1400', level: 'default' }],
    ['service expense from the product', { role: 'serviceExpense', product, header: purchaseHeader }, { code: '429', level: 'product' }],
    ['service expense has no default', { role: 'serviceExpense', product: {}, header: purchaseHeader }, null],
    ['receivable from the customer', { role: 'accountsReceivable', contact: customer }, { code: '611', level: 'contact' }],
    ['receivable default', { role: 'accountsReceivable', contact: {} }, { code: '610', level: 'default' }],
    ['payable from the supplier', { role: 'accountsPayable', contact: supplier }, { code: '801', level: 'contact' }],
  ])('%s', (_name, input, expected) => {
    expect(effectiveAccount(input, ctx)).toEqual(expected);
  });

  it('returns null when nothing sets an account and the mapping is unknown', () => {
    expect(effectiveAccount({ role: 'defaultRevenue' }, unmapped)).toBeNull();
    expect(effectiveAccount({ role: 'defaultRevenue', product }, unmapped)).toEqual({ code: '201', level: 'product' });
  });
});
