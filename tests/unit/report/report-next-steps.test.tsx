// The report says what to do next (issue #20): nothing connected, a connection to renew, the mapping not read yet,
// a failed refresh.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { ReportPage } from '../../../components/report/ReportPage';
import { NEXT_STEP_WORDS } from '../../../components/ui/next-step';
import type { Status } from '../../../utils/protocol/shapes';
import { fakeClient, status } from '../popup/fake-client';

afterEach(cleanup);

function renderReport(over: Partial<Status>) {
  const fake = fakeClient({ 'pair-a': status({ mappingReadAt: '2026-11-21T08:00:00.000Z', ...over }) });
  render(<ReportPage client={fake.client} pairId="pair-a" now={() => new Date()} download={vi.fn()} print={vi.fn()} />);
}

describe('report next steps', () => {
  it('sends to the set-up when nothing is connected', async () => {
    renderReport({ pairId: undefined, summary: undefined, findings: [], connection: { cin7: 'not-connected', xero: 'not-connected' } });
    const step = await screen.findByTestId('report-set-up');
    expect(step.textContent).toContain(NEXT_STEP_WORDS.nothingConnected);
    expect(within(step).getByRole('link', { name: NEXT_STEP_WORDS.setUp }).getAttribute('href')).toBe('welcome.html');
    expect(screen.queryByText(/No audit has run/)).toBeNull();
  });

  it('sends a connection to renew to the options page', async () => {
    renderReport({ connection: { cin7: 'reconnect-needed', xero: 'connected' } });
    const step = await screen.findByTestId('report-connect');
    expect(step.textContent).toContain(NEXT_STEP_WORDS.reconnectCin7);
    expect(within(step).getByRole('link', { name: NEXT_STEP_WORDS.openSettings }).getAttribute('href')).toBe('options.html');
  });

  it('links to Cin7 Core’s Account Mapping page while the mapping is unread', async () => {
    renderReport({ mappingReadAt: undefined });
    const step = await screen.findByTestId('report-mapping');
    expect(step.textContent).toContain(NEXT_STEP_WORDS.mappingUnread);
    expect(within(step).getByRole('link').getAttribute('href')).toMatch(/^https:\/\/inventory\.dearsystems\.com\//);
  });

  it('says a refresh failed and what to do, and nothing else when all is well', async () => {
    renderReport({ lastError: { message: 'Cin7 Core timed out.' } });
    expect((await screen.findByRole('alert')).textContent).toBe(`${NEXT_STEP_WORDS.refreshFailed} Cin7 Core timed out. ${NEXT_STEP_WORDS.refreshAgain}`);
    expect(screen.queryByTestId('report-mapping')).toBeNull();
    expect(screen.queryByTestId('report-connect')).toBeNull();
  });
});
