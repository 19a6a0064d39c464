// Recognising Cin7 Core pages by what they show, on markups the sandbox does not produce (tests/fixtures/cin7).
import { describe, expect, it } from 'vitest';
import { readAccountMapping } from '../../../utils/cin7/page/account-mapping';
import { mightShow, readChartOfAccounts, readLockDateField, readPageElements, signScore } from '../../../utils/cin7/page/recognise';
import type { Cin7PageKind } from '../../../utils/schemas/finding';
import { loadFixture } from './load-fixture';

const text = () => (document.body.textContent ?? '').toLowerCase();
const recognised = (page: Cin7PageKind) => mightShow(page, text()) && readPageElements(page) !== null;

describe('page recognition on unseen markups', () => {
  it.each([
    ['account-mapping-extjs-combos.html', 'accountMapping'],
    ['account-mapping-aria-grid-selects.html', 'accountMapping'],
    ['account-mapping-label-inputs.html', 'accountMapping'],
    ['account-mapping-label-form.html', 'accountMapping'],
    ['chart-of-accounts-table.html', 'chartOfAccounts'],
    ['general-settings-form.html', 'generalSettings'],
  ] as const)('%s is recognised as %s and as nothing else', (fixture, page) => {
    loadFixture(fixture);
    const pages: Cin7PageKind[] = ['accountMapping', 'chartOfAccounts', 'generalSettings'];
    expect(pages.filter(recognised)).toEqual([page]);
  });

  it('reads the Ext JS combo grid: roles, the chosen account, the empty one', () => {
    loadFixture('account-mapping-extjs-combos.html');
    const result = readAccountMapping(document);
    expect(result.ok && result.rows.map((row) => [row.roleId, row.account])).toEqual([
      ['accountsReceivable', '610 - Accounts Receivable'],
      ['salesTax', '820 - GST'],
      ['cogs', ''],
    ]);
  });

  it('reads the ARIA grid of selects and the label-and-input form', () => {
    loadFixture('account-mapping-aria-grid-selects.html');
    const grid = readAccountMapping(document);
    expect(grid.ok && grid.rows.map((row) => [row.roleId, row.account])).toEqual([
      ['accountsPayable', '800 Accounts Payable'],
      ['defaultRevenue', '200 Sales'],
      ['cogs', ''],
      ['inventoryControl', '630 Inventory'],
    ]);
    loadFixture('account-mapping-label-inputs.html');
    const form = readAccountMapping(document);
    expect(form.ok && form.layout).toBe('form');
    expect(form.ok && form.rows.map((row) => [row.roleId, row.account])).toEqual([
      ['accountsReceivable', '610 - Accounts Receivable'],
      ['inventoryControl', '630 - Inventory'],
      ['cogs', ''],
      ['customerCredits', '2100 - Customer credits'],
    ]);
  });

  it('reads the chart’s coded rows (class headings skipped) and the lock date', () => {
    loadFixture('chart-of-accounts-table.html');
    const chart = readChartOfAccounts(document);
    expect(chart.ok && chart.rows.map((row) => row.code)).toEqual(['610', '630', '500']);
    loadFixture('general-settings-form.html');
    expect(readLockDateField(document)?.value).toBe('2026-01-31');
  });

  it('the cheap check fails on an unrelated page, so no full read is needed there', () => {
    loadFixture('unreadable-page.html');
    for (const page of ['accountMapping', 'chartOfAccounts', 'generalSettings'] as const) expect(mightShow(page, text()), page).toBe(false);
    loadFixture('sale-lines-extjs-grid.html');
    for (const page of ['accountMapping', 'chartOfAccounts', 'generalSettings'] as const) expect(mightShow(page, text()), page).toBe(false);
  });

  it('one role name is not enough; one-word synonyms do not count', () => {
    expect(signScore('accountMapping', 'inventory control')).toBe(1);
    expect(signScore('accountMapping', 'sales revenue gst cogs')).toBe(1);
    expect(mightShow('accountMapping', 'cost of goods sold … accounts payable')).toBe(true);
    expect(mightShow('generalSettings', 'period lock date')).toBe(true);
  });
});
