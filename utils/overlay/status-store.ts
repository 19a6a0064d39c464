// The health data an overlay tab shows: the background's status for this tab's pair (the background knows the tab's
// organisation from `identifyTab`), kept current by the background's `statusChanged` broadcasts. Content scripts
// never fetch; they ask the background by named action.
import { createStore } from 'zustand/vanilla';
import { background, onStatusChanged, type ClientOf } from '../protocol/client';
import type { Progress, Status } from '../protocol/shapes';
import { describeError } from './panel-state';

/** The two actions the store calls and the broadcast it follows (tests pass a fake of the same shape). */
export type StatusClient = ClientOf<'getStatus' | 'refresh'> & { onStatusChanged: typeof onStatusChanged };

/** The real protocol: the derived background client and its `statusChanged` broadcasts. */
export const backgroundStatusClient: StatusClient = { getStatus: background.getStatus, refresh: background.refresh, onStatusChanged };

export interface StatusState {
  status: Status | null;
  loading: boolean;
  /** The last failure talking to the background, in words. */
  error: string | null;
  /** Progress of a refresh in flight (from the broadcast, before the status catches up). */
  refreshing: Progress | null;
  /** True from a click on Refresh until the background reports progress or a new status. */
  refreshRequested: boolean;
}

export type StatusStore = ReturnType<typeof createStatusStore>;

export interface StatusStoreOptions {
  signal: AbortSignal;
  reloadDelayMs?: number;
}

export function createStatusStore(client: StatusClient, options: StatusStoreOptions) {
  const store = createStore<StatusState>(() => ({
    status: null,
    loading: false,
    error: null,
    refreshing: null,
    refreshRequested: false,
  }));
  let reloadTimer: ReturnType<typeof setTimeout> | undefined;

  const load = async (): Promise<void> => {
    store.setState({ loading: true });
    try {
      const status = await client.getStatus();
      if (options.signal.aborted) return;
      store.setState({
        status,
        loading: false,
        error: null,
        refreshing: status.refreshing ?? null,
        refreshRequested: status.refreshing ? false : store.getState().refreshRequested,
      });
    } catch (error) {
      if (!options.signal.aborted) store.setState({ loading: false, error: describeError(error) });
    }
  };

  const refresh = async (): Promise<void> => {
    store.setState({ refreshRequested: true, error: null });
    try {
      await client.refresh({});
    } catch (error) {
      if (!options.signal.aborted) store.setState({ refreshRequested: false, error: describeError(error) });
      return;
    }
    await load();
    if (!options.signal.aborted && !store.getState().refreshing) store.setState({ refreshRequested: false });
  };

  const unsubscribe = client.onStatusChanged((event) => {
    const ownPair = store.getState().status?.pairId;
    if (ownPair && event.pairId && event.pairId !== ownPair) return;
    store.setState({ refreshing: event.refreshing ?? null, refreshRequested: false });
    // Broadcasts come in bursts during a refresh (one per page fetched): reload once they settle.
    if (reloadTimer !== undefined) clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => void load(), options.reloadDelayMs ?? 400);
  });
  options.signal.addEventListener(
    'abort',
    () => {
      unsubscribe();
      if (reloadTimer !== undefined) clearTimeout(reloadTimer);
    },
    { once: true },
  );

  return Object.assign(store, { load, refresh });
}
