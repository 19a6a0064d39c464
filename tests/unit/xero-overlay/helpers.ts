// Shared by the Xero overlay tests: fixture pages (parsed, never assigned as innerHTML), a feature environment with
// a fake status client and stubbed services, and a way to let throttled observers run.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { vi } from 'vitest';
import type { XeroFeatureEnv, XeroServices } from '../../../entrypoints/xero.content/environment';
import { createFactsStore } from '../../../entrypoints/xero.content/facts';
import type { Status, XeroPageFacts } from '../../../utils/protocol/shapes';
import type { StatusChanged } from '../../../utils/protocol/events';
import { createPanelContributionStore } from '../../../utils/overlay/panel-state';
import { createStatusStore, type StatusClient } from '../../../utils/overlay/status-store';
import { SANDBOX_PAGE_FIXTURES } from '../../fixtures/xero/sandbox-pages';

/** A page the sandbox serves is built by the sandbox's own markup; other markup comes from tests/fixtures/xero. */
export function fixtureHtml(name: string): string {
  const sandboxPage = SANDBOX_PAGE_FIXTURES[name];
  return sandboxPage ? sandboxPage() : readFileSync(resolve(process.cwd(), 'tests/fixtures/xero', name), 'utf8');
}

/** Replaces the test document's body (and title) with the fixture page's. */
export function loadFixture(name: string): HTMLElement {
  const parsed = new DOMParser().parseFromString(fixtureHtml(name), 'text/html');
  document.title = parsed.title;
  const body = document.adoptNode(parsed.body);
  document.body.replaceWith(body);
  return body;
}

export const FIXTURES = [
  'chart-of-accounts.html',
  'chart-of-accounts-grid.html',
  'account-edit-dialog.html',
  'financial-settings.html',
  'financial-settings-variant.html',
  'products-and-services.html',
  'products-and-services-variant.html',
  'tracking.html',
  'tracking-variant.html',
  'currencies.html',
  'currencies-variant.html',
  'bank-accounts.html',
  'bank-accounts-variant.html',
] as const;

export function fakeStatusClient(initial: Status) {
  let current = initial;
  const listeners = new Set<(event: StatusChanged) => void>();
  const client: StatusClient & { set(status: Status): void; broadcast(): void } = {
    getStatus: vi.fn(async () => current),
    refresh: vi.fn(async () => {}),
    onStatusChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(status) {
      current = status;
    },
    broadcast() {
      for (const listener of listeners) listener({ mgEvent: 'statusChanged' });
    },
  };
  return client;
}

export function facts(overrides: Partial<XeroPageFacts> = {}): XeroPageFacts {
  return { pairId: 'pair-1', mappedAccounts: [], cin7LockDate: null, xeroLockDate: null, ...overrides };
}

export function featureEnv(url: string, status: Status, pageFacts: XeroPageFacts, services: Partial<XeroServices> = {}) {
  const controller = new AbortController();
  const client = fakeStatusClient(status);
  const statusStore = createStatusStore(client, { signal: controller.signal, reloadDelayMs: 0 });
  const panel = createPanelContributionStore();
  const allServices: XeroServices = {
    getXeroPageFacts: vi.fn(async () => pageFacts),
    countLockedDocuments: vi.fn(async () => ({ counted: true, sales: 0, purchases: 0 })),
    openOptions: vi.fn(async () => false),
    ...services,
  };
  const factsStore = createFactsStore(() => allServices.getXeroPageFacts({}), statusStore, controller.signal);
  const env: XeroFeatureEnv = {
    url: new URL(url),
    ctx: null,
    organisation: {},
    panel,
    status: statusStore,
    facts: factsStore,
    services: allServices,
    reportProblem: (error) => panel.reportProblem('test', error),
  };
  return { env, controller, client, statusStore, factsStore, panel, services: allServices };
}

/** Lets throttled observers (setTimeout + requestAnimationFrame) and pending promises run. */
export async function settle(ms = 400): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
  await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  await Promise.resolve();
}
