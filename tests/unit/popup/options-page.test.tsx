// The options page's connection sections (components/options) with a fake client.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { OptionsApp } from '../../../components/options/OptionsApp';
import type { ConnectionsClient } from '../../../components/ui/client';
import type { Connections } from '../../../utils/protocol/shapes';
import { ActionError } from '../../../utils/protocol/wire';
import { acknowledged, fakeClient } from './fake-client';

afterEach(cleanup);

function connections(over: { xero?: Partial<Connections['xero']>; cin7?: Partial<Connections['cin7']> } = {}): Connections {
  return {
    xero: {
      state: 'not-connected',
      clientIdSource: 'none',
      redirectUrl: 'https://kgifakjijaobjokpdplikeiegeobjlem.chromiumapp.org/',
      tenants: [],
      ...over.xero,
    },
    cin7: { state: 'not-connected', accounts: [], ...over.cin7 },
  };
}

function fakeConnections(initial: Connections) {
  let current = initial;
  const client = {
    getConnections: vi.fn(() => Promise.resolve(current)),
    connectXero: vi.fn(() => {
      current = connections({ xero: { state: 'connected', tenants: [{ tenantId: 't1', tenantName: 'Demo NZ' }] } });
      return Promise.resolve({ tenants: [{ tenantId: 't1', tenantName: 'Demo NZ' }] });
    }),
    disconnectXero: vi.fn(acknowledged),
    setXeroClientId: vi.fn(acknowledged),
    testCin7: vi.fn(() => Promise.resolve({ ok: false, error: { message: 'Cin7 Core refused the Account ID or application key.' } })),
    saveCin7Credentials: vi.fn(() => Promise.resolve({ company: 'Acme Ltd' })),
    removeCin7Credentials: vi.fn(acknowledged),
    listPairs: vi.fn(() => Promise.resolve({ pairs: [] })),
    savePair: vi.fn(),
    removePair: vi.fn(acknowledged),
    selectPair: vi.fn(acknowledged),
    getSecretProtection: vi.fn(() => Promise.resolve({ mode: 'profile' as const, locked: false })),
    setSecretProtection: vi.fn(acknowledged),
    unlockSecrets: vi.fn(() => Promise.resolve({ unlocked: true })),
  } satisfies ConnectionsClient;
  return client;
}

describe('options page: connections', () => {
  it('shows the reconnect state and the redirect URI to register', async () => {
    const client = fakeConnections(connections({ xero: { state: 'reconnect-needed', clientId: 'abc', clientIdSource: 'options' } }));
    render(<OptionsApp client={{ ...fakeClient().client, ...client }} />);
    expect(await screen.findByText(/reconnect Xero/)).toBeTruthy();
    expect(screen.getByTestId('xero-redirect').textContent).toBe('https://kgifakjijaobjokpdplikeiegeobjlem.chromiumapp.org/');
    expect(screen.getByRole('button', { name: 'Reconnect Xero' })).toBeTruthy();
  });

  it('needs a client id before connecting, saves it, then connects', async () => {
    const client = fakeConnections(connections());
    render(<OptionsApp client={{ ...fakeClient().client, ...client }} />);
    const connect = (await screen.findByRole('button', { name: 'Connect Xero' })) as HTMLButtonElement;
    expect(connect.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Xero app client id'), { target: { value: 'CLIENT123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use this client id' }));
    await waitFor(() => expect(client.setXeroClientId).toHaveBeenCalledWith({ clientId: 'CLIENT123' }));
    fireEvent.click(screen.getByRole('button', { name: 'Connect Xero' }));
    expect(await screen.findByText('Xero connected.')).toBeTruthy();
    expect(await screen.findByText('Demo NZ')).toBeTruthy();
  });

  it('tests Cin7 keys, shows why they fail, and clears the key field after saving', async () => {
    const client = fakeConnections(connections());
    render(<OptionsApp client={{ ...fakeClient().client, ...client }} />);
    fireEvent.change(await screen.findByLabelText('Account ID'), { target: { value: ' acc-1 ' } });
    fireEvent.change(screen.getByLabelText('Application key'), { target: { value: 'key-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText(/refused the Account ID/)).toBeTruthy();
    expect(client.testCin7).toHaveBeenCalledWith({ accountId: 'acc-1', applicationKey: 'key-1' });
    fireEvent.click(screen.getByRole('button', { name: 'Save Cin7 keys' }));
    expect(await screen.findByText('Cin7 Core connected: Acme Ltd.')).toBeTruthy();
    expect((screen.getByLabelText('Application key') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('Application key') as HTMLInputElement).type).toBe('password');
  });

  it('shows the background’s sentence when saving fails', async () => {
    const client = fakeConnections(connections());
    client.saveCin7Credentials.mockImplementation(() => Promise.reject(new ActionError('Cin7 Core refused the Account ID or application key.')));
    render(<OptionsApp client={{ ...fakeClient().client, ...client }} />);
    fireEvent.change(await screen.findByLabelText('Account ID'), { target: { value: 'acc-1' } });
    fireEvent.change(screen.getByLabelText('Application key'), { target: { value: 'bad' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save Cin7 keys' }));
    expect(await screen.findByText(/refused the Account ID/)).toBeTruthy();
  });
});
