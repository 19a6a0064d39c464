import { describe, expect, it, vi } from 'vitest';
import { createStatusStore } from '../../../utils/overlay/status-store';
import { fakeStatusClient } from './overlay-env-fixtures';
import { status } from './status-fixtures';

describe('status store', () => {
  it('loads the status and follows broadcasts of its own pair only', async () => {
    const client = fakeStatusClient(status({ pairId: 'pair-1' }));
    const controller = new AbortController();
    const store = createStatusStore(client, { signal: controller.signal, reloadDelayMs: 0 });
    await store.load();
    expect(store.getState().status?.pairId).toBe('pair-1');

    client.broadcast({ pairId: 'pair-2', refreshing: { list: 'x', page: 1, message: 'other pair' } });
    expect(store.getState().refreshing).toBeNull();

    client.broadcast({ pairId: 'pair-1', refreshing: { list: 'Xero accounts', page: 1, pages: 3, message: 'Fetching Xero accounts' } });
    expect(store.getState().refreshing?.message).toBe('Fetching Xero accounts');

    client.set(status({ pairId: 'pair-1', fetchedAt: '2026-11-21T11:00:00.000Z' }));
    client.broadcast({ pairId: 'pair-1' });
    await vi.waitFor(() => expect(store.getState().status?.fetchedAt).toBe('2026-11-21T11:00:00.000Z'));
    expect(store.getState().refreshing).toBeNull();
    controller.abort();
  });

  it('refresh asks the background, then reloads; failures become text', async () => {
    const client = fakeStatusClient(status());
    const store = createStatusStore(client, { signal: new AbortController().signal });
    await store.refresh();
    expect(client.refresh).toHaveBeenCalled();
    expect(store.getState().status).not.toBeNull();
    expect(store.getState().refreshRequested).toBe(false);

    vi.mocked(client.getStatus).mockRejectedValueOnce(new Error('Mapping Guard’s background did not answer.'));
    await store.load();
    expect(store.getState().error).toBe('Mapping Guard’s background did not answer.');
  });
});
