// The right client on every tab, in real Chromium: two Cin7 Core organisations on one login (switched with
// `/Home/Organisation?ID=` on the same host), each with its own Xero organisation. A tab shows the findings of the
// organisation its header names, whatever pair is selected; a page of an organisation without a pair says so, shows
// no findings and saves nothing; a mapping read on B's tab lands in B's pair only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SECOND_TENANT_NAME } from '../../sandbox/second-tenant.ts';
import { statusSchema, type Pair, type Status } from '../../utils/protocol/shapes';
import { actAs, connectXeroByAction } from './connect-apps.ts';
import { launchExtension, panelLocator, waitForOverlayPanel, type ExtensionSession } from './harness.ts';

const CIN7 = 'https://inventory.dearsystems.com';
let session: ExtensionSession;

const act = <T = unknown>(mgAction: string, args?: unknown) => actAs<T>(session, mgAction, args);
const connectXero = (organisation: string) => connectXeroByAction(session, organisation);

const status = async (pairId: string) => statusSchema.parse(await act('getStatus', { pairId }));

async function refreshed(pair: Pair): Promise<Status> {
  await act('refresh', { pairId: pair.id, full: true });
  await expect.poll(async () => Boolean((await status(pair.id)).summary) && !(await status(pair.id)).refreshing, { timeout: 60_000 }).toBe(true);
  return status(pair.id);
}

const panel = (page: Page) => panelLocator(page);
const panelText = async (page: Page) => (await panel(page).textContent()) ?? '';

async function openPanel(page: Page): Promise<void> {
  await waitForOverlayPanel(page);
  const toggle = panel(page).locator('.mg-toggle');
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
}

async function goTo(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await openPanel(page);
}

const countsOf = (current: Status) => (current.summary?.errors ? `${current.summary.errors} error` : 'No errors');

beforeAll(async () => {
  session = await launchExtension({ scenario: 'broken' });
});

afterAll(async () => {
  await session?.close();
});

describe('two clients, two organisations in one Cin7 Core login', () => {
  it('binds each tab to the organisation it shows; another organisation’s page gets no findings and no writes', async () => {
    const { sandbox } = session;
    const [orgA, orgB] = sandbox.cin7Organisations;
    const [tenantA] = sandbox.tenants;
    const tenantB = sandbox.tenants.find((tenant) => tenant.name === SECOND_TENANT_NAME);
    if (!orgA || !orgB || !tenantA || !tenantB) throw new Error('the sandbox lacks a second organisation');

    await act('setXeroClientId', { clientId: sandbox.xeroClientId });
    await connectXero(tenantA.name);
    await act('saveCin7Credentials', orgA.credentials); // the only account and organisation: paired automatically
    await connectXero(tenantB.name);
    await act('saveCin7Credentials', orgB.credentials); // connected, not paired yet
    const { pairs } = await act<{ pairs: Pair[] }>('listPairs');
    expect(pairs).toHaveLength(1);
    const pairA = pairs[0]!;
    const statusA = await refreshed(pairA);

    // A tab on organisation A shows A's findings.
    const page = await session.context.newPage();
    await goTo(page, `${CIN7}/Home/Organisation?ID=${orgA.id}`);
    await expect.poll(() => panelText(page), { timeout: 20_000 }).toContain(pairA.name);
    expect(await panelText(page)).toContain(countsOf(statusA));

    // The same tab switched to B, which has no pair yet: says so, offers to add it, shows nothing of A.
    await goTo(page, `${CIN7}/Home/Organisation?ID=${orgB.id}`);
    await expect
      .poll(() => panelText(page), { timeout: 20_000 })
      .toContain(`This is ${orgB.company}; Mapping Guard is connected to ${orgA.company} for this app.`);
    expect(await panel(page).getByRole('button', { name: 'Add this client in Mapping Guard options' }).count()).toBe(1);
    expect(await panelText(page)).not.toContain(pairA.name);
    expect(await panel(page).locator('.mg-fix, .mg-summary').count()).toBe(0);

    // B's Account Mapping page: the mapping read there is refused, never saved into A's pair.
    await goTo(page, `${CIN7}/Settings#ReferenceBooks/Financial/AccountMapping`); // the hub's tab (the sandbox's shape)
    await expect.poll(() => panelText(page), { timeout: 20_000 }).toMatch(/Not saved: This page shows Harbour Goods Ltd/);
    expect((await act<{ mapping: unknown }>('getMapping', { pairId: pairA.id })).mapping).toBeNull();

    // Add B's pair and select it (the old bug: the selected pair took over every Cin7 Core tab).
    const pairB = await act<Pair>('savePair', { cin7AccountId: orgB.credentials.accountId, xeroTenantId: tenantB.tenantId });
    await act('selectPair', { pairId: pairB.id });
    const statusB = await refreshed(pairB);

    // B's tab now reads B's mapping into B's pair, and shows B's findings; A's pair has no mapping still.
    await page.reload({ waitUntil: 'load' });
    await openPanel(page);
    await expect.poll(async () => (await act<{ mapping: { rows: unknown[] } | null }>('getMapping', { pairId: pairB.id })).mapping?.rows.length ?? 0, { timeout: 20_000 }).toBeGreaterThan(0);
    expect((await act<{ mapping: unknown }>('getMapping', { pairId: pairA.id })).mapping).toBeNull();
    await goTo(page, `${CIN7}/Dashboard`);
    await expect.poll(() => panelText(page), { timeout: 20_000 }).toContain(pairB.name);
    const afterMapping = await status(pairB.id);
    expect(await panelText(page)).toContain(countsOf(afterMapping));
    expect(statusB.pairId).toBe(pairB.id);

    // Back to A in the same tab, with B selected: A's findings, not the selected pair's.
    await goTo(page, `${CIN7}/Home/Organisation?ID=${orgA.id}`);
    await expect.poll(() => panelText(page), { timeout: 20_000 }).toContain(pairA.name);
    expect(await panelText(page)).not.toContain(pairB.name);
    expect(await panelText(page)).toContain(countsOf(await status(pairA.id)));
    await session.screenshot('tab-binding-org-a', page);
    await page.close();
  });
});
