import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { ReportPage } from '../../../components/report/ReportPage';
import { parseReportJson } from '../../../utils/audit/report-json';
import { createChecklistStore, type ChecklistStore } from '../../../utils/store/checklist';
import { fakeClient, finding, PAIRS, status } from '../popup/fake-client';

let opened: ChecklistStore | undefined;
afterEach(async () => {
  cleanup();
  localStorage.clear();
  await opened?.dispose();
  opened = undefined;
});

const findings = [
  finding(),
  finding({ key: 'a', code: 'ACCOUNT_ARCHIVED', subject: { kind: 'role', key: 'cogs', label: 'Cost of Goods Sold' }, message: 'COGS account 500 is archived' }),
  finding({
    key: 'w', code: 'PAYMENTS_ENABLED', severity: 'warning', subject: { kind: 'role', key: 'inTransit', label: 'In Transit' }, message: 'In Transit accepts payments',
    suggestions: [{ code: '631', name: 'Inventory Control', reason: 'Inventory type, payments off' }],
    source: { label: 'Cin7 Core help: account mapping', url: 'https://help.core.cin7.com/mapping' },
  }),
];

const coverage = [
  { check: 'tracked-inventory', label: 'No Xero item is tracked', ran: true },
  { check: 'lock-date-not-set', label: 'Xero has a lock date', ran: true },
  { check: 'tax-rule-account', label: 'Tax rules post to liabilities', ran: false, reason: 'Cin7 Core tax rules not fetched' },
];

function renderReport(over: Partial<Parameters<typeof status>[0]> = {}, checklist?: ChecklistStore) {
  const fake = fakeClient({
    'pair-a': status({
      findings, coverage, summary: { errors: 2, warnings: 1, infos: 0, total: 3 }, mappingReadAt: '2026-11-21T08:00:00.000Z', fetchedAt: '2026-11-21T09:00:00.000Z',
      fetched: { 'xero.accounts': '2026-11-21T09:00:00.000Z', 'cin7.products': '2026-11-21T09:01:00.000Z' },
      xeroCountryCode: 'NZ',
      ...over,
    }),
  });
  fake.client.listPairs.mockResolvedValue({ pairs: [{ ...PAIRS[0]!, cin7Company: 'Acme Trading (Cin7)', xeroTenantName: 'Acme Ltd' }], selectedPairId: 'pair-a' });
  const download = vi.fn();
  const print = vi.fn();
  render(<ReportPage client={fake.client} pairId="pair-a" now={() => new Date('2026-11-21T10:00:00Z')} download={download} print={print} checklist={checklist} browserLocales={['en-US']} />);
  return { download, print };
}

describe('report page', () => {
  it('shows the score, counts, a labelled chart and findings grouped by area', async () => {
    renderReport();
    expect(await screen.findByText('Acme Cin7 ↔ Acme Xero')).toBeTruthy();
    // Two error causes and a warning: 100 × 0.85 × 0.85 × 0.95.
    expect(screen.getByText(/Health score/).textContent).toContain('69/100: Needs attention');
    const chart = screen.getByRole('img', { name: /Findings by area and severity/ });
    expect(chart.querySelectorAll('rect[data-severity="error"]')).toHaveLength(2);
    expect(chart.querySelector('desc')?.textContent).toContain('Mapped accounts: 1 errors, 1 warnings, 0 notes');
    const mapped = screen.getByRole('heading', { name: /Mapped accounts/ }).closest('section') as HTMLElement;
    expect(within(mapped).getAllByRole('row')).toHaveLength(3);
  });

  it('names each side, writes dates in the organisation’s locale, and says what passed, failed and could not run', async () => {
    renderReport();
    expect(await screen.findByText('Acme Ltd')).toBeTruthy();
    expect(screen.getByText('Acme Trading (Cin7)')).toBeTruthy();
    // NZ: day before month, whatever the browser says.
    expect(screen.getByText(/Data fetched 21 Nov 2026/)).toBeTruthy();
    const checks = screen.getByRole('heading', { name: 'What was checked' }).closest('section') as HTMLElement;
    expect(within(checks).getByText('1 checks passed, 1 found problems, 1 could not run.')).toBeTruthy();
    expect(within(checks).getByRole('row', { name: /Xero has a lock date Passed/ })).toBeTruthy();
    expect(within(checks).getByRole('row', { name: /Tax rules post to liabilities Could not run Cin7 Core tax rules not fetched/ })).toBeTruthy();
    expect(within(checks).getByRole('row', { name: /Xero accounts 21 Nov 2026/ })).toBeTruthy();
    expect(within(checks).getByText(/not audited as a batch/)).toBeTruthy();
  });

  it('shows the document window, suggestions, sources and the fix plan grouped by app', async () => {
    renderReport({ documentWindow: { from: '2026-10-01', description: 'open sales and purchases dated from 1 Oct 2026', sales: 4, purchases: 2 } });
    await screen.findByText('Acme Ltd');
    expect(screen.getByText(/Documents audited: open sales and purchases dated from 1 Oct 2026 \(4 sales and 2 purchases/)).toBeTruthy();
    expect(screen.getAllByText('Map to 631 Inventory Control').length).toBeGreaterThan(0);
    expect(screen.getByRole('link', { name: 'Cin7 Core help: account mapping' }).getAttribute('href')).toBe('https://help.core.cin7.com/mapping');
    const plan = screen.getByRole('heading', { name: 'Fix plan' }).closest('section') as HTMLElement;
    const steps = within(plan).getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);
    expect(steps).toEqual(['Tracked inventory in Xero', 'Account mapping']);
    expect(within(plan).getAllByRole('heading', { level: 4 }).map((heading) => heading.textContent)).toEqual(['In Xero', 'In Xero']);
  });

  it('does not score before the mapping is read, and reviewed findings do not count', async () => {
    renderReport({ mappingReadAt: undefined });
    expect(await screen.findByText(/Not scored until the account mapping is read/)).toBeTruthy();
    cleanup();
    renderReport({ findings: findings.map((item) => ({ ...item, reviewed: item.key !== 'a' })) });
    expect((await screen.findByText(/Health score/)).textContent).toContain('85/100');
  });

  it('hides codes with a toggle it remembers', async () => {
    renderReport();
    await screen.findByText('Acme Ltd');
    expect(screen.getAllByText('ACCOUNT_ARCHIVED').length).toBeGreaterThan(0);
    fireEvent.click(screen.getByLabelText('Show codes'));
    expect(screen.queryByText('ACCOUNT_ARCHIVED')).toBeNull();
    cleanup();
    renderReport();
    await screen.findByText('Acme Ltd');
    expect((screen.getByLabelText('Show codes') as HTMLInputElement).checked).toBe(false);
    expect(screen.queryByText('ACCOUNT_ARCHIVED')).toBeNull();
  });

  it('shows the checklist decisions and notes from the popup’s store', async () => {
    opened = createChecklistStore({ debounceMs: 1 });
    await opened.hydrated;
    act(() => {
      opened!.store.getState().setChoice('pair-a', 'settingsBeforeFirstLoad', 'dataLoad', 'Not loaded yet: settings first');
      opened!.store.getState().setNote('pair-a', 'settingsBeforeFirstLoad', 'Load after the chart is fixed');
    });
    const { download } = renderReport({}, opened);
    const section = (await screen.findByRole('heading', { name: 'Checklist decisions' })).closest('section') as HTMLElement;
    const row = within(section).getByRole('row', { name: /Settings done before the first data load/ });
    expect(row.textContent).toContain('Initial data load: Not loaded yet: settings first');
    expect(row.textContent).toContain('Load after the chart is fixed');
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    const json = parseReportJson(download.mock.calls[0]?.[2] as string);
    expect(json.checklist?.find((entry) => entry.id === 'settingsBeforeFirstLoad')).toMatchObject({ status: 'decided', note: 'Load after the chart is fixed' });
  });

  it('filters by severity and search text', async () => {
    renderReport();
    await screen.findByText('Acme Cin7 ↔ Acme Xero');
    fireEvent.click(screen.getByLabelText('Errors'));
    expect(screen.getByText('Showing 1 of 3 findings.')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Errors'));
    fireEvent.change(screen.getByLabelText('Search findings'), { target: { value: 'archived' } });
    expect(screen.getByText('Showing 1 of 3 findings.')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: /Products and services/ })).toBeNull();
  });

  it('exports what is shown as CSV and Markdown, and prints', async () => {
    const { download, print } = renderReport();
    await screen.findByText('Acme Cin7 ↔ Acme Xero');
    // The organisations' names come with the pair list, a read of its own: export once they are shown.
    await screen.findByText('Acme Trading (Cin7)');
    fireEvent.click(screen.getByLabelText('Warnings'));
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    const [name, type, csv] = download.mock.calls[0] as [string, string, string];
    expect(name).toBe('mapping-guard-acme-cin7-acme-xero-2026-11-21.csv');
    expect(type).toMatch(/^text\/csv/);
    // The findings block holds what is shown (header and two rows); the facts follow after a blank line.
    expect(csv.split('\r\n\r\n')[0]?.split('\r\n')).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'Export Markdown' }));
    expect(download.mock.calls[1]?.[2]).toContain('Generated 21 Nov 2026');
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    const [jsonName, jsonType, jsonText] = download.mock.calls[2] as [string, string, string];
    expect(jsonName).toBe('mapping-guard-acme-cin7-acme-xero-2026-11-21.json');
    expect(jsonType).toMatch(/^application\/json/);
    const json = parseReportJson(jsonText);
    // The whole audit whatever the filter, engine fields only, in the engine's order.
    expect(json.findings.map((item) => item.code)).toEqual(['ACCOUNT_ARCHIVED', 'TRACKED_INVENTORY', 'PAYMENTS_ENABLED']);
    expect(json.findings[0]).not.toHaveProperty('key');
    expect(json).toMatchObject({ score: 69, organisations: { cin7: 'Acme Trading (Cin7)', xero: 'Acme Ltd', xeroCountryCode: 'NZ' }, reviewed: [], generatedAt: '2026-11-21T10:00:00.000Z' });
    expect(json.fetched).toEqual({ 'xero.accounts': '2026-11-21T09:00:00.000Z', 'cin7.products': '2026-11-21T09:01:00.000Z' });
    fireEvent.click(screen.getByRole('button', { name: 'Print or save as PDF' }));
    expect(print).toHaveBeenCalled();
  });
});

describe('report page before any audit', () => {
  it('claims no score when nothing was audited', async () => {
    const fake = fakeClient({ 'pair-a': status({ summary: undefined, findings: [] }) });
    render(<ReportPage client={fake.client} pairId="pair-a" now={() => new Date()} download={vi.fn()} print={vi.fn()} />);
    expect(await screen.findByText(/No audit has run for this pair yet/)).toBeTruthy();
    expect(screen.queryByText(/Health score/)).toBeNull();
  });
});
