import { vi } from 'vitest';
import type { Cin7FeatureEnv, Cin7Services } from '../../../entrypoints/cin7.content/environment';
import type { Status } from '../../../utils/protocol/shapes';
import type { StatusChanged } from '../../../utils/protocol/events';
import { createPanelContributionStore } from '../../../utils/overlay/panel-state';
import { createStatusStore, type StatusClient } from '../../../utils/overlay/status-store';

export function fakeStatusClient(initial: Status) {
  let current = initial;
  const listeners = new Set<(event: StatusChanged) => void>();
  const client: StatusClient & { set(status: Status): void; broadcast(event?: Partial<StatusChanged>): void } = {
    getStatus: vi.fn(async () => current),
    refresh: vi.fn(async () => {}),
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

export function featureEnv(url: string, status: Status, services: Partial<Cin7Services> = {}) {
  const controller = new AbortController();
  const client = fakeStatusClient(status);
  const statusStore = createStatusStore(client, { signal: controller.signal, reloadDelayMs: 0 });
  const panel = createPanelContributionStore();
  const env: Cin7FeatureEnv = {
    url: new URL(url),
    ctx: null,
    panel,
    status: statusStore,
    services: {
      saveMapping: vi.fn(async () => ({ saved: true, pairId: 'pair-1' })),
      getMapping: vi.fn(async () => ({ mapping: null })),
      getDocument: vi.fn(async () => {
        throw new Error('not stubbed');
      }),
      getRecordTaxRules: vi.fn(async () => {
        throw new Error('not stubbed');
      }),
      openOptions: vi.fn(async () => false),
      ...services,
    },
    reportProblem: (error) => panel.reportProblem('test', error),
  };
  return { env, controller, client, statusStore, panel };
}
