import { cin7AccountMappingLink } from '../../../utils/audit/links';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleCommand } from '../../../utils/background/wiring';
import { ConnectedHealthPanel } from '../../../components/panel/ConnectedHealthPanel';
import { createPanelContributionStore } from '../../../utils/overlay/panel-state';
import { panelCollapsedItem } from '../../../utils/overlay/preferences';
import { createStatusStore } from '../../../utils/overlay/status-store';
import { fakeStatusClient } from './overlay-env-fixtures';
import { status } from './status-fixtures';

afterEach(cleanup);

function setup(openOptions = vi.fn(async () => false)) {
  const client = fakeStatusClient(status({ connection: { cin7: 'connected', xero: 'not-connected' }, summary: undefined, findings: [] }));
  const statusStore = createStatusStore(client, { signal: new AbortController().signal });
  const contributions = createPanelContributionStore();
  render(
    <ConnectedHealthPanel
      currentApp="cin7"
      statusStore={statusStore}
      contributions={contributions}
      mappingPage={cin7AccountMappingLink()}
      openOptions={openOptions}
    />,
  );
  return { statusStore, contributions, openOptions };
}

describe('ConnectedHealthPanel', () => {
  it('starts collapsed to its tab, remembers the state in storage.local and follows other tabs', async () => {
    const { statusStore } = setup();
    await act(() => statusStore.load());
    const toggle = screen.getByRole('button', { name: /^Mapping Guard/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.textContent).toContain('not connected');
    fireEvent.click(toggle);
    await waitFor(async () => expect(await panelCollapsedItem.getValue()).toBe(false));
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await act(() => panelCollapsedItem.setValue(true));
    await waitFor(() => expect(toggle.getAttribute('aria-expanded')).toBe('false'));
  });

  it('starts expanded when the user left it open', async () => {
    await panelCollapsedItem.setValue(false);
    setup();
    await waitFor(() => expect(screen.getByRole('button', { name: /^Mapping Guard/ }).getAttribute('aria-expanded')).toBe('true'));
  });

  it('tells the manual way when the background cannot open the options page', async () => {
    await panelCollapsedItem.setValue(false);
    const { statusStore, openOptions } = setup();
    await act(() => statusStore.load());
    fireEvent.click(screen.getByRole('button', { name: 'Open Mapping Guard options' }));
    expect(openOptions).toHaveBeenCalled();
    await waitFor(() => expect(screen.getByText(/from the browser toolbar/)).toBeTruthy());
  });

  it('shows sections and problems the features contribute', async () => {
    await panelCollapsedItem.setValue(false);
    const { contributions } = setup();
    await waitFor(() => expect(screen.getByRole('button', { name: /^Mapping Guard/ }).getAttribute('aria-expanded')).toBe('true'));
    act(() => {
      contributions.setSection({ id: 'x', title: 'This sale', order: 1, content: <p>section body</p> });
      contributions.reportProblem('document-lines', new Error('grid gone'));
    });
    expect(screen.getByRole('heading', { name: 'This sale' })).toBeTruthy();
    expect(screen.getByText('section body')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('grid gone');
  });
});

describe('the panel shortcut', () => {
  const trigger = fakeBrowser.runtime.onMessage.trigger as unknown as (message: unknown, sender: { id?: string }) => Promise<unknown[]>;

  it('opens and closes the panel and puts focus on its toggle when the background relays it', async () => {
    const { statusStore } = setup();
    await act(() => statusStore.load());
    const toggle = screen.getByRole('button', { name: /^Mapping Guard/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await act(() => trigger({ mgEvent: 'togglePanel' }, { id: fakeBrowser.runtime.id }));
    await waitFor(() => expect(toggle.getAttribute('aria-expanded')).toBe('true'));
    expect(document.activeElement).toBe(toggle);
    await waitFor(async () => expect(await panelCollapsedItem.getValue()).toBe(false));
    await act(() => trigger({ mgEvent: 'togglePanel' }, { id: fakeBrowser.runtime.id }));
    await waitFor(() => expect(toggle.getAttribute('aria-expanded')).toBe('false'));
  });

  it('ignores the same message from anyone but this extension', async () => {
    const { statusStore } = setup();
    await act(() => statusStore.load());
    await act(() => trigger({ mgEvent: 'togglePanel' }, { id: 'another-extension' }));
    expect(screen.getByRole('button', { name: /^Mapping Guard/ }).getAttribute('aria-expanded')).toBe('false');
  });
});

describe('handleCommand', () => {
  it('relays the toggle-panel command to the active tab, and nothing else', async () => {
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7, url: 'https://go.xero.com/Dashboard' } as never]);
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await handleCommand('something-else');
    expect(sent).not.toHaveBeenCalled();
    await handleCommand('toggle-panel');
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(sent).toHaveBeenCalledWith(7, { mgEvent: 'togglePanel' });
    sent.mockRestore();
    query.mockRestore();
  });
});
