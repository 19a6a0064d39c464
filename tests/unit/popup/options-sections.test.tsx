// Component tests of the options page's non-connection sections (components/options).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FeaturesSection } from '../../../components/options/FeaturesSection';
import { MappingEditorSection, mappingProblems } from '../../../components/options/MappingEditorSection';
import { RefreshScheduleSection } from '../../../components/options/RefreshScheduleSection';
import { ReviewedFindingsSection } from '../../../components/options/ReviewedFindingsSection';
import { DiagnosticsSection } from '../../../components/options/DiagnosticsSection';
import { ROLES } from '../../../utils/audit/roles';
import type { ActionResult } from '../../../utils/protocol/actions';
import { fakeClient, finding, status } from './fake-client';

afterEach(cleanup);

describe('manual mapping editor', () => {
  it('offers every role of the engine’s table and saves label + account through saveMapping', async () => {
    const { client } = fakeClient();
    render(<MappingEditorSection client={client} pairId="pair-a" />);
    for (const role of ROLES) expect(screen.getByLabelText(role.label)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Inventory Control'), { target: { value: '1400' } });
    fireEvent.change(screen.getByLabelText('Cost of Goods Sold'), { target: { value: '500' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use this mapping' }));
    await waitFor(() => expect(client.saveMapping).toHaveBeenCalled());
    const [{ rows, readAt, pairId }] = client.saveMapping.mock.calls[0]!;
    expect(pairId).toBe('pair-a');
    expect(Number.isNaN(Date.parse(readAt))).toBe(false);
    expect(rows).toHaveLength(ROLES.length);
    expect(rows).toContainEqual({ label: 'Inventory Control', account: '1400' });
    expect(rows).toContainEqual({ label: 'Accounts Receivable', account: '' });
    expect(await screen.findByText('Mapping saved. The next audit uses it.')).toBeTruthy();
  });

  it('starts from the saved mapping, and never overwrites what the person typed first', async () => {
    const { client } = fakeClient();
    client.getMapping.mockResolvedValue({
      mapping: {
        readAt: '2026-11-21T09:00:00Z',
        rows: [
          { label: 'Inventory Control', account: '1400: Inventory' },
          { label: 'Cost of Goods Sold', account: '310 - Cost of Goods Sold' },
          { label: 'Something Cin7 added later', account: '999' },
        ],
      },
    });
    render(<MappingEditorSection client={client} pairId="pair-a" />);
    await waitFor(() => expect((screen.getByLabelText('Inventory Control') as HTMLInputElement).value).toBe('1400'));
    expect(client.getMapping).toHaveBeenCalledWith({ pairId: 'pair-a' });
    expect((screen.getByLabelText('Cost of Goods Sold') as HTMLInputElement).value).toBe('310');
    expect((screen.getByLabelText('Accounts Receivable') as HTMLInputElement).value).toBe('');
    expect(screen.getByText(/Filled in from the saved mapping/)).toBeTruthy();
    cleanup();

    let answer: (result: ActionResult<'getMapping'>) => void = () => undefined;
    client.getMapping.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    render(<MappingEditorSection client={client} pairId="pair-a" />);
    fireEvent.change(screen.getByLabelText('Inventory Control'), { target: { value: '1410' } });
    answer({ mapping: { readAt: '2026-11-21T09:00:00Z', rows: [{ label: 'Inventory Control', account: '1400' }] } });
    await screen.findByText(/Filled in from the saved mapping/);
    expect((screen.getByLabelText('Inventory Control') as HTMLInputElement).value).toBe('1410');
  });

  it('refuses one account behind two roles and malformed codes', () => {
    expect(mappingProblems({ cogs: '500', inventoryControl: '500' })).toEqual({
      cogs: 'Account 500 is already mapped to Inventory Control.',
    });
    expect(mappingProblems({ cogs: 'not a code!' }).cogs).toMatch(/account code/);
    const { client } = fakeClient();
    render(<MappingEditorSection client={client} />);
    fireEvent.change(screen.getByLabelText('Inventory Control'), { target: { value: '500' } });
    fireEvent.change(screen.getByLabelText('Cost of Goods Sold'), { target: { value: '500' } });
    expect((screen.getByRole('button', { name: 'Use this mapping' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByLabelText('Cost of Goods Sold').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Account 500 is already mapped to Inventory Control.')).toBeTruthy();
  });
});

describe('refresh schedule', () => {
  it('shows the saved interval and saves a new one', async () => {
    const { client } = fakeClient();
    render(<RefreshScheduleSection client={client} />);
    const select = (await screen.findByLabelText('Re-run the audit')) as HTMLSelectElement;
    await waitFor(() => expect(select.value).toBe('24'));
    fireEvent.change(select, { target: { value: '6' } });
    await waitFor(() => expect(client.setSettings).toHaveBeenCalledWith({ refreshHours: 6 }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
  });
});

describe('features', () => {
  it('shows detected state and sends a declaration', async () => {
    const { client } = fakeClient();
    client.getFeatures.mockResolvedValue({ detected: { inventoryAccrual: true }, declared: {} });
    render(<FeaturesSection client={client} pairId="pair-a" />);
    expect(await screen.findByText(/on \(its rows are on the Account Mapping page\)/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Gift cards: declared'), { target: { value: 'on' } });
    await waitFor(() => expect(client.setFeatures).toHaveBeenCalledWith({ giftCards: true, pairId: 'pair-a' }));
  });

  it('clears a declaration back to "use what was detected"', async () => {
    const { client } = fakeClient();
    client.getFeatures.mockResolvedValue({ detected: { giftCards: false }, declared: { giftCards: true } });
    render(<FeaturesSection client={client} pairId="pair-a" />);
    const select = screen.getByLabelText('Gift cards: declared') as HTMLSelectElement;
    await waitFor(() => expect(select.value).toBe('on'));
    fireEvent.change(select, { target: { value: 'detected' } });
    await waitFor(() => expect(client.setFeatures).toHaveBeenCalledWith({ giftCards: undefined, pairId: 'pair-a' }));
  });
});

describe('reviewed findings', () => {
  it('lists reviewed findings and can undo one', async () => {
    const reviewed = finding({ key: 'k-rev', severity: 'warning', reviewed: true, message: 'In Transit accepts payments' });
    const { client } = fakeClient({ 'pair-a': status({ findings: [finding(), reviewed] }) });
    render(<ReviewedFindingsSection client={client} pairId="pair-a" />);
    const item = (await screen.findByText(/In Transit accepts payments/)).closest('li') as HTMLElement;
    expect(screen.queryByText(/tracked as inventory/)).toBeNull();
    fireEvent.click(within(item).getByRole('button', { name: /Undo reviewed/ }));
    await waitFor(() => expect(client.markReviewed).toHaveBeenCalledWith({ findingKey: 'k-rev', reviewed: false, pairId: 'pair-a' }));
  });
});

describe('diagnostics', () => {
  const broken = () =>
    status({
      mappingReadAt: undefined,
      xeroLimits: { minuteRemaining: 55, dayRemaining: 4900 },
      coverage: [{ check: 'tracked-inventory', ran: false, reason: 'Xero products and services not available' }],
      lastError: { message: 'Xero refused the request: reconnect Xero.', detail: 'HTTP 401' },
    });

  it('falls back to the status: reader time, limits, checks that did not run, the last error in words', async () => {
    const { client } = fakeClient({ 'pair-a': broken() });
    render(<DiagnosticsSection client={client} pairId="pair-a" />);
    expect(await screen.findByText('Cin7 Core Account Mapping page: last read never')).toBeTruthy();
    // The status and the diagnostics answer separately: each part may show a moment after the other.
    expect(await screen.findByText(/55 this minute, 4900 today/)).toBeTruthy();
    expect(await screen.findByText('tracked-inventory: Xero products and services not available')).toBeTruthy();
    expect(await screen.findByText('Xero refused the request: reconnect Xero.')).toBeTruthy();
  });

  it('shows what getDiagnostics reports instead where it answers', async () => {
    const { client } = fakeClient({ 'pair-a': broken() });
    client.getDiagnostics.mockResolvedValue({
      readers: [{ reader: 'Cin7 Account Mapping page', outcome: '17 rows read', lastRunAt: '2026-11-21T09:00:00Z' }],
      limits: [{ api: 'Xero calls left today', remaining: '4321' }],
      errors: [{ message: 'Cin7 Core answered 503: try again later.' }],
    });
    render(<DiagnosticsSection client={client} pairId="pair-a" />);
    expect(await screen.findByText(/Cin7 Account Mapping page: 17 rows read/)).toBeTruthy();
    expect(screen.getByText('Xero calls left today: 4321')).toBeTruthy();
    expect(screen.getByText('Cin7 Core answered 503: try again later.')).toBeTruthy();
    expect(screen.queryByText(/last read never/)).toBeNull();
    expect(screen.queryByText(/55 this minute/)).toBeNull();
  });
});
