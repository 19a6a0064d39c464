// The popup's empty and error states (issue #20): with no pair, one message and one primary button instead of the
// checklist; a connection to renew and a failed refresh say what to do next. Also the shared words (next-step.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { PopupApp } from '../../../components/checklist/PopupApp';
import { NEXT_STEP_WORDS, nextSteps } from '../../../components/ui/next-step';
import { createChecklistStore, type ChecklistStore } from '../../../utils/store/checklist';
import { fakeClient, status } from './fake-client';

const stores: ChecklistStore[] = [];
afterEach(async () => {
  cleanup();
  await Promise.all(stores.splice(0).map((store) => store.dispose()));
});

function renderPopup(fake: ReturnType<typeof fakeClient>, withWelcome = true) {
  const checklist = createChecklistStore({ debounceMs: 10_000 });
  stores.push(checklist);
  const openWelcome = vi.fn();
  const openOptions = vi.fn();
  render(<PopupApp client={fake.client} checklist={checklist} openOptions={openOptions} openWelcome={withWelcome ? openWelcome : undefined} reportUrl={(id) => `report.html?pair=${id}`} />);
  return { openWelcome, openOptions };
}

const noPair = (connection: { cin7: 'connected' | 'not-connected'; xero: 'connected' | 'not-connected' }) => {
  const fake = fakeClient({ 'pair-a': status({ pairId: undefined, pairName: undefined, summary: undefined, findings: [], connection }) });
  fake.client.listPairs.mockResolvedValue({ pairs: [], selectedPairId: undefined } as never);
  return fake;
};

describe('popup with no pair', () => {
  it('says nothing is connected and offers only the set-up, with no checklist, progress or re-run', async () => {
    const { openWelcome } = renderPopup(noPair({ cin7: 'not-connected', xero: 'not-connected' }));
    const empty = await screen.findByTestId('popup-empty');
    expect(empty.textContent).toContain(NEXT_STEP_WORDS.nothingConnected);
    expect(screen.getAllByRole('button').filter((button) => button.className.includes('mg-button--primary')).map((b) => b.textContent)).toEqual(['Set up Mapping Guard']);
    expect(screen.queryByRole('button', { name: 'Re-run audit' })).toBeNull();
    expect(screen.queryByText(/Loading your checklist/)).toBeNull();
    expect(screen.queryAllByRole('checkbox')).toEqual([]);
    expect(document.querySelector('.mg-checklist')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Set up Mapping Guard' }));
    expect(openWelcome).toHaveBeenCalledTimes(1);
  });

  it('says no pair yet when one side is connected, still sending to the set-up', async () => {
    renderPopup(noPair({ cin7: 'connected', xero: 'not-connected' }));
    expect((await screen.findByTestId('popup-empty')).textContent).toContain(NEXT_STEP_WORDS.noPair);
  });

  it('falls back to the settings when the set-up cannot be opened', async () => {
    const { openOptions } = renderPopup(noPair({ cin7: 'not-connected', xero: 'not-connected' }), false);
    fireEvent.click(await screen.findByRole('button', { name: NEXT_STEP_WORDS.openSettings }));
    expect(openOptions).toHaveBeenCalled();
  });
});

describe('popup with a pair', () => {
  it('says which connection to renew and how', async () => {
    const fake = fakeClient({ 'pair-a': status({ connection: { cin7: 'reconnect-needed', xero: 'reconnect-needed', xeroReason: 'Acme Ltd is no longer granted.' } }) });
    const { openOptions } = renderPopup(fake);
    const step = await screen.findByTestId('popup-connect');
    expect(step.textContent).toContain(NEXT_STEP_WORDS.reconnectXero);
    expect(step.textContent).toContain(NEXT_STEP_WORDS.reconnectCin7);
    expect(step.textContent).toContain('Acme Ltd is no longer granted.');
    fireEvent.click(screen.getByRole('button', { name: 'Connect Cin7 Core and Xero in Settings' }));
    expect(openOptions).toHaveBeenCalled();
  });

  it('says a refresh failed, why, and what to do next', async () => {
    renderPopup(fakeClient({ 'pair-a': status({ lastError: { message: 'Xero is unavailable (503).' } }) }));
    expect((await screen.findByTestId('popup-refresh-failed')).textContent).toBe(
      `${NEXT_STEP_WORDS.refreshFailed} Xero is unavailable (503). ${NEXT_STEP_WORDS.refreshAgain}`,
    );
    expect(screen.getByRole('button', { name: 'Re-run audit' })).toBeTruthy();
  });
});

describe('nextSteps', () => {
  const connected = { cin7: 'connected', xero: 'connected' } as const;
  it('asks for the mapping only once both apps are connected', () => {
    expect(nextSteps({ pairId: 'p', connection: connected }).map((step) => step.kind)).toEqual(['mapping']);
    expect(nextSteps({ pairId: 'p', connection: { ...connected, xero: 'not-connected' } }).map((step) => step.text)).toEqual([
      'Xero is not connected: connect it in Mapping Guard’s settings.',
    ]);
    expect(nextSteps({ pairId: 'p', connection: connected, mappingReadAt: 'x' })).toEqual([]);
  });

  it('adds a failed refresh to a pair’s steps, but not to the set-up', () => {
    const lastError = { message: 'Boom.' };
    expect(nextSteps({ pairId: 'p', connection: connected, mappingReadAt: 'x', lastError }).map((step) => step.kind)).toEqual(['refresh-failed']);
    expect(nextSteps({ connection: { cin7: 'not-connected', xero: 'not-connected' }, lastError }).map((step) => step.kind)).toEqual(['set-up']);
  });
});
