// The panel tells the user when the Account Mapping changed (old → new, bounded) and when Xero's organisation is no
// longer granted; accepting or restoring happens in the options page, which the host page cannot drive.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HealthPanel, type HealthPanelProps } from '../../../components/panel/HealthPanel';
import { status } from './status-fixtures';

afterEach(cleanup);

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
    ...overrides,
  };
  return { props, ...render(<HealthPanel {...props} />) };
}

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
