import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import arrivalHighlight from '../../../entrypoints/cin7.content/features/arrival-highlight';
import chartOfAccounts, { rolesByAccount } from '../../../entrypoints/cin7.content/features/chart-of-accounts';
import documentLines from '../../../entrypoints/cin7.content/features/document-lines';
import recordOverrides from '../../../entrypoints/cin7.content/features/record-overrides';
import type { DocumentResult, RecordTaxRulesResult } from '../../../utils/protocol/shapes';
import { HIGHLIGHT_ATTRIBUTE } from '../../../utils/overlay/highlight';
import type { PanelContributionStore } from '../../../utils/overlay/panel-state';
import { finding, status } from '../overlay/status-fixtures';
import { featureEnv } from './feature-env';
import { loadFixture } from './load-fixture';

const SALE_ID = '6a1f7bd0-2c3e-4d5f-8a9b-0c1d2e3f4a5b';
const PRODUCT_ID = '2d2f0c55-7e11-4a3c-9c0e-111122223333';

afterEach(cleanup);

const noCode = finding({ key: 'nc', code: 'ACCOUNT_WITHOUT_CODE', severity: 'warning', subject: { kind: 'account', key: 'Petty cash', label: 'Petty cash' }, message: 'Xero account “Petty cash” has no code: Cin7 Core cannot see it.' });

function renderSection(panel: PanelContributionStore, id: string) {
  const section = panel.getState().sections.find((item) => item.id === id);
  if (!section) throw new Error(`no section ${id}`);
  return render(<>{section.content}</>);
}

const documentResult: DocumentResult = {
  found: true,
  kind: 'sale',
  id: SALE_ID,
  label: 'Sale SO-0012 (<img src=x onerror=alert(1)>)',
  lines: [
    {
      where: 'Invoice INV-1',
      index: 0,
      charge: false,
      sku: 'WIDGET-1',
      productId: PRODUCT_ID,
      postings: [
        { role: 'defaultRevenue', code: '210', level: 'product', account: { code: '210', name: 'Widget sales', type: 'REVENUE', status: 'ACTIVE' } },
        { role: 'cogs', code: '500', level: 'default', account: { code: '500', name: 'COGS', type: 'DIRECTCOSTS', status: 'ACTIVE' } },
      ],
    },
  ],
  contactPosting: { role: 'accountsReceivable', code: '610', level: 'contact', account: null },
  xeroLockDate: { day: '2026-06-30', which: 'period' },
  findings: [
    finding({ key: 'lock', code: 'DOCUMENT_IN_LOCKED_PERIOD', severity: 'error', subject: { kind: 'sale', key: SALE_ID, label: 'Sale SO-0012' }, message: 'Invoice INV-1 is dated 2026-06-01, on or before Xero’s period lock date 2026-06-30.' }),
  ],
};

describe('document-lines feature', () => {
  it('asks for the document in the hash and shows where each line posts and why', async () => {
    const getDocument = vi.fn(async () => documentResult);
    const { env, controller } = featureEnv(`https://inventory.dearsystems.com/Sale#${SALE_ID}~tabOrder`, status(), { getDocument });
    await documentLines.init(controller.signal, env);
    expect(getDocument).toHaveBeenCalledWith({ kind: 'sale', id: SALE_ID });
    const { container } = renderSection(env.panel, 'document-lines');
    const rows = [...container.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['WIDGET-1', 'Revenue: 210: Widget sales', 'product'],
      ['', 'COGS: 500: COGS', 'default mapping'],
      ['Customer', 'Receivable: 610 (not in Xero)', 'customer'],
    ]);
    expect(screen.getByText(/locked up to 2026-06-30 \(period lock date\)/)).toBeTruthy();
    expect(screen.getByText(/on or before Xero’s period lock date/)).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    controller.abort();
    expect(env.panel.getState().sections).toEqual([]);
  });

  it('reports a failed request in its section, not as an exception', async () => {
    const { env, controller } = featureEnv(`https://inventory.dearsystems.com/Purchase#${SALE_ID}`, status(), {
      getDocument: vi.fn(async () => {
        throw new Error('Cin7 Core is not connected.');
      }),
    });
    await expect(documentLines.init(controller.signal, env)).resolves.toBeUndefined();
    renderSection(env.panel, 'document-lines');
    expect(screen.getByText(/Could not check this document: Cin7 Core is not connected/)).toBeTruthy();
  });
});

describe('record-overrides feature', () => {
  it('lists the findings whose fix points at this record', async () => {
    const own = finding({ key: 'own', code: 'OVERRIDE_ACCOUNT_INVALID', subject: { kind: 'product', key: 'WIDGET-1', label: 'Product WIDGET-1' }, message: 'Revenue account 999 is not in Xero.', fix: { app: 'cin7', url: `https://inventory.dearsystems.com/Product#${PRODUCT_ID}`, label: 'Open the product in Cin7 Core' } });
    const other = finding({ key: 'other', code: 'OVERRIDE_ACCOUNT_INVALID', subject: { kind: 'product', key: 'GADGET', label: 'Product GADGET' }, message: 'Other product problem', fix: { app: 'cin7', url: 'https://inventory.dearsystems.com/Product#ffff0000-0000-4000-8000-000000000000', label: 'Open' } });
    const { env, controller, statusStore } = featureEnv(`https://inventory.dearsystems.com/Product#${PRODUCT_ID}`, status({ findings: [own, other] }));
    await statusStore.load();
    recordOverrides.init(controller.signal, env);
    renderSection(env.panel, 'record-overrides');
    expect(screen.getByText('Revenue account 999 is not in Xero.')).toBeTruthy();
    expect(screen.queryByText('Other product problem')).toBeNull();
    controller.abort();
  });

  it('says when the record is fine', async () => {
    const { env, controller, statusStore } = featureEnv(`https://inventory.dearsystems.com/Customer#${PRODUCT_ID}`, status({ findings: [] }));
    await statusStore.load();
    recordOverrides.init(controller.signal, env);
    renderSection(env.panel, 'record-overrides');
    expect(screen.getByText('No problems with this customer’s account overrides.')).toBeTruthy();
    controller.abort();
  });
});

describe('record-overrides feature: tax rules', () => {
  const taxRules: RecordTaxRulesResult = {
    kind: 'product',
    id: PRODUCT_ID,
    found: true,
    label: 'Product WIDGET-1',
    fields: [
      {
        field: 'SaleTaxRule',
        fieldLabel: 'Sale tax rule',
        ruleName: 'GST on Sales <img src=x onerror=alert(1)>',
        verdict: 'unknown',
        severity: 'error',
        explanation: 'Cin7 Core has no tax rule named “GST on Sales”.',
        fix: { app: 'cin7', url: `https://inventory.dearsystems.com/Product#${PRODUCT_ID}&mg-target=field:Sale%20tax%20rule`, label: 'Choose an existing tax rule for this product' },
      },
      { field: 'PurchaseTaxRule', fieldLabel: 'Purchase tax rule', ruleName: null, verdict: 'notSet', severity: 'info', explanation: 'Not set: purchases use the supplier’s rule.' },
    ],
  };

  it('asks for this record’s tax rules and shows each field, its rule, the verdict and the fix link, beside the accounts part', async () => {
    const getRecordTaxRules = vi.fn(async () => taxRules);
    const { env, controller, statusStore } = featureEnv(`https://inventory.dearsystems.com/Product#${PRODUCT_ID}`, status({ findings: [] }), { getRecordTaxRules });
    await statusStore.load();
    await recordOverrides.init(controller.signal, env);
    expect(getRecordTaxRules).toHaveBeenCalledWith({ kind: 'product', id: PRODUCT_ID });
    const { container } = renderSection(env.panel, 'record-overrides');
    expect(screen.getByText('No problems with this product’s account overrides.')).toBeTruthy();
    const part = container.querySelector('[data-part="tax-rules"]')!;
    expect(within(part as HTMLElement).getByText('Tax rules')).toBeTruthy();
    const sale = part.querySelector('[data-field="SaleTaxRule"]')!;
    expect(sale.getAttribute('data-verdict')).toBe('unknown');
    expect(sale.className).toContain('mg-error');
    expect(sale.textContent).toContain('Sale tax rule: GST on Sales <img src=x onerror=alert(1)>');
    expect(sale.textContent).toContain('(unknown rule). Cin7 Core has no tax rule named “GST on Sales”.');
    expect(part.querySelector('img')).toBeNull();
    const link = within(sale as HTMLElement).getByRole('link', { name: 'Choose an existing tax rule for this product' });
    expect(link.getAttribute('href')).toBe(taxRules.fields[0]!.fix!.url);
    expect(link.getAttribute('target')).toBeNull();
    const purchase = part.querySelector('[data-field="PurchaseTaxRule"]')!;
    expect(purchase.textContent).toContain('Purchase tax rule: none (not set). Not set: purchases use the supplier’s rule.');
    expect(purchase.querySelector('a')).toBeNull();
    controller.abort();
    expect(env.panel.getState().sections).toEqual([]);
  });

  it('says why when the record is not in the fetched data, and reports a failed request in the section', async () => {
    const notFound = featureEnv(`https://inventory.dearsystems.com/Supplier#${PRODUCT_ID}`, status({ findings: [] }), {
      getRecordTaxRules: vi.fn(async () => ({ kind: 'supplier' as const, id: PRODUCT_ID, found: false, fields: [], reason: 'Nothing fetched yet: refresh to check this record’s tax rules.' })),
    });
    await notFound.statusStore.load();
    await recordOverrides.init(notFound.controller.signal, notFound.env);
    renderSection(notFound.env.panel, 'record-overrides');
    expect(screen.getByText('Nothing fetched yet: refresh to check this record’s tax rules.')).toBeTruthy();
    notFound.controller.abort();
    cleanup();

    const failing = featureEnv(`https://inventory.dearsystems.com/Customer#${PRODUCT_ID}`, status({ findings: [] }), {
      getRecordTaxRules: vi.fn(async () => {
        throw new Error('Mapping Guard’s background did not answer.');
      }),
    });
    await failing.statusStore.load();
    await expect(recordOverrides.init(failing.controller.signal, failing.env)).resolves.toBeUndefined();
    renderSection(failing.env.panel, 'record-overrides');
    expect(screen.getByText(/Could not check this customer’s tax rules: Mapping Guard’s background did not answer/)).toBeTruthy();
    failing.controller.abort();
  });

  it('checks again after a refresh brings new data', async () => {
    const getRecordTaxRules = vi.fn(async () => taxRules);
    const { env, controller, statusStore, client } = featureEnv(`https://inventory.dearsystems.com/Product#${PRODUCT_ID}`, status({ findings: [], fetchedAt: '2026-11-21T08:00:00.000Z' }), { getRecordTaxRules });
    await statusStore.load();
    await recordOverrides.init(controller.signal, env);
    expect(getRecordTaxRules).toHaveBeenCalledTimes(1);
    client.set(status({ findings: [], fetchedAt: '2026-11-21T09:00:00.000Z' }));
    await statusStore.load();
    await vi.waitFor(() => expect(getRecordTaxRules).toHaveBeenCalledTimes(2));
    controller.abort();
  });

  it('does not ask for a record without an id (a new record)', async () => {
    const getRecordTaxRules = vi.fn(async () => taxRules);
    const { env, controller, statusStore } = featureEnv('https://inventory.dearsystems.com/Product', status({ findings: [] }), { getRecordTaxRules });
    await statusStore.load();
    await recordOverrides.init(controller.signal, env);
    expect(getRecordTaxRules).not.toHaveBeenCalled();
    renderSection(env.panel, 'record-overrides');
    expect(screen.getByText('Save the product to check its accounts.')).toBeTruthy();
    controller.abort();
  });
});

/** A URL the extension was never told: the chart is recognised by what it shows. */
const CHART_URL = 'https://inventory.dearsystems.com/Settings#ReferenceBooks/Financial/ChartOfAccounts';

describe('chart-of-accounts feature', () => {
  it('groups roles by account code', () => {
    expect(
      rolesByAccount({
        readAt: '2026-11-21T09:00:00Z',
        rows: [
          { label: 'Inventory Control', account: '1400: Inventory' },
          { label: 'Customer Credits', account: '1400 - Inventory' },
          { label: 'Cost of Goods Sold', account: '' },
        ],
      }),
    ).toEqual([{ code: '1400', roles: ['Inventory Control', 'Customer Credits'] }]);
  });

  it('badges the rows of accounts that carry a role and lists accounts without a code', async () => {
    loadFixture('chart-of-accounts-table.html');
    const getMapping = vi.fn(async () => ({ mapping: { readAt: '2026-11-21T09:00:00Z', rows: [{ label: 'COGS', account: '610' }] } }));
    const { env, controller, statusStore } = featureEnv(CHART_URL, status({ findings: [noCode] }), { getMapping });
    await statusStore.load();
    chartOfAccounts.init(controller.signal, env);
    const row = [...document.querySelectorAll('tr')].find((item) => item.textContent?.includes('610'))!;
    await vi.waitFor(() => expect(row.querySelector('[data-mg-badge="role"]')?.textContent).toBe('Cost of Goods Sold'));
    await vi.waitFor(() => expect(env.background.pageRecognised).toHaveBeenCalledWith({ page: 'chartOfAccounts' }));
    const { container } = renderSection(env.panel, 'chart-of-accounts');
    // The fixture replaced <body>: query the rendered container, not `screen`.
    expect(within(container).getByText(/Petty cash” has no code/)).toBeTruthy();
    controller.abort();
    expect(document.querySelector('[data-mg-badge]')).toBeNull();
  });
});

describe('chart-of-accounts feature: where the mapping comes from', () => {
  it('uses the background’s saved mapping (getMapping), its one home', async () => {
    loadFixture('chart-of-accounts-table.html');
    const saved = { readAt: '2026-11-21T09:00:00Z', rows: [{ label: 'Inventory Control', account: '610: Accounts Receivable' }] };
    const getMapping = vi.fn(async () => ({ mapping: saved, pairId: 'pair-1' }));
    const { env, controller, statusStore } = featureEnv(CHART_URL, status(), { getMapping });
    await statusStore.load();
    chartOfAccounts.init(controller.signal, env);
    await vi.waitFor(() => expect(getMapping).toHaveBeenCalledWith({ host: 'cin7' }));
    const row = [...document.querySelectorAll('tr')].find((item) => item.textContent?.includes('610'))!;
    await vi.waitFor(() => expect(row.querySelector('[data-mg-badge="role"]')?.textContent).toBe('Inventory Control'));
    controller.abort();
  });

  it('when the background cannot answer, marks no row and still lists the accounts without a code', async () => {
    loadFixture('chart-of-accounts-table.html');
    const getMapping = vi.fn(async () => {
      throw new Error('Could not reach the background');
    });
    const { env, controller, statusStore } = featureEnv(CHART_URL, status({ findings: [noCode] }), { getMapping });
    await statusStore.load();
    chartOfAccounts.init(controller.signal, env);
    await vi.waitFor(() => expect(env.panel.getState().sections.some((item) => item.id === 'chart-of-accounts')).toBe(true));
    expect(document.querySelector('[data-mg-badge="role"]')).toBeNull();
    const { container } = renderSection(env.panel, 'chart-of-accounts');
    expect(within(container).getByText(/Petty cash” has no code/)).toBeTruthy();
    expect(env.panel.getState().problems).toEqual([]);
    controller.abort();
  });
});

describe('arrival-highlight feature', () => {
  it('does not run without a target', () => {
    expect(arrivalHighlight.exclude?.some((test) => test(new URL('https://inventory.dearsystems.com/AccountMapping')))).toBe(true);
  });

  it('scrolls to and marks the targeted mapping row (learned URL with its own fragment)', async () => {
    loadFixture('account-mapping-plain-table.html');
    const { env, controller } = featureEnv('https://inventory.dearsystems.com/Settings#ReferenceBooks/Financial/AccountMapping&mg-target=role:customerCredits', status());
    await arrivalHighlight.init(controller.signal, env);
    const marked = document.querySelector(`[${HIGHLIGHT_ATTRIBUTE}]`);
    expect(marked?.textContent).toContain('Customer Credits');
    controller.abort();
    expect(document.querySelector(`[${HIGHLIGHT_ATTRIBUTE}]`)).toBeNull();
  });
});
