// The chart readers on Xero's classic chart in a shape the sandbox does not produce (tests/fixtures/xero/
// chart-of-accounts-classic.html): description lines, a padlock row, select all, an Ext JS popup without ARIA role,
// bulk links beside the Archive tab.
import { describe, expect, it } from 'vitest';
import { bulkActionAt, bulkActionOf, readAccountDialogs } from '../../../utils/xero/page/account-dialog';
import { readChart, selectedAccounts } from '../../../utils/xero/page/chart';
import { loadFixture } from './helpers';

describe('classic chart of accounts', () => {
  it('reads the classic chart in another shape: description lines ignored, a padlock row, select all', () => {
    loadFixture('chart-of-accounts-classic.html');
    const accounts = readChart(document);
    expect(accounts.map((account) => [account.code, account.name, account.typeLabel])).toEqual([
      ['200', 'Sales', 'Revenue'],
      ['310', 'Cost of Goods Sold', 'Direct Costs'],
      ['610', 'Accounts Receivable', 'Current Asset'],
      ['630', '<img src=x onerror="alert(1)"> Inventory', 'Inventory'],
    ]);
    expect(accounts.map((account) => account.box !== null)).toEqual([true, true, false, true]);
    expect(selectedAccounts(accounts)).toEqual([]);
    (accounts[1]!.box as HTMLInputElement).checked = true;
    expect(selectedAccounts(accounts).map((account) => account.code)).toEqual(['310']);
    // "Select all" ticks every row that has a box; the locked account (padlock) is never among them.
    (document.querySelector('input[title="Select all accounts"]') as HTMLInputElement).checked = true;
    expect(selectedAccounts(readChart(document)).map((account) => account.code)).toEqual(['200', '310', '630']);
  });

  it('finds the Ext JS confirmation by its header text (no ARIA role), and skips a hidden one', () => {
    loadFixture('chart-of-accounts-classic.html');
    const dialogs = readAccountDialogs(document);
    expect(dialogs.map((dialog) => [dialog.kind, dialog.dialog.id])).toEqual([['delete', 'ext-comp-1042']]);
    expect(dialogs[0]!.warningHost.className).toBe('x-window-body');
    (document.getElementById('ext-comp-1001') as HTMLElement).style.display = '';
    expect(readAccountDialogs(document).map((dialog) => dialog.kind)).toEqual(['delete', 'archive']);
  });

  it('tells the bulk links from the Archive tab and from the popup’s own links', () => {
    loadFixture('chart-of-accounts-classic.html');
    const links = [...document.querySelectorAll('a')];
    const byText = (text: string) => links.filter((link) => link.textContent === text);
    expect(byText('Archive').map((link) => bulkActionOf(link))).toEqual([null, 'archive']);
    expect(byText('Delete').map((link) => bulkActionOf(link))).toEqual(['delete']);
    expect(bulkActionAt(byText('Delete')[0]!)).toBe('delete');
    expect(bulkActionAt(document.getElementById('popupOK'))).toBeNull();
  });

});
