// The panel on a page of another organisation (or one it cannot identify while several pairs exist): it says which
// organisation this is and which are connected, offers to add the client, and never shows findings.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HealthPanel } from '../../../components/panel/HealthPanel';
import { listNames } from '../../../components/panel/OrganisationMismatch';
import type { Status } from '../../../utils/protocol/shapes';
import { finding } from './status-fixtures';

afterEach(cleanup);

function renderPanel(status: Status, collapsed = false) {
  const onOpenOptions = vi.fn();
  render(
    <HealthPanel
      currentApp="cin7"
      status={status}
      loading={false}
      error={null}
      refreshing={null}
      refreshRequested={false}
      collapsed={collapsed}
      onToggle={vi.fn()}
      onRefresh={vi.fn()}
      onOpenOptions={onOpenOptions}
      mappingPageUrl="https://inventory.dearsystems.com/Settings"
    />,
  );
  return onOpenOptions;
}

// What the background sends for such a tab: no pair, no findings (a finding here would be another client's).
const unbound = (tab: NonNullable<Status['tab']>): Status => ({
  connection: { cin7: 'not-connected', xero: 'connected' },
  findings: [],
  coverage: [],
  tab,
});

describe('the panel on a page of another organisation', () => {
  it('says "This is Org B; … connected to Org A", offers the options page, and shows no findings', () => {
    const onOpenOptions = renderPanel(unbound({ state: 'other-organisation', app: 'cin7', shown: 'Org B', connected: ['Org A'] }));
    expect(screen.getByText('This is Org B; Mapping Guard is connected to Org A for this app.')).toBeTruthy();
    expect(screen.queryByText(/Not connected/)).toBeNull();
    expect(screen.queryByRole('link')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Add this client in Mapping Guard options' }));
    expect(onOpenOptions).toHaveBeenCalledOnce();
  });

  it('an unreadable page with several pairs: "cannot tell which organisation this page shows"', () => {
    renderPanel(unbound({ state: 'unknown-organisation', app: 'xero', connected: ['Org A Ltd', 'Org B Ltd', 'Org C Ltd'] }));
    expect(
      screen.getByText('Mapping Guard cannot tell which organisation this page shows; it is connected to Org A Ltd, Org B Ltd and Org C Ltd for this app.'),
    ).toBeTruthy();
  });

  it('collapsed, the header says so instead of counts', () => {
    renderPanel(unbound({ state: 'other-organisation', app: 'cin7', shown: 'Org B', connected: ['Org A'] }), true);
    expect(screen.getByRole('button', { name: /^Mapping Guard/ }).textContent).toContain('other organisation');
  });

  it('a bound tab shows its pair’s findings as before', () => {
    renderPanel({
      connection: { cin7: 'connected', xero: 'connected' },
      pairId: 'p',
      pairName: 'Org A ↔ Org A Ltd',
      summary: { errors: 1, warnings: 0, infos: 0, total: 1 },
      findings: [finding({ message: 'An error of Org A' })],
      coverage: [],
      tab: { state: 'bound', app: 'cin7', shown: 'Org A', connected: ['Org A', 'Org B'] },
    });
    expect(screen.getByText('An error of Org A')).toBeTruthy();
  });

  it('lists names as a sentence', () => {
    expect([listNames([]), listNames(['A']), listNames(['A', 'B']), listNames(['A', 'B', 'C'])]).toEqual(['', 'A', 'A and B', 'A, B and C']);
  });
});
