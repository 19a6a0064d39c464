// The other page features: lock dates with the count action, tracked items, tracking categories, currencies,
// the arrival highlight (bank accounts: bank-feature.test.tsx); names as text; status store asks for the page's organisation.
import { cleanup, fireEvent, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import arrivalHighlight from '../../../entrypoints/xero.content/features/arrival-highlight';
import currencies from '../../../entrypoints/xero.content/features/currencies';
import financialSettings from '../../../entrypoints/xero.content/features/financial-settings';
import productsAndServices from '../../../entrypoints/xero.content/features/products-and-services';
import trackingCategories from '../../../entrypoints/xero.content/features/tracking-categories';
import { BADGE_ATTRIBUTE } from '../../../utils/overlay/badges';
import { HIGHLIGHT_ATTRIBUTE } from '../../../utils/overlay/highlight';
import { finding, status } from '../overlay/status-fixtures';
import { facts, featureEnv, loadFixture, pills, renderSection, settle } from './helpers';

afterEach(cleanup);

describe('financial-settings feature', () => {
  it('shows both Xero dates beside Cin7 Core’s, says they are not aligned, and counts the refused range', async () => {
    loadFixture('financial-settings.html');
    const countLockedDocuments = vi.fn(async () => ({ counted: true, sales: 3, purchases: 1 }));
    const setup = featureEnv('https://go.xero.com/Setup/FinancialSettings.aspx', status(), facts({ cin7LockDate: '2026-01-31' }), { countLockedDocuments });
    await setup.statusStore.load();
    await setup.factsStore.load();
    await financialSettings.init(setup.controller.signal, setup.env);
    expect(pills('lock-date')).toEqual(['Cin7 Core: 2026-01-31']);
    const { container } = renderSection(setup.panel, 'financial-settings');
    // `screen` is bound to the body the tests started with; the fixture replaced it.
    const screen = within(container);
    expect([...container.querySelectorAll('tr')].map((row) => row.textContent)).toEqual([
      'Xero period lock date2026-03-31',
      'Xero end-of-year lock datenot set',
      'Cin7 Core lock date2026-01-31',
    ]);
    expect(container.textContent).toContain('Not aligned: Xero refuses documents dated on or before 2026-03-31 (its period lock date)');
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('2026-02-01');
    expect((screen.getByLabelText('To') as HTMLInputElement).value).toBe('2026-03-31');
    fireEvent.click(screen.getByRole('button', { name: 'Count' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('3 sales and 1 purchase dated 2026-02-01 to 2026-03-31 would be refused by Xero.'));
    expect(countLockedDocuments).toHaveBeenCalledWith({ from: '2026-02-01', to: '2026-03-31', pairId: 'pair-1' });
    const links = [...screen.getByRole('status').querySelectorAll('a')].map((link) => link.getAttribute('href'));
    // Issue #13: the purchase list has no published URL, so only the sales list is a link.
    expect(links).toEqual(['https://inventory.dearsystems.com/SaleList']);
  });

  it('says a count from lists longer than the page cap is partial, instead of a silent lower number', async () => {
    loadFixture('financial-settings.html');
    const truncated = { counted: true, sales: 50_000, purchases: 2, truncated: true, truncatedLists: ['sales' as const], pagesRead: { sales: 50, purchases: 1 }, pageCap: 50 };
    const setup = featureEnv('https://go.xero.com/Setup/FinancialSettings.aspx', status(), facts({ cin7LockDate: '2026-01-31' }), {
      countLockedDocuments: vi.fn(async () => truncated),
    });
    await setup.factsStore.load();
    await financialSettings.init(setup.controller.signal, setup.env);
    const { container } = renderSection(setup.panel, 'financial-settings');
    fireEvent.click(within(container).getByRole('button', { name: 'Count' }));
    await waitFor(() => expect(container.textContent).toContain('Partial count: Cin7 Core has more sales than Mapping Guard reads for a count, so it counted only the first 50 pages (50,000 sales). The real number may be higher.'));
  });

  it('says aligned when Cin7 Core locks as far as Xero (variant markup, end-of-year date earlier)', async () => {
    loadFixture('financial-settings-variant.html');
    const setup = featureEnv('https://go.xero.com/Setup/FinancialSettings.aspx', status(), facts({ cin7LockDate: '2025-06-30' }));
    await setup.statusStore.load();
    await setup.factsStore.load();
    await financialSettings.init(setup.controller.signal, setup.env);
    expect(pills('lock-date')).toEqual(['Cin7 Core: 2025-06-30 · aligned']);
    expect(renderSection(setup.panel, 'financial-settings').container.textContent).toContain('Aligned');
  });

  it('reports a failed count in words', async () => {
    loadFixture('financial-settings.html');
    const setup = featureEnv('https://go.xero.com/Setup/FinancialSettings.aspx', status(), facts(), {
      countLockedDocuments: vi.fn(async () => {
        throw new Error('Cin7 Core did not answer.');
      }),
    });
    await setup.factsStore.load();
    await financialSettings.init(setup.controller.signal, setup.env);
    const screen = within(renderSection(setup.panel, 'financial-settings').container);
    fireEvent.click(screen.getByRole('button', { name: 'Count' }));
    await waitFor(() => expect(screen.getByText('Cin7 Core did not answer.')).toBeTruthy());
  });
});

describe('products-and-services feature', () => {
  it('flags tracked items from the page and from the last check, with why and how', async () => {
    loadFixture('products-and-services-variant.html');
    const tracked = finding({ key: 't', code: 'TRACKED_INVENTORY', subject: { kind: 'item', key: 'SVC-1', label: 'SVC-1' }, message: 'SVC-1 is tracked.' });
    const setup = featureEnv('https://go.xero.com/app/products-and-services', status({ findings: [tracked] }), facts());
    await setup.statusStore.load();
    await productsAndServices.init(setup.controller.signal, setup.env);
    const rows = [...document.querySelectorAll(`[${BADGE_ATTRIBUTE}="tracked-inventory"]`)].map((badge) => badge.closest('tr')!.querySelectorAll('td')[1]!.textContent);
    expect(rows).toEqual(['W-BLUE', 'SVC-1']);
    const text = renderSection(setup.panel, 'products-and-services').container.textContent;
    expect(text).toContain('2 items are tracked as inventory on this page: W-BLUE, SVC-1.');
    expect(text).toContain('untick “Track inventory item”');
    expect(document.querySelectorAll('img')).toHaveLength(0);
    setup.controller.abort();
    expect(document.querySelectorAll(`[${BADGE_ATTRIBUTE}]`)).toHaveLength(0);
  });
});

describe('tracking-categories feature', () => {
  const CHECKLIST_KEY = 'mappingGuard.checklist';
  const checklist = (pairId: string, values: Record<string, string>) => ({
    state: { pairs: { [pairId]: { decisions: { trackingCategories: { values, note: '' } }, channels: [{ id: 'all', name: 'All channels' }] } } },
    version: 2,
  });
  /** A classic tracking page built as a parsed document (never innerHTML): options under each heading. */
  function loadClassicPage(categories: { name: string; options: string[] }[]) {
    const parsed = document.implementation.createHTMLDocument('Tracking');
    const main = parsed.createElement('main');
    for (const category of categories) {
      const section = parsed.createElement('section');
      const heading = parsed.createElement('h2');
      heading.textContent = category.name;
      const list = parsed.createElement('ul');
      for (const option of category.options) {
        const item = parsed.createElement('li');
        item.textContent = option;
        list.append(item);
      }
      section.append(heading, list);
      main.append(section);
    }
    parsed.body.append(main);
    document.body.replaceWith(document.adoptNode(parsed.body));
  }
  const categoryRows = (container: HTMLElement) => [...container.querySelectorAll('[data-mg-tracking-category]')].map((row) => row.textContent);

  it('per category: status, options from the Options column, and "cannot tell" for Cin7 Core’s use; hostile names stay text', async () => {
    loadFixture('tracking-variant.html');
    const setup = featureEnv('https://go.xero.com/Setup/Tracking.aspx', status(), facts());
    await trackingCategories.init(setup.controller.signal, setup.env);
    expect(pills('tracking')).toEqual([
      'Active: Cin7 Core can fill it',
      'Active: Cin7 Core can fill it',
      'Active: Cin7 Core can fill it',
      'Archived: Cin7 Core cannot fill it',
    ]);
    const { container } = renderSection(setup.panel, 'tracking-categories');
    const rows = categoryRows(container);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toBe('Region · ActiveOptions: North, SouthCin7 Core: Cannot tell which Cin7 Core field fills it: Cin7 Core’s Category 1 and 2 settings are not in its API.');
    expect(rows[2]).toContain('<img src=x onerror="alert(1)"> Project · Active');
    expect(rows[3]).toBe('Legacy · ArchivedOptions: noneCin7 Core: No: archived categories cannot be chosen for new transactions, so Cin7 Core cannot fill it.');
    expect(container.textContent).toContain('3 active: Region, Channel, <img src=x onerror="alert(1)"> Project.');
    expect(container.textContent).toContain('Which Cin7 Core field fills Category 1 and Category 2 is not in Cin7 Core’s API, so it cannot be checked here.');
    expect(container.textContent).not.toMatch(/only 2 of|more than two/);
    const link = within(container).getByRole('link', { name: /Open Integrations in Cin7 Core/ });
    expect(link.getAttribute('href')).toBe('https://inventory.dearsystems.com/Integration');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(document.querySelectorAll('img')).toHaveLength(0);
  });

  it('classic page: options under each heading; archived options counted on the badge and named in the panel', async () => {
    loadClassicPage([
      { name: 'Region', options: ['North', 'South (Archived)', 'East'] },
      { name: 'Old (Archived)', options: [] },
    ]);
    const setup = featureEnv('https://go.xero.com/app/!Fx1tu/tracking-categories', status(), facts());
    await trackingCategories.init(setup.controller.signal, setup.env);
    expect(pills('tracking')).toEqual(['Active: Cin7 Core can fill it · 1 archived option', 'Archived: Cin7 Core cannot fill it']);
    const rows = categoryRows(renderSection(setup.panel, 'tracking-categories').container);
    expect(rows[0]).toContain('Options: North, East');
    expect(rows[0]).toContain('Archived options (not on new transactions): South. If Cin7 Core still sends one of these names, restore the option here.');
    expect(rows[1]).toContain('Old · Archived');
    setup.controller.abort();
    expect(document.querySelectorAll(`[${BADGE_ATTRIBUTE}]`)).toHaveLength(0);
  });

  it('a page without categories says so, and claims nothing about Cin7 Core’s use', async () => {
    loadClassicPage([]);
    const setup = featureEnv('https://go.xero.com/Setup/Tracking.aspx', status(), facts());
    await trackingCategories.init(setup.controller.signal, setup.env);
    const { container } = renderSection(setup.panel, 'tracking-categories');
    expect(container.textContent).toContain('No tracking categories read on this page. Cin7 Core can only fill categories set up here in Xero.');
    expect(categoryRows(container)).toEqual([]);
    expect(container.textContent).not.toContain('active:');
    expect(pills('tracking')).toEqual([]);
  });

  it('says when the page does not list options (fixture: options only on the classic markup it reads)', async () => {
    loadFixture('tracking.html');
    const setup = featureEnv('https://go.xero.com/Setup/Tracking.aspx', status(), facts());
    await trackingCategories.init(setup.controller.signal, setup.env);
    expect(pills('tracking')).toEqual(['Active: Cin7 Core can fill it', 'Archived: Cin7 Core cannot fill it']);
    const rows = categoryRows(renderSection(setup.panel, 'tracking-categories').container);
    expect(rows[0]).toContain('Options: North');
    expect(rows[1]).toContain('Options: none');
  });

  it('shows the checklist’s answers for this pair, marked as recorded (not read), and follows later edits', async () => {
    await fakeBrowser.storage.local.set({ [CHECKLIST_KEY]: checklist('pair-1', { category1: 'Location' }) });
    loadFixture('tracking.html');
    const setup = featureEnv('https://go.xero.com/Setup/Tracking.aspx', status(), facts());
    await setup.statusStore.load();
    await trackingCategories.init(setup.controller.signal, setup.env);
    let text = renderSection(setup.panel, 'tracking-categories').container.textContent;
    expect(text).toContain('Recorded in the checklist (not read from Cin7 Core): Category 1: Location; Category 2: not recorded.');
    expect(text).toContain('Cannot tell which Cin7 Core field fills it');
    cleanup();

    await fakeBrowser.storage.local.set({ [CHECKLIST_KEY]: checklist('pair-1', { category1: 'Not mapped', category2: 'Not mapped' }) });
    await waitFor(() => expect(renderSection(setup.panel, 'tracking-categories').container.textContent).toContain('Category 1: Not mapped; Category 2: Not mapped.'));
    cleanup();
    text = renderSection(setup.panel, 'tracking-categories').container.textContent;
    expect(text).toContain('Region · ActiveOptions: NorthCin7 Core: No, as recorded in the checklist: Category 1 and Category 2 are not mapped.');
    setup.controller.abort();
  });

  it('ignores another pair’s answers and an unreadable checklist', async () => {
    await fakeBrowser.storage.local.set({ [CHECKLIST_KEY]: checklist('pair-2', { category1: 'Location' }) });
    loadFixture('tracking.html');
    const setup = featureEnv('https://go.xero.com/Setup/Tracking.aspx', status(), facts());
    await setup.statusStore.load();
    await trackingCategories.init(setup.controller.signal, setup.env);
    expect(renderSection(setup.panel, 'tracking-categories').container.textContent).toContain('so it cannot be checked here');
    cleanup();
    await fakeBrowser.storage.local.set({ [CHECKLIST_KEY]: { state: { pairs: 'broken' }, version: 2 } });
    await settle(50);
    expect(renderSection(setup.panel, 'tracking-categories').container.textContent).toContain('so it cannot be checked here');
    expect(setup.panel.getState().problems).toEqual([]);
  });
});

describe('currencies feature', () => {
  it('lists the currencies still missing and the ones added since the check', async () => {
    loadFixture('currencies-variant.html');
    const missing = (code: string) => finding({ key: code, code: 'CURRENCY_NOT_ENABLED', subject: { kind: 'currency', key: code, label: code }, message: `Customers trade in ${code}.` });
    const setup = featureEnv('https://go.xero.com/Setup/CurrencyRates.aspx', status({ findings: [missing('AUD'), missing('USD')] }), facts());
    await setup.statusStore.load();
    await currencies.init(setup.controller.signal, setup.env);
    const text = renderSection(setup.panel, 'currencies').container.textContent;
    expect(text).toContain('Customers trade in AUD.');
    expect(text).not.toContain('Customers trade in USD.');
    expect(text).toContain('USD now listed here: refresh to check again.');
  });
});

describe('arrival-highlight feature', () => {
  it('marks the account a fix link names, once it appears', async () => {
    document.body.replaceChildren();
    const setup = featureEnv('https://go.xero.com/GeneralLedger/ChartOfAccounts.aspx#mg-target=account:1400', status(), facts());
    const done = arrivalHighlight.init(setup.controller.signal, setup.env);
    await settle(20);
    loadFixture('chart-of-accounts.html');
    await done;
    expect(document.querySelector(`[${HIGHLIGHT_ATTRIBUTE}]`)?.getAttribute('data-code')).toBe('1400');
    setup.controller.abort();
    expect(document.querySelector(`[${HIGHLIGHT_ATTRIBUTE}]`)).toBeNull();
  });
});
