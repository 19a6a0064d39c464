// The options page lists a changed mapping's rows (before → now) and accepts or restores it.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MappingChangeSection } from '../../../components/options/MappingChangeSection';
import { fakeClient, status } from './fake-client';

afterEach(cleanup);

const change = {
  changedAt: '2026-11-21T10:00:00.000Z',
  count: 2,
  rows: [
    { label: 'Inventory', from: '630: Inventory', to: '999: Suspense' },
    { label: 'Sales', from: '200: Sales', to: null },
  ],
};

describe('MappingChangeSection', () => {
  it('shows nothing while the mapping did not change', async () => {
    const { client } = fakeClient();
    render(<MappingChangeSection client={client} pairId="pair-a" />);
    await waitFor(() => expect(client.getStatus).toHaveBeenCalled());
    expect(screen.queryByRole('region', { name: 'Account Mapping changed' })).toBeNull();
  });

  it('lists before → now and restores the previous mapping of the pair', async () => {
    const { client } = fakeClient({ 'pair-a': status({ mappingChange: change }) });
    render(<MappingChangeSection client={client} pairId="pair-a" />);
    expect(await screen.findByText(/The Account Mapping changed: 2 rows/)).toBeTruthy();
    expect(screen.getAllByRole('row').map((row) => row.textContent)).toEqual([
      'RoleBeforeNow',
      'Inventory630: Inventory999: Suspense',
      'Sales200: Sales(not mapped)',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Restore the previous mapping' }));
    await waitFor(() => expect(client.restorePreviousMapping).toHaveBeenCalledWith({ pairId: 'pair-a' }));
  });

  it('accepts the new mapping', async () => {
    const { client } = fakeClient({ 'pair-a': status({ mappingChange: change }) });
    render(<MappingChangeSection client={client} pairId="pair-a" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Accept the new mapping' }));
    await waitFor(() => expect(client.acceptMappingChange).toHaveBeenCalledWith({ pairId: 'pair-a' }));
  });
});
