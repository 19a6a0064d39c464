// Shared by the overlay tests of both apps: a fake status client (the test sets the status and plays broadcasts)
// and a feature environment built the way the runner builds it (utils/overlay/overlay-env), with a fake background
// client of the same `ClientOf` shape, no shadow-root UI, and problems reported as feature "test".
import { onTestFinished, vi } from 'vitest';
import type { ActionName } from '../../../utils/protocol/actions';
import type { ClientOf } from '../../../utils/protocol/client';
import type { Status } from '../../../utils/protocol/shapes';
import type { StatusChanged } from '../../../utils/protocol/events';
import { createOverlayEnv } from '../../../utils/overlay/overlay-env';
import { createPanelContributionStore } from '../../../utils/overlay/panel-state';
import { createStatusStore, type StatusClient } from '../../../utils/overlay/status-store';

export function fakeStatusClient(initial: Status) {
  let current = initial;
  const listeners = new Set<(event: StatusChanged) => void>();
  const client: StatusClient & { set(status: Status): void; broadcast(event?: Partial<StatusChanged>): void } = {
    getStatus: vi.fn(async () => current),
    refresh: vi.fn(async () => ({ started: true })),
    onStatusChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(status) {
      current = status;
    },
    broadcast(event = {}) {
      for (const listener of listeners) listener({ mgEvent: 'statusChanged', ...event });
    },
  };
  return client;
}

/** Opening the options page fails in tests unless a test says otherwise. */
export const fakeOpenOptions = () => vi.fn(async (): Promise<{ ok: true }> => {
  throw new Error('not stubbed');
});

export function overlayTestEnv<Actions extends ActionName>(url: string, status: Status, background: ClientOf<Actions | 'openOptions'>) {
  const controller = new AbortController();
  // Features stop when their test ends, as they do when the page goes: an observer's timer left running would fire
  // after the file's DOM environment is gone (requestAnimationFrame undefined) and fail the run.
  onTestFinished(() => controller.abort());
  const client = fakeStatusClient(status);
  const statusStore = createStatusStore(client, { signal: controller.signal, reloadDelayMs: 0 });
  const panel = createPanelContributionStore();
  const env = createOverlayEnv({ url: new URL(url), ctx: null, panel, status: statusStore, background, featureId: 'test', signal: controller.signal });
  return { env, controller, client, statusStore, panel };
}
