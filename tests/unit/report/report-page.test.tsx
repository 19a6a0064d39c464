import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { ReportPage } from '../../../components/report/ReportPage';
import { fakeClient, finding, status } from '../popup/fake-client';

afterEach(cleanup);

const findings = [
  finding(),
  finding({ key: 'a', code: 'ACCOUNT_ARCHIVED', subject: { kind: 'role', key: 'cogs', label: 'Cost of Goods Sold' }, message: 'COGS account 500 is archived' }),
  finding({ key: 'w', code: 'PAYMENTS_ENABLED', severity: 'warning', subject: { kind: 'role', key: 'inTransit', label: 'In Transit' }, message: 'In Transit accepts payments' }),
];

function renderReport() {
  const fake = fakeClient({ 'pair-a': status({ findings, summary: { errors: 2, warnings: 1, infos: 0, total: 3 } }) });
  const download = vi.fn();
  const print = vi.fn();
  render(<ReportPage client={fake.client} pairId="pair-a" now={() => new Date('2026-11-21T10:00:00Z')} download={download} print={print} />);
  return { download, print };
}

describe('report page', () => {
  it('shows the score, counts, a labelled chart and findings grouped by area', async () => {
    renderReport();
    expect(await screen.findByText('Acme Cin7 ↔ Acme Xero')).toBeTruthy();
    expect(screen.getByText(/Health score/).textContent).toContain('69/100: Needs attention');
    const chart = screen.getByRole('img', { name: /Findings by area and severity/ });
    expect(chart.querySelectorAll('rect[data-severity="error"]')).toHaveLength(2);
    expect(chart.querySelector('desc')?.textContent).toContain('Mapped accounts: 1 errors, 1 warnings, 0 notes');
    const mapped = screen.getByRole('heading', { name: /Mapped accounts/ }).closest('section') as HTMLElement;
    expect(within(mapped).getAllByRole('row')).toHaveLength(3);
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
    fireEvent.click(screen.getByLabelText('Warnings'));
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    const [name, type, csv] = download.mock.calls[0] as [string, string, string];
    expect(name).toBe('mapping-guard-acme-cin7-acme-xero-2026-11-21.csv');
    expect(type).toMatch(/^text\/csv/);
    expect(csv.trim().split('\r\n')).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'Export Markdown' }));
    expect(download.mock.calls[1]?.[2]).toContain('Generated 2026-11-21T10:00:00.000Z');
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
