import { describe, expect, it } from 'vitest';
import { readAccountMapping } from '../../../utils/cin7/page/account-mapping';
import { loadFixture } from './load-fixture';

function readFixture(name: string) {
  loadFixture(name);
  const result = readAccountMapping(document);
  if (!result.ok) throw new Error(result.reason);
  return result;
}

const plain = (rows: { label: string; account: string; roleId: string | null }[]) =>
  rows.map(({ label, account, roleId }) => ({ label, account, roleId }));

describe('readAccountMapping', () => {
  it('reads an Ext JS grid by ARIA roles and its "Xero account" column', () => {
    const result = readFixture('account-mapping-extjs-grid.html');
    expect(result.layout).toBe('grid');
    expect(plain(result.rows)).toEqual([
      { label: 'Accounts Receivable', account: '610: Accounts Receivable', roleId: 'accountsReceivable' },
      { label: 'Accounts Payable', account: '800: Accounts Payable', roleId: 'accountsPayable' },
      { label: 'Inventory Control', account: '630 - Inventory', roleId: 'inventoryControl' },
      { label: 'Cost of Goods Sold', account: '', roleId: 'cogs' },
      { label: 'Stock in Transit (Goods Invoiced, Not Received)', account: '1410', roleId: 'stockInTransit' },
      { label: 'Realised Currency Gains', account: '4100: Realised Currency Gains', roleId: 'realizedCurrencyGains' },
    ]);
    // Badges go on the row and next to the label cell.
    expect(result.rows[0]!.row.tagName).toBe('TR');
    expect(result.rows[0]!.labelElement.textContent).toContain('Accounts Receivable');
  });

  it('reads a plain table with selects, skipping the header row and an unrelated table', () => {
    const result = readFixture('account-mapping-plain-table.html');
    expect(result.layout).toBe('table');
    expect(plain(result.rows)).toEqual([
      { label: 'Accounts Receivable', account: '610: Accounts Receivable', roleId: 'accountsReceivable' },
      { label: 'Accounts Payable', account: '800: Accounts Payable', roleId: 'accountsPayable' },
      { label: 'Sales Tax', account: '', roleId: 'salesTax' },
      { label: 'Default Revenue', account: '200: Sales', roleId: 'defaultRevenue' },
      { label: 'Inventory Control', account: '1400: Inventory Control', roleId: 'inventoryControl' },
      { label: 'Customer Credits', account: '1400: Inventory Control', roleId: 'customerCredits' },
      // Markup in an account name is data: read as text, never parsed.
      { label: 'Gift Card Liability', account: '2150: <script>alert(1)</script>', roleId: 'giftCardLiability' },
    ]);
  });

  it('reads a label-and-select form (for=, nested label, aria-labelledby combo box, aria-label)', () => {
    const result = readFixture('account-mapping-label-form.html');
    expect(result.layout).toBe('form');
    expect(plain(result.rows).sort((a, b) => a.label.localeCompare(b.label))).toEqual([
      { label: 'Accounts Receivable', account: '610 - Accounts Receivable', roleId: 'accountsReceivable' },
      { label: 'Cost of Goods Sold (COGS)', account: '500 - Cost of Goods Sold', roleId: 'cogs' },
      { label: 'In Transit', account: '1430 - Goods in transit', roleId: 'inTransit' },
      { label: 'Inventory Control', account: '1400 - Inventory Control', roleId: 'inventoryControl' },
      { label: 'Sales/Revenue', account: '200 - Sales', roleId: 'defaultRevenue' },
      { label: 'Work in Progress', account: '', roleId: 'workInProgress' },
    ]);
  });

  it('follows a changed selection (re-reading picks up the new value)', () => {
    loadFixture('account-mapping-plain-table.html');
    const select = document.querySelector<HTMLSelectElement>('select[name="m_tax"]')!;
    select.value = '820';
    const result = readAccountMapping(document);
    expect(result.ok && result.rows.find((row) => row.roleId === 'salesTax')?.account).toBe('820: GST');
  });

  it('says so when the page holds no mapping', () => {
    loadFixture('unreadable-page.html');
    const result = readAccountMapping(document);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/Could not find the account mapping/);
  });

  it('never throws on odd markup', () => {
    document.body.replaceChildren();
    const row = document.createElement('div');
    row.setAttribute('role', 'row');
    document.body.append(row, document.createElement('tr'), document.createElement('label'));
    expect(readAccountMapping(document).ok).toBe(false);
  });
});
