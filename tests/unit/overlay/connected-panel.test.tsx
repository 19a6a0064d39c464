import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectedHealthPanel } from '../../../components/panel/ConnectedHealthPanel';
import { createPanelContributionStore } from '../../../utils/overlay/panel-state';
import { panelCollapsedItem } from '../../../utils/overlay/preferences';
import { createStatusStore } from '../../../utils/overlay/status-store';
import { fakeStatusClient } from '../cin7/feature-env';
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
      mappingPageUrl="https://inventory.dearsystems.com/AccountMapping"
      openOptions={openOptions}
    />,
  );
  return { statusStore, contributions, openOptions };
}

describe('ConnectedHealthPanel', () => {
  it('remembers the collapsed state in storage.local and follows changes from other tabs', async () => {
    const { statusStore } = setup();
    await act(() => statusStore.load());
    const toggle = screen.getByRole('button', { name: /^Mapping Guard/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(toggle);
    await waitFor(async () => expect(await panelCollapsedItem.getValue()).toBe(true));
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await act(() => panelCollapsedItem.setValue(false));
    await waitFor(() => expect(toggle.getAttribute('aria-expanded')).toBe('true'));
  });

  it('starts collapsed when it was collapsed before', async () => {
    await panelCollapsedItem.setValue(true);
    setup();
    await waitFor(() => expect(screen.getByRole('button', { name: /^Mapping Guard/ }).getAttribute('aria-expanded')).toBe('false'));
  });

  it('tells the manual way when the background cannot open the options page', async () => {
    const { statusStore, openOptions } = setup();
    await act(() => statusStore.load());
    fireEvent.click(screen.getByRole('button', { name: 'Open Mapping Guard options' }));
    expect(openOptions).toHaveBeenCalled();
    await waitFor(() => expect(screen.getByText(/from the browser toolbar/)).toBeTruthy());
  });

  it('shows sections and problems the features contribute', async () => {
    const { contributions } = setup();
    act(() => {
      contributions.setSection({ id: 'x', title: 'This sale', order: 1, content: <p>section body</p> });
      contributions.reportProblem('document-lines', new Error('grid gone'));
    });
    expect(screen.getByRole('heading', { name: 'This sale' })).toBeTruthy();
    expect(screen.getByText('section body')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('grid gone');
  });
});
