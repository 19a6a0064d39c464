// The panel says what to do next (issue #20): nothing connected, a connection to renew, a failed refresh.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HealthPanel, type HealthPanelProps } from '../../../components/panel/HealthPanel';
import { NEXT_STEP_WORDS } from '../../../components/ui/next-step';
import type { Status } from '../../../utils/protocol/shapes';
import { status } from './status-fixtures';

afterEach(cleanup);

function renderPanel(over: Partial<Status>) {
  const props: HealthPanelProps = {
    currentApp: 'cin7', status: status(over), loading: false, error: null, refreshing: null, refreshRequested: false, collapsed: false,
    onToggle: vi.fn(), onRefresh: vi.fn(), onOpenOptions: vi.fn(), mappingPageUrl: 'https://inventory.dearsystems.com/Settings', now: () => new Date('2026-11-21T10:05:00.000Z'),
  };
  render(<HealthPanel {...props} />);
  return props;
}

describe('panel next steps', () => {
  it('with nothing connected, points to the guided set-up (the background opens it for the panel)', () => {
    const props = renderPanel({ pairId: undefined, summary: undefined, findings: [], connection: { cin7: 'not-connected', xero: 'not-connected' } });
    expect(screen.getByText(new RegExp(NEXT_STEP_WORDS.nothingConnected))).toBeTruthy();
    expect(screen.getByText(NEXT_STEP_WORDS.setUpWhy)).toBeTruthy();
    expect(screen.queryByText(/Not connected:/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: NEXT_STEP_WORDS.setUp }));
    expect(props.onOpenOptions).toHaveBeenCalled();
  });

  it('says how to renew a refused Cin7 Core key', () => {
    renderPanel({ connection: { cin7: 'reconnect-needed', xero: 'connected' } });
    expect(screen.getByText(/Not connected: Cin7 Core \(reconnect needed\)/).textContent).toContain(NEXT_STEP_WORDS.reconnectCin7);
  });

  it('says a refresh failed, why and what next, beside the Refresh button', () => {
    renderPanel({ lastError: { message: 'Xero is unavailable (503).' } });
    expect(screen.getByTestId('panel-refresh-failed').textContent).toBe(`${NEXT_STEP_WORDS.refreshFailed} Xero is unavailable (503). ${NEXT_STEP_WORDS.refreshAgain}`);
    expect(screen.getByRole('button', { name: 'Refresh' })).toBeTruthy();
  });
});
