// Notifications are opt-in: turning them on asks the browser for the optional permission first, and a refusal keeps
// them off. The section also says how many Xero organisations the app's connection uses.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { NotificationsSection } from '@/components/options/NotificationsSection';
import type { Settings } from '@/utils/protocol/shapes';

afterEach(cleanup);

function client() {
  let settings: Settings = { refreshHours: 6 };
  return {
    getSettings: vi.fn(async () => settings),
    setSettings: vi.fn(async (change: Partial<Settings>) => (settings = { ...settings, ...change })),
  };
}

describe('NotificationsSection', () => {
  it('asks for the permission when turned on, and saves only when granted', async () => {
    const fake = client();
    const request = vi.fn(async () => true);
    render(<NotificationsSection client={fake} permission={{ request }} xeroConnections={2} />);
    expect(screen.getByText(/Xero organisations connected to Mapping Guard: 2/)).toBeTruthy();
    const box = await screen.findByRole('checkbox', { name: /scheduled check finds new errors/ });
    await waitFor(() => expect((box as HTMLInputElement).disabled).toBe(false));
    fireEvent.click(box);
    await waitFor(() => expect(fake.setSettings).toHaveBeenCalledWith({ notify: true }));
    expect(request).toHaveBeenCalledOnce();
  });

  it('stays off when the browser refuses', async () => {
    const fake = client();
    render(<NotificationsSection client={fake} permission={{ request: async () => false }} />);
    const box = await screen.findByRole('checkbox', { name: /scheduled check finds new errors/ });
    await waitFor(() => expect((box as HTMLInputElement).disabled).toBe(false));
    fireEvent.click(box);
    await screen.findByText('The browser did not allow notifications, so they stay off.');
    expect(fake.setSettings).not.toHaveBeenCalled();
  });

  it('saves quiet hours', async () => {
    const fake = client();
    render(<NotificationsSection client={fake} permission={{ request: async () => true }} />);
    await waitFor(() => expect(fake.getSettings).toHaveBeenCalled());
    fireEvent.change(screen.getByLabelText('Quiet from'), { target: { value: '22' } });
    await waitFor(() => expect(fake.setSettings).toHaveBeenCalledWith({ quietFrom: 22 }));
    fireEvent.change(screen.getByLabelText('Quiet from'), { target: { value: '' } });
    await waitFor(() => expect(fake.setSettings).toHaveBeenLastCalledWith({ quietFrom: 0, quietTo: 0 })); // none
  });
});
