// The options page's choice of where the key sealing the saved keys is kept, and the unlock form after a restart.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { SecretProtectionSection } from '../../../components/options/SecretProtectionSection';
import type { ConnectionsClient } from '../../../components/ui/client';

afterEach(cleanup);

function fake(state: { mode: 'profile' | 'session' | 'passphrase'; locked: boolean }, unlocked = true) {
  return {
    getSecretProtection: vi.fn(async () => state),
    setSecretProtection: vi.fn(async () => ({ ok: true as const })),
    unlockSecrets: vi.fn(async () => ({ unlocked })),
  };
}
const renderWith = (client: ReturnType<typeof fake>) =>
  render(<SecretProtectionSection client={client as unknown as ConnectionsClient} onChanged={() => undefined} />);

describe('SecretProtectionSection', () => {
  it('marks the current mode and switches to the session-only key', async () => {
    const client = fake({ mode: 'profile', locked: false });
    renderWith(client);
    expect(await screen.findByLabelText(/in this browser profile \(default\) \(current\)/)).toBeTruthy();
    const apply = screen.getByRole('button', { name: 'Apply' });
    expect(apply).toHaveProperty('disabled', true); // nothing to change yet
    fireEvent.click(screen.getByLabelText(/for this browser session only/));
    fireEvent.click(apply);
    await waitFor(() => expect(client.setSecretProtection).toHaveBeenCalledWith({ mode: 'session' }));
    expect(await screen.findByText('Saved keys re-encrypted.')).toBeTruthy();
  });

  it('asks for a long enough passphrase, typed twice the same, before deriving the key from it', async () => {
    const client = fake({ mode: 'profile', locked: false });
    renderWith(client);
    fireEvent.click(await screen.findByLabelText(/Derive the key from a passphrase/));
    const apply = screen.getByRole('button', { name: 'Apply' });
    fireEvent.change(screen.getByLabelText('New passphrase'), { target: { value: 'short' } });
    expect(screen.getByText(/At least 10 characters/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('New passphrase'), { target: { value: 'a long passphrase' } });
    fireEvent.change(screen.getByLabelText('Repeat'), { target: { value: 'a long passphrasf' } });
    expect(apply).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByLabelText('Repeat'), { target: { value: 'a long passphrase' } });
    fireEvent.click(apply);
    await waitFor(() => expect(client.setSecretProtection).toHaveBeenCalledWith({ mode: 'passphrase', passphrase: 'a long passphrase' }));
  });

  it('when locked, offers only the unlock form and says when the passphrase is wrong', async () => {
    const client = fake({ mode: 'passphrase', locked: true }, false);
    renderWith(client);
    fireEvent.change(await screen.findByLabelText('Passphrase'), { target: { value: 'guess' } });
    expect(screen.queryByRole('button', { name: 'Apply' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByText('That passphrase does not open them.')).toBeTruthy();
    expect(client.unlockSecrets).toHaveBeenCalledWith({ passphrase: 'guess' });
  });
});
