// Shared by the Xero overlay tests: fixture pages (parsed, never assigned as innerHTML), a feature environment with
// the shared feature environment with a fake background client, and a way to let throttled observers run.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from '@testing-library/react';
import { createElement, Fragment } from 'react';
import { vi } from 'vitest';
import type { XeroActions, XeroFeatureEnv } from '../../../entrypoints/xero.content/environment';
import { createFactsStore } from '../../../entrypoints/xero.content/facts';
import type { ClientOf } from '../../../utils/protocol/client';
import type { Status, XeroPageFacts } from '../../../utils/protocol/shapes';
import { BADGE_ATTRIBUTE } from '../../../utils/overlay/badges';
import type { PanelContributionStore } from '../../../utils/overlay/panel-state';
import { fakeOpenOptions, overlayTestEnv } from '../overlay/overlay-env-fixtures';
import { SANDBOX_PAGE_FIXTURES } from '../../fixtures/xero/sandbox-pages';

/** The actions the Xero overlay calls: its features' and the facts store's. */
type XeroBackground = ClientOf<XeroActions | 'getXeroPageFacts' | 'openOptions'>;

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
  'chart-of-accounts-archive.html',
  'chart-of-accounts-classic.html',
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
  'bank-accounts-classic.html',
] as const;

export function facts(overrides: Partial<XeroPageFacts> = {}): XeroPageFacts {
  return { pairId: 'pair-1', mappedAccounts: [], cin7LockDate: null, xeroLockDate: null, ...overrides };
}

export function featureEnv(url: string, status: Status, pageFacts: XeroPageFacts, background: Partial<XeroBackground> = {}) {
  const fake: XeroBackground = {
    getXeroPageFacts: vi.fn(async () => pageFacts),
    countLockedDocuments: vi.fn(async () => ({ counted: true, sales: 0, purchases: 0 })),
    openOptions: fakeOpenOptions(),
    ...background,
  };
  const setup = overlayTestEnv(url, status, fake);
  const factsStore = createFactsStore(() => fake.getXeroPageFacts({}), setup.statusStore, setup.controller.signal);
  const env: XeroFeatureEnv = { ...setup.env, organisation: {}, facts: factsStore };
  return { ...setup, env, factsStore, background: fake };
}

/** Lets throttled observers (setTimeout + requestAnimationFrame) and pending promises run. */
export async function settle(ms = 400): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
  await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  await Promise.resolve();
}

/** Renders the panel section a feature contributed. */
export function renderSection(panel: PanelContributionStore, id: string) {
  const section = panel.getState().sections.find((item) => item.id === id);
  if (!section) throw new Error(`no section ${id}`);
  return render(createElement(Fragment, null, section.content));
}

/** The texts of the badges of `key` on the page. */
export const pills = (key: string) => [...document.querySelectorAll(`[${BADGE_ATTRIBUTE}="${key}"] [role="note"]`)].map((pill) => pill.textContent);
