// Chart of accounts feature: role badges by code, problems on the badge, the warning in the edit dialog (and when
// the chosen type does not fit), the bulk Archive confirmation, names as text, and cleanup on abort.
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import chartOfAccounts, { archivedBadge, roleBadge } from '../../../entrypoints/xero.content/features/chart-of-accounts';
import { WARNING_ATTRIBUTE } from '../../../utils/overlay/inline-warning';
import { BADGE_ATTRIBUTE } from '../../../utils/overlay/badges';
import type { PanelContributionStore } from '../../../utils/overlay/panel-state';
import { finding, status } from '../overlay/status-fixtures';
import { facts, featureEnv, loadFixture, settle } from './helpers';

/** Each test's feature stops after it: one left running would badge the next test's page by its own URL. */
const started: AbortController[] = [];
afterEach(() => {
  cleanup();
  for (const controller of started.splice(0)) controller.abort();
});

const CHART = 'https://go.xero.com/GeneralLedger/ChartOfAccounts.aspx';
const mapped = facts({
  mappedAccounts: [
    { code: '310', roleIds: ['cogs'] },
    { code: '1400', roleIds: ['inventoryControl', 'inTransit'] },
    { code: '425', roleIds: ['inventoryDiscrepancy'] },
  ],
});

function badgeTexts(): Record<string, string> {
  return Object.fromEntries(
    [...document.querySelectorAll(`[${BADGE_ATTRIBUTE}="cin7-role"]`)].map((badge) => {
      // The code column follows the tick box column.
      const code = badge.closest('tr, [role="row"]')!.querySelector('td:nth-child(2), [role="gridcell"]:nth-child(2)')!.textContent!.trim();
      return [code, badge.querySelector('[role="note"]')!.textContent!];
    }),
  );
}

function sectionText(panel: PanelContributionStore, id: string): string {
  const section = panel.getState().sections.find((item) => item.id === id);
  if (!section) throw new Error(`no section ${id}`);
  return render(<>{section.content}</>).container.textContent ?? '';
}

const ARCHIVED_FINDING = finding({ key: 'arch', code: 'ACCOUNT_ARCHIVED', subject: { kind: 'account', key: '425', label: '425' }, message: 'Account 425 is archived in Xero.' });

async function start(fixture: string, findings = [ARCHIVED_FINDING], url = CHART) {
  loadFixture(fixture);
  const setup = featureEnv(url, status({ findings }), mapped);
  started.push(setup.controller);
  await setup.statusStore.load();
  await setup.factsStore.load();
  await chartOfAccounts.init(setup.controller.signal, setup.env);
  await settle(50);
  return setup;
}

describe('chart-of-accounts feature', () => {
  it('badges each mapped account with its roles and problems, on the sandbox page', async () => {
    const { controller, panel } = await start('chart-of-accounts.html', [finding({ key: 'tm', subject: { kind: 'account', key: '310', label: '310' } })]);
    expect(badgeTexts()).toEqual({
      '310': 'Cin7 Core: COGS · 1 problem',
      '1400': 'Cin7 Core: Inventory, In Transit',
    });
    const problem = document.querySelector('tr[data-code="310"] [data-mg-tone]');
    expect(problem?.getAttribute('data-mg-tone')).toBe('error');
    // The finding's fix stays in Xero: same tab.
    expect(problem?.querySelector('a[data-mg-fix]')?.getAttribute('target')).toBeNull();
    expect(sectionText(panel, 'chart-of-accounts')).toContain('310 Cost of Goods Sold');
    controller.abort();
    expect(document.querySelectorAll(`[${BADGE_ATTRIBUTE}]`)).toHaveLength(0);
  });

  it('on the Archive tab, says which archived accounts Cin7 Core still maps', async () => {
    const { panel } = await start('chart-of-accounts-archive.html', [ARCHIVED_FINDING], `${CHART}?accountClass=ACCTSTATUS/ARCHIVED&PageSize=200`);
    expect(badgeTexts()).toEqual({ '425': 'Archived — Cin7 Core maps it to Discrepancy' });
    const badge = document.querySelector('tr[data-code="425"] [data-mg-tone]');
    expect(badge?.getAttribute('data-mg-tone')).toBe('error');
    expect(badge?.querySelector('a[data-mg-fix]')).not.toBeNull();
    // The hostile name is read and shown as text: no element was created from it.
    expect(document.querySelectorAll('img')).toHaveLength(0);
    expect(sectionText(panel, 'chart-of-accounts')).toContain('<img src=x onerror="alert(1)">Evil & Co (archived in Xero)');
    expect(document.querySelectorAll('img')).toHaveLength(0);
  });

  it('a fix link to an archived account on the main list points to the Archive tab', async () => {
    const { panel } = await start('chart-of-accounts.html', [ARCHIVED_FINDING], `${CHART}#mg-target=account:425`);
    const section = panel.getState().sections.find((item) => item.id === 'chart-of-accounts')!;
    const { container } = render(<>{section.content}</>);
    expect(container.textContent).toContain('Account 425 is not in this list.');
    expect(container.querySelector('a')?.getAttribute('href')).toBe('https://go.xero.com/GeneralLedger/ChartOfAccounts.aspx?accountClass=ACCTSTATUS/ARCHIVED&PageSize=200#mg-target=account:425');
    // An account that is on the list: no such note.
    const shown = await start('chart-of-accounts.html', [], `${CHART}#mg-target=account:310`);
    expect(sectionText(shown.panel, 'chart-of-accounts')).not.toContain('is not in this list');
  });

  it('warns in the Ext JS popup after a bulk Delete of a ticked mapped account, before OK', async () => {
    const { panel } = await start('chart-of-accounts-classic.html', [], 'https://go.xero.com/GeneralLedger/ChartOfAccounts.aspx');
    const popup = document.getElementById('ext-comp-1042')!;
    // Nothing ticked yet: the open popup gets no warning.
    expect(popup.querySelector(`[${WARNING_ATTRIBUTE}]`)).toBeNull();
    (document.querySelectorAll('#chartOfAccounts input[type="checkbox"]')[2] as HTMLInputElement).checked = true;
    const remove = [...document.querySelectorAll('a')].find((link) => link.textContent === 'Delete')!;
    remove.click();
    await settle(20);
    const warning = popup.querySelector(`.x-window-body > [${WARNING_ATTRIBUTE}]`);
    expect(warning?.textContent).toContain('Cin7 Core posts Cost of Goods Sold to account 310.');
    expect(warning?.textContent).toContain('If you delete it');
    expect(sectionText(panel, 'chart-of-accounts')).toContain('You chose to delete 310');
    expect(sectionText(panel, 'chart-of-accounts')).toContain('310 Cost of Goods Sold: Cost of Goods Sold');
  });

  it('follows the rows the page re-renders: a name drawn again without its badge, a code changed to a mapped one', async () => {
    const { panel } = await start('chart-of-accounts.html', []);
    const nameCell = document.querySelector(`tr[data-code="310"] [${BADGE_ATTRIBUTE}="cin7-role"]`)!.parentElement!;
    // The grid draws the name again, our badge gone with the old content.
    nameCell.replaceChildren(document.createTextNode('Cost of Goods Sold'));
    const codeCell = [...document.querySelector('tr[data-code="200"]')!.children].find((cell) => cell.textContent?.trim() === '200')!;
    codeCell.firstChild!.nodeValue = '425';
    await settle(400);
    expect(badgeTexts()).toEqual({
      '310': 'Cin7 Core: COGS',
      '1400': 'Cin7 Core: Inventory, In Transit',
      '425': 'Cin7 Core: Discrepancy',
    });
    // The section lists the accounts in the page's order.
    expect(sectionText(panel, 'chart-of-accounts')).toMatch(/425 Sales[\s\S]*310 Cost of Goods Sold/);
    // A row added to the table (a copy of row 200, its badge copied along) is found by the full read that rows
    // coming and going ask for, within that read's share of the main thread.
    const added = document.querySelector('tr[data-code="200"]')!.cloneNode(true) as HTMLTableRowElement;
    added.removeAttribute('data-code');
    [...added.children].find((cell) => cell.textContent?.trim() === '425')!.textContent = '310';
    document.querySelector('tr[data-code="200"]')!.parentElement!.append(added);
    await vi.waitFor(() => expect(added.querySelector(`[${BADGE_ATTRIBUTE}="cin7-role"] [role="note"]`)?.textContent).toBe('Cin7 Core: COGS'), { timeout: 5000, interval: 100 });
  });

  it('badges rows of an ARIA grid too', async () => {
    await start('chart-of-accounts-grid.html', []);
    expect(document.querySelectorAll(`[${BADGE_ATTRIBUTE}="cin7-role"]`)).toHaveLength(1);
    expect(document.querySelector(`[${BADGE_ATTRIBUTE}="cin7-role"]`)?.closest('[role="row"]')?.textContent).toContain('Cost of Goods Sold');
  });

  it('warns inside the edit dialog of a mapped account, and again when the chosen type does not fit', async () => {
    const { controller } = await start('account-edit-dialog.html', []);
    const dialog = document.querySelector('[role="dialog"]')!;
    const warning = dialog.querySelector(`[${WARNING_ATTRIBUTE}]`);
    expect(warning?.textContent).toContain('Cin7 Core posts Cost of Goods Sold to account 310.');
    expect(warning?.getAttribute('role')).toBe('alert');
    const select = dialog.querySelector('select')!;
    select.value = 'CURRENT';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect(dialog.querySelector(`[${WARNING_ATTRIBUTE}]`)?.textContent).toContain('Cost of Goods Sold needs a Direct Costs account; Current Asset breaks it');
    // The user typing a new code does not make the warning forget which account this is.
    const code = dialog.querySelectorAll('input')[0]!;
    code.value = '999';
    code.dispatchEvent(new Event('change', { bubbles: true }));
    expect(dialog.querySelector(`[${WARNING_ATTRIBUTE}]`)?.textContent).toContain('account 310');
    controller.abort();
    expect(dialog.querySelector(`[${WARNING_ATTRIBUTE}]`)).toBeNull();
  });

  it('no warning in the dialog of an account Cin7 Core does not use', async () => {
    loadFixture('account-edit-dialog.html');
    document.querySelectorAll('[role="dialog"] input')[0]!.setAttribute('value', '200');
    (document.querySelectorAll('[role="dialog"] input')[0] as HTMLInputElement).value = '200';
    const setup = featureEnv(CHART, status({ findings: [] }), mapped);
    await setup.factsStore.load();
    await chartOfAccounts.init(setup.controller.signal, setup.env);
    expect(document.querySelector(`[${WARNING_ATTRIBUTE}]`)).toBeNull();
  });

  it('warns in the Archive confirmation about the ticked mapped accounts and in the panel after the click', async () => {
    const { panel } = await start('chart-of-accounts-grid.html', []);
    const dialog = document.querySelector('[role="alertdialog"]')!;
    expect(dialog.querySelector(`[${WARNING_ATTRIBUTE}]`)?.textContent).toContain("Account code '310' has been archived");
    const archive = [...document.querySelectorAll('main button:not([role="tab"])')].find((button) => button.textContent === 'Archive')!;
    (archive as HTMLButtonElement).click();
    expect(sectionText(panel, 'chart-of-accounts')).toContain('You chose to archive 310');
  });

  it('a role badge links to the fix of its worst problem, in a new tab only for Cin7 Core', () => {
    const badge = roleBadge(['cogs'], [finding({ fix: { app: 'cin7', url: 'https://inventory.dearsystems.com/AccountMapping#mg-target=role:cogs', label: 'Open Account Mapping' } })]);
    expect(badge).toMatchObject({ tone: 'error', fix: { newTab: true } });
    expect(roleBadge(['cogs'], [])).toMatchObject({ tone: 'info', text: 'Cin7 Core: COGS' });
    expect(roleBadge(['cogs'], []).fix).toBeUndefined();
  });

  it('spells role names as the Xero organisation’s country does, with or without a finding', () => {
    expect(roleBadge(['realizedCurrencyGains'], [], 'NZ')).toMatchObject({ text: 'Cin7 Core: Realised FX' });
    expect(roleBadge(['realizedCurrencyGains'], [], 'NZ').tooltip).toContain('posts Realised Currency Gains');
    expect(roleBadge(['realizedCurrencyGains'], [], 'US')).toMatchObject({ text: 'Cin7 Core: Realized FX' });
    expect(archivedBadge('499', ['unrealizedCurrencyGains'], [], 'AU').text).toBe('Archived — Cin7 Core maps it to Unrealised FX');
  });
});
