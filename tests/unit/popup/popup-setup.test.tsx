// The popup's way into the guided set-up (issue #20): with no pair it offers "Set up Mapping Guard".
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { PopupApp } from '../../../components/checklist/PopupApp';
import { createChecklistStore, type ChecklistStore } from '../../../utils/store/checklist';
import { fakeClient, status } from './fake-client';

const stores: ChecklistStore[] = [];
afterEach(async () => {
  cleanup();
  await Promise.all(stores.splice(0).map((store) => store.dispose()));
});

function renderPopup(fake: ReturnType<typeof fakeClient>) {
  const checklist = createChecklistStore({ debounceMs: 10_000 });
  stores.push(checklist);
  const openWelcome = vi.fn();
  const openOptions = vi.fn();
  render(<PopupApp client={fake.client} checklist={checklist} openOptions={openOptions} openWelcome={openWelcome} reportUrl={(id) => `report.html?pair=${id}`} />);
  return { openWelcome, openOptions };
}

describe('popup set-up entry', () => {
  it('opens the welcome page when there is no pair yet', async () => {
    const fake = fakeClient({ 'pair-a': status({ pairId: undefined, pairName: undefined, summary: undefined, findings: [], connection: { cin7: 'not-connected', xero: 'not-connected' } }) });
    fake.client.listPairs.mockResolvedValue({ pairs: [], selectedPairId: undefined } as never);
    const { openWelcome, openOptions } = renderPopup(fake);
    fireEvent.click(await screen.findByRole('button', { name: 'Set up Mapping Guard' }));
    expect(openWelcome).toHaveBeenCalled();
    expect(openOptions).not.toHaveBeenCalled();
  });

  it('sends a pair that needs a reconnection to Settings instead', async () => {
    const fake = fakeClient({ 'pair-a': status({ connection: { cin7: 'connected', xero: 'reconnect-needed' } }) });
    renderPopup(fake);
    expect(await screen.findByRole('button', { name: 'Connect Cin7 Core and Xero in Settings' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Set up Mapping Guard' })).toBeNull();
  });
});
