import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HealthPanel, type HealthPanelProps } from '../../../components/panel/HealthPanel';
import { topFindings } from '../../../components/panel/FindingList';
import { finding, status } from './status-fixtures';

afterEach(cleanup);

const now = () => new Date('2026-11-21T10:05:00.000Z');

function renderPanel(overrides: Partial<HealthPanelProps> = {}) {
  const props: HealthPanelProps = {
    currentApp: 'cin7',
    status: status(),
    loading: false,
    error: null,
    refreshing: null,
    refreshRequested: false,
    collapsed: false,
    onToggle: vi.fn(),
    onRefresh: vi.fn(),
    onOpenOptions: vi.fn(),
    mappingPageUrl: 'https://inventory.dearsystems.com/AccountMapping',
    now,
    ...overrides,
  };
  return { props, ...render(<HealthPanel {...props} />) };
}

describe('HealthPanel', () => {
  it('shows counts, data age, and the top findings with their fix jumps', () => {
    renderPanel({
      status: status({
        findings: [
          finding({ key: 'w', severity: 'warning', message: 'A warning' }),
          finding({ key: 'e', severity: 'error', message: 'An error' }),
        ],
      }),
    });
    expect(screen.getByRole('button', { name: /^Mapping Guard/ })).toHaveProperty('textContent', expect.stringContaining('1 error · 1 warning'));
    expect(screen.getByText('Data fetched 5 min ago')).toBeTruthy();
    const items = screen.getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([expect.stringContaining('An error'), expect.stringContaining('A warning')]);
    const fix = within(items[0]!).getByRole('link', { name: /Open the chart of accounts in Xero/ });
    expect(fix.getAttribute('href')).toBe('https://go.xero.com/GeneralLedger/ChartOfAccounts.aspx#mg-target=account:400');
    expect(fix.getAttribute('target')).toBe('_blank');
    expect(fix.getAttribute('rel')).toContain('noopener');
  });

  it('opens Cin7 fixes in place and refuses non-https fix URLs', () => {
    renderPanel({
      status: status({
        findings: [
          finding({ key: 'a', message: 'Cin7 fix', fix: { app: 'cin7', url: 'https://inventory.dearsystems.com/AccountMapping#mg-target=role:cogs', label: 'Open Account Mapping' } }),
          finding({ key: 'b', message: 'Evil fix', fix: { app: 'cin7', url: 'javascript:alert(1)', label: 'Evil' } }),
        ],
      }),
    });
    const cin7 = screen.getByRole('link', { name: 'Open Account Mapping' });
    expect(cin7.hasAttribute('target')).toBe(false);
    expect(screen.queryByRole('link', { name: 'Evil' })).toBeNull();
  });

  it('renders names with markup as text', () => {
    const payloads = ['<img src=x onerror=alert(1)>', '<script>alert(1)</script>'];
    const { container } = renderPanel({
      status: status({
        pairName: payloads[0],
        findings: payloads.map((message, index) => finding({ key: String(index), message })),
      }),
    });
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    for (const payload of payloads) expect(screen.getAllByText(payload).length).toBeGreaterThan(0);
  });

  it('"not connected" offers the options page', () => {
    const { props } = renderPanel({ status: status({ connection: { cin7: 'connected', xero: 'not-connected' }, summary: undefined, findings: [] }) });
    expect(screen.getByText(/Not connected: Xero/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open Mapping Guard options' }));
    expect(props.onOpenOptions).toHaveBeenCalled();
    expect(screen.getByRole('button', { name: /^Mapping Guard/ }).textContent).toContain('not connected');
  });

  it('"mapping not read yet" links to Account Mapping', () => {
    renderPanel({ status: status({ mappingReadAt: undefined }) });
    expect(screen.getByText(/Mapping not read yet/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open Account Mapping' }).getAttribute('href')).toBe('https://inventory.dearsystems.com/AccountMapping');
  });

  it('Refresh shows progress while the background fetches', () => {
    const { props, rerender } = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(props.onRefresh).toHaveBeenCalledTimes(1);
    rerender(<HealthPanel {...props} refreshing={{ list: 'Xero accounts', page: 2, pages: 4, message: 'Fetching Xero accounts, page 2 of 4' }} />);
    const button = screen.getByRole('button', { name: 'Refreshing…' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(screen.getByRole('status').textContent).toContain('page 2 of 4');
    expect(screen.getByRole('progressbar', { name: 'Xero accounts' }).getAttribute('value')).toBe('2');
  });

  it('is keyboard accessible: aria-expanded toggle, Escape collapses and returns focus', () => {
    const onToggle = vi.fn();
    const { props, rerender } = renderPanel({ onToggle });
    const toggle = screen.getByRole('button', { name: /^Mapping Guard/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById(toggle.getAttribute('aria-controls')!)).not.toBeNull();
    fireEvent.keyDown(screen.getByRole('button', { name: 'Refresh' }), { key: 'Escape' });
    expect(onToggle).toHaveBeenCalledWith(true);
    expect(document.activeElement).toBe(toggle);
    rerender(<HealthPanel {...props} onToggle={onToggle} collapsed />);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('button', { name: 'Refresh' })).toBeNull();
    fireEvent.click(toggle);
    expect(onToggle).toHaveBeenLastCalledWith(false);
  });

  it('shows a background failure with a retry, and feature problems', () => {
    const { props } = renderPanel({ status: null, error: 'Mapping Guard’s background did not answer.', problems: [{ featureId: 'account-mapping', message: 'grid gone' }] });
    expect(screen.getByText(/could not load the set-up check/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(props.onRefresh).toHaveBeenCalled();
    expect(screen.getByText(/could not show “account-mapping” on this page: grid gone/)).toBeTruthy();
  });
});

describe('topFindings', () => {
  it('puts unreviewed before reviewed, errors before warnings, and keeps the engine order otherwise', () => {
    const list = [
      finding({ key: '1', severity: 'warning' }),
      finding({ key: '2', severity: 'error', reviewed: true }),
      finding({ key: '3', severity: 'error' }),
      finding({ key: '4', severity: 'warning' }),
    ];
    expect(topFindings(list, 3).map((item) => item.key)).toEqual(['3', '1', '4']);
  });
});

// The mapping change notice and a Xero organisation no longer granted (issue #15): accepting or restoring happens in
// the options page, which the host page cannot drive.
const rows = Array.from({ length: 7 }, (_, i) => ({ label: `Role ${i}`, from: `${i}: Before`, to: i === 6 ? null : '999: Suspense' }));

describe('the mapping change notice', () => {
  it('says how many rows changed, lists the first ones old → new, and sends the user to the options', () => {
    const { props } = renderPanel({ status: status({ mappingChange: { changedAt: '2026-11-21T10:00:00.000Z', count: 7, rows } }) });
    expect(screen.getByText('The Account Mapping changed: 7 rows.')).toBeTruthy();
    expect(screen.getByText('Role 0: 0: Before → 999: Suspense')).toBeTruthy();
    expect(screen.queryByText(/Role 6/)).toBeNull();
    expect(screen.getByText('2 more in the options.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Accept or restore in options' }));
    expect(props.onOpenOptions).toHaveBeenCalled();
  });

  it('shows in the collapsed header too', () => {
    renderPanel({ collapsed: true, status: status({ mappingChange: { changedAt: 'x', count: 1, rows: rows.slice(0, 1) } }) });
    expect(screen.getByRole('button', { name: /^Mapping Guard/ }).textContent).toContain('mapping changed');
  });

  it('is absent while nothing changed', () => {
    renderPanel();
    expect(screen.queryByText(/Account Mapping changed/)).toBeNull();
  });
});

describe('Xero organisation no longer granted', () => {
  it('shows reconnect needed with the reason', () => {
    const reason = 'Acme Ltd is no longer among the organisations Xero lets Mapping Guard read. Connect Xero again and tick it.';
    renderPanel({ status: status({ connection: { cin7: 'connected', xero: 'reconnect-needed', xeroReason: reason } }) });
    expect(screen.getByText(/Xero \(reconnect needed\)/)).toBeTruthy();
    expect(screen.getByText(reason)).toBeTruthy();
  });
});
