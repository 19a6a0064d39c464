// The page readers against the sandbox's pages and a variant markup of each: what they read, not how.
import { describe, expect, it } from 'vitest';
import { bulkActionAt, bulkActionOf, readAccountDialogs } from '../../../utils/xero/page/account-dialog';
import { readBankAccounts } from '../../../utils/xero/page/bank-accounts';
import { findChartRow, readChart, selectedAccounts } from '../../../utils/xero/page/chart';
import { readCurrencies } from '../../../utils/xero/page/currencies';
import { readItems } from '../../../utils/xero/page/items';
import { parseShownDay, readLockDates } from '../../../utils/xero/page/lock-dates';
import { organisationFromTitle, readOrganisation } from '../../../utils/xero/page/organisation';
import { findXeroTarget } from '../../../utils/xero/page/targets';
import { readTrackingCategories } from '../../../utils/xero/page/tracking';
import { loadFixture } from './helpers';

describe('chart of accounts', () => {
  // Changed by issue #13: archived accounts leave the main list (they were listed with "(Archived)" before).
  it('reads the sandbox page: code, name, type; archived accounts only on the Archive tab', () => {
    loadFixture('chart-of-accounts.html');
    const accounts = readChart(document);
    expect(accounts.map((account) => account.code)).toEqual(['200', '310', '1400', '090']);
    expect(accounts[1]).toMatchObject({ name: 'Cost of Goods Sold', typeLabel: 'Direct Costs', archived: false });
    expect(accounts[1]!.badgeHost.textContent).toContain('Cost of Goods Sold');
    expect(accounts.every((account) => account.box !== null)).toBe(true);
    loadFixture('chart-of-accounts-archive.html');
    expect(readChart(document, undefined, { archivedList: true }).map((account) => [account.code, account.name, account.archived])).toEqual([
      ['425', '<img src=x onerror="alert(1)">Evil & Co', true],
    ]);
    // The row itself does not say "archived": only the tab does.
    expect(readChart(document)[0]?.archived).toBe(false);
  });

  it('reads only the rows whose code `keep` accepts, the same rows as a full read', () => {
    loadFixture('chart-of-accounts.html');
    const wanted = new Set(['310', '090']);
    const kept = readChart(document, (code) => wanted.has(code));
    expect(kept.map((account) => [account.code, account.name])).toEqual([
      ['310', 'Cost of Goods Sold'],
      ['090', readChart(document).find((account) => account.code === '090')?.name],
    ]);
    expect(kept[0]!.badgeHost).toBe(readChart(document)[1]!.badgeHost);
  });

  it('reads an ARIA grid with selection boxes and a description under the name', () => {
    loadFixture('chart-of-accounts-grid.html');
    const accounts = readChart(document);
    expect(accounts.map((account) => [account.code, account.name, account.archived])).toEqual([
      ['200', 'Sales', false],
      ['310', 'Cost of Goods Sold', false],
      ['630', 'Inventory', false],
      ['477', '<img src=x onerror="alert(1)"> Wages', true],
    ]);
    expect(selectedAccounts(accounts).map((account) => account.code)).toEqual(['310']);
    expect(findChartRow(' 630 ', document)?.name).toBe('Inventory');
    expect(findChartRow('999', document)).toBeNull();
  });

  it('recognises the archive confirmation and the bulk buttons by their words', () => {
    loadFixture('chart-of-accounts-grid.html');
    const dialogs = readAccountDialogs(document);
    expect(dialogs).toHaveLength(1);
    expect(dialogs[0]).toMatchObject({ kind: 'archive', code: null });
    const buttons = [...document.querySelectorAll('button')];
    // The organisation menu, the two tabs (the Archive tab is no action), Add Account, Archive, Delete, then the
    // confirmation's Archive and Cancel (a click there is not a bulk action: bulkActionAt).
    expect(buttons.map((button) => bulkActionOf(button))).toEqual([null, null, null, null, 'archive', 'delete', 'archive', null]);
    expect(buttons.map((button) => bulkActionAt(button))).toEqual([null, null, null, null, 'archive', 'delete', null, null]);
  });

  it('reads the edit dialog: code and chosen type, with labels wrapping their controls', () => {
    loadFixture('account-edit-dialog.html');
    const [dialog] = readAccountDialogs(document);
    expect(dialog).toMatchObject({ kind: 'edit', code: '310', typeCode: 'DIRECTCOSTS', typeLabel: 'Direct Costs' });
  });

  it('reads only the given candidates when a dialog tracker supplies them, keeping just the dialogs among them', () => {
    loadFixture('account-edit-dialog.html');
    const dialog = document.querySelector('[role="dialog"], [role="alertdialog"], dialog[open]') as Element;
    expect(readAccountDialogs(document, [])).toEqual([]);
    expect(readAccountDialogs(document, [document.body, dialog])).toEqual([expect.objectContaining({ kind: 'edit', code: '310' })]);
  });

  it('reads the sandbox edit dialog (labels with for=)', () => {
    loadFixture('chart-of-accounts.html');
    expect(readAccountDialogs(document)).toEqual([]);
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-labelledby', 'editAccountTitle');
    const title = document.createElement('h2');
    title.id = 'editAccountTitle';
    title.textContent = 'Edit Account';
    const typeLabel = Object.assign(document.createElement('label'), { htmlFor: 'AccountType', textContent: 'Account Type' });
    const type = Object.assign(document.createElement('select'), { id: 'AccountType' });
    for (const [value, text] of [['CURRENT', 'Current Asset'], ['DIRECTCOSTS', 'Direct Costs']] as const) {
      type.append(Object.assign(document.createElement('option'), { value, textContent: text }));
    }
    type.value = 'DIRECTCOSTS';
    const codeLabel = Object.assign(document.createElement('label'), { htmlFor: 'AccountCode', textContent: 'Code' });
    const code = Object.assign(document.createElement('input'), { id: 'AccountCode', type: 'text' });
    code.value = '310';
    dialog.append(title, typeLabel, type, codeLabel, code);
    document.body.append(dialog);
    expect(readAccountDialogs(document)).toEqual([expect.objectContaining({ kind: 'edit', code: '310', typeCode: 'DIRECTCOSTS' })]);
  });
});

describe('lock dates', () => {
  it('reads the sandbox page by the labels’ words', () => {
    loadFixture('financial-settings.html');
    const dates = readLockDates(document);
    expect(dates.period).toMatchObject({ day: '2026-03-31', shown: '31 Mar 2026' });
    expect(dates.endOfYear).toMatchObject({ day: null, shown: '' });
  });

  it('reads the variant: labels wrapping inputs, numeric and ISO dates', () => {
    loadFixture('financial-settings-variant.html');
    const dates = readLockDates(document);
    expect(dates.period?.day).toBe('2025-06-30');
    expect(dates.endOfYear?.day).toBe('2024-12-31');
  });

  it.each([
    ['Stop all users except advisors making changes on or before', 'period'],
    ['Stop all users except advisers making changes on and before', 'period'],
    ['Stop all users except advisor making changes on or before', 'period'],
    ['Period lock date', 'period'],
    ['Soft lock date', 'period'],
    ['Stop all users making changes on or before', 'endOfYear'],
    ['Stop all users making changes on and before', 'endOfYear'],
    ['End of year lock date', 'endOfYear'],
    ['Hard lock date', 'endOfYear'],
    ['Stop all users except administrators making changes', null],
  ])('the label “%s” is the %s lock date', (label, which) => {
    document.body.replaceChildren();
    const field = document.createElement('label');
    field.append(label, Object.assign(document.createElement('input'), { value: '30 Sep 2008' }));
    document.body.append(field);
    const dates = readLockDates(document);
    expect(dates.period ? 'period' : dates.endOfYear ? 'endOfYear' : null).toBe(which);
    expect((dates.period ?? dates.endOfYear)?.day ?? null).toBe(which ? '2008-09-30' : null);
  });

  it.each([
    ['31 Mar 2026', '2026-03-31'],
    ['1-Feb-2025', '2025-02-01'],
    ['30 September 2024', '2024-09-30'],
    ['2026-03-31', '2026-03-31'],
    ['31/03/2026', '2026-03-31'],
    ['03/31/2026', '2026-03-31'],
    ['05/04/2026', '2026-04-05'],
    ['31 Feb 2026', null],
    ['31 Foo 2026', null],
    ['', null],
    ['No lock date', null],
  ])('parseShownDay(%j) → %j', (text, expected) => {
    expect(parseShownDay(text)).toBe(expected);
  });
});

describe('items', () => {
  it('reads tracked items from the quantity column (sandbox)', () => {
    loadFixture('products-and-services.html');
    expect(readItems(document).map((item) => [item.code, item.name, item.tracked])).toEqual([
      ['SKU-000', 'Product 0', true],
      ['SKU-001', 'Product 1', false],
    ]);
  });

  it('reads a header-less table with a Tracked column', () => {
    loadFixture('products-and-services-variant.html');
    expect(readItems(document).map((item) => [item.code, item.tracked])).toEqual([
      ['W-BLUE', true],
      ['W-RED', false],
      ['SVC-1', false],
    ]);
  });
});

describe('tracking, currencies, bank accounts', () => {
  it('reads tracking categories from headings or a table', () => {
    loadFixture('tracking.html');
    expect(readTrackingCategories(document).map((category) => [category.name, category.archived])).toEqual([
      ['Region', false],
      ['Old', true],
    ]);
    expect(readTrackingCategories(document)[0]?.options).toEqual([{ name: 'North', archived: false }]);
    loadFixture('tracking-variant.html');
    expect(readTrackingCategories(document)[0]?.options?.length).toBeGreaterThan(0);
    expect(readTrackingCategories(document).map((category) => [category.name, category.archived])).toEqual([
      ['Region', false],
      ['Channel', false],
      ['<img src=x onerror="alert(1)"> Project', false],
      ['Legacy', true],
    ]);
  });

  it('reads currency codes', () => {
    loadFixture('currencies.html');
    expect(readCurrencies(document).map((row) => row.code)).toEqual(['NZD']);
    loadFixture('currencies-variant.html');
    expect(readCurrencies(document).map((row) => row.code)).toEqual(['NZD', 'USD']);
  });

  // Changed by issue #13: Xero's bank accounts page shows no code (the sandbox showed "Code 090" before).
  it('reads bank accounts without a code column: name, number, AccountID; a code only where the page shows one', () => {
    loadFixture('bank-accounts.html');
    expect(readBankAccounts(document).map((account) => [account.name, account.number, account.code, account.accountId])).toEqual([
      ['Business Bank', '12-3456-7890123-00', null, '9a000000-0000-4000-8000-000000000005'],
    ]);
    loadFixture('bank-accounts-classic.html');
    expect(readBankAccounts(document).map((account) => [account.name, account.number, account.code, account.accountId])).toEqual([
      ['Business Bank Account', '090-8007-006543', null, '9a000000-0000-4000-8000-0000000000b1'],
      ['Business Savings Account', '121314-121314', null, '9a000000-0000-4000-8000-0000000000b2'],
      ['Business Savings Account', '121314-999999', null, null],
    ]);
    loadFixture('bank-accounts-variant.html');
    expect(readBankAccounts(document).map((account) => [account.name, account.code, account.number])).toEqual([
      ['Business Cheque', '090', '12-3456-789'],
      ['<img src=x onerror="alert(1)"> Savings', '', '12-3456-790'],
    ]);
  });
});

describe('organisation', () => {
  it('takes the short code from the URL first, then the header element', () => {
    loadFixture('chart-of-accounts.html');
    expect(readOrganisation(document, new URL('https://go.xero.com/GeneralLedger/ChartOfAccounts.aspx'))).toEqual({ shortCode: '!Fx1tu', name: 'Fixture Ltd' });
    expect(readOrganisation(document, new URL('https://go.xero.com/app/!Other/chart-of-accounts')).shortCode).toBe('!Other');
  });

  it.each([
    ['Xero | Chart Of Accounts | Demo Company (Global)', 'Demo Company (Global)'],
    ['Xero | Dashboard | Greek Restaurant Ltd', 'Greek Restaurant Ltd'],
    ['Xero | Bank Accounts | A | B Ltd', 'A | B Ltd'],
    ['Xero | Chart of accounts', undefined],
    ['Login | Xero Accounting Software', undefined],
    ['Chart of accounts – Fixture Ltd – Xero', 'Fixture Ltd'],
  ])('organisationFromTitle(%j) → %j', (title, name) => {
    expect(organisationFromTitle(title)).toBe(name);
  });

  it('reads a classic page with no short code anywhere: the name from the title', () => {
    loadFixture('bank-accounts-classic.html');
    expect(readOrganisation(document, new URL('https://go.xero.com/Bank/BankAccounts.aspx'))).toEqual({ name: 'Classic Variant' });
    expect(readOrganisation(document, new URL('https://go.xero.com/app/!kh5BZ/homepage'))).toEqual({ shortCode: '!kh5BZ', name: 'Classic Variant' });
  });

  it('falls back to the title for the name', () => {
    loadFixture('financial-settings-variant.html');
    expect(readOrganisation(document, new URL('https://go.xero.com/Setup/FinancialSettings.aspx'))).toEqual({ name: 'Variant Org' });
    expect(organisationFromTitle('Chart of accounts – A – B Ltd – Xero')).toBe('A – B Ltd');
    expect(organisationFromTitle('Xero')).toBeUndefined();
    expect(organisationFromTitle('Something – Else')).toBeUndefined();
  });
});

describe('arrival targets', () => {
  it('finds accounts, items, currencies and lock dates', () => {
    loadFixture('chart-of-accounts.html');
    expect(findXeroTarget({ kind: 'account', key: '1400' })?.textContent).toContain('Inventory');
    expect(findXeroTarget({ kind: 'account', key: '9999' })).toBeNull();
    loadFixture('bank-accounts.html');
    expect(findXeroTarget({ kind: 'account', key: '9a000000-0000-4000-8000-000000000005' })?.textContent).toContain('Business Bank');
    expect(findXeroTarget({ kind: 'account', key: 'Business Bank' })?.textContent).toContain('Business Bank');
    loadFixture('bank-accounts-classic.html');
    expect(findXeroTarget({ kind: 'account', key: '9A000000-0000-4000-8000-0000000000B2' })?.textContent).toContain('121314-121314');
    loadFixture('products-and-services-variant.html');
    expect(findXeroTarget({ kind: 'item', key: 'w-blue' })?.textContent).toContain('Blue widget');
    loadFixture('currencies-variant.html');
    expect(findXeroTarget({ kind: 'currency', key: 'usd' })?.textContent).toContain('United States Dollar');
    loadFixture('financial-settings.html');
    expect(findXeroTarget({ kind: 'lock', key: 'endOfYear' })?.querySelector('input')?.id).toBe('EndOfYearLockDate');
    expect(findXeroTarget({ kind: 'unknown', key: 'x' })).toBeNull();
  });
});
