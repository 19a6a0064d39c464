// The Xero overlay in real Chromium: the production build against the sandbox's Xero pages at https://go.xero.com,
// with both apps connected and the Cin7 Core mapping saved, as after a visit to Cin7 Core's Account Mapping page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { compareLockDates } from '../../entrypoints/xero.content/lock-dates.ts';
import { statusSchema, type Status } from '../../utils/protocol/shapes';
import { parseAnyDate } from '../../utils/schemas/dates.ts';
import { launchExtension, panelLocator, waitForOverlayPanel, type ExtensionSession } from './harness.ts';
import { connectBothApps } from './connect-apps.ts';

const XERO = 'https://go.xero.com';
let session: ExtensionSession;
const pageErrors: string[] = [];

async function open(url: string): Promise<Page> {
  const page = await session.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${url}: ${error.message}`));
  await page.goto(url, { waitUntil: 'load' });
  await waitForOverlayPanel(page, { timeout: 30_000 });
  return page;
}

const panel = (page: Page) => panelLocator(page);
const section = (page: Page, id: string) => panel(page).locator(`[data-section="${id}"]`);

/** Keys into a date field (Chromium's en-US segments: month, day, year), checked by the value it ends with. */
async function typeDate(field: Locator, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-');
  await field.pressSequentially(`${month}${day}${year}`);
  expect(await field.inputValue()).toBe(iso);
}

async function expandPanel(page: Page): Promise<void> {
  const toggle = panel(page).locator('.mg-toggle');
  await toggle.waitFor({ timeout: 20_000 });
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
}

async function status(): Promise<Status> {
  const reply = (await session.sendFromExtensionPage({ mgAction: 'getStatus', args: { host: 'xero' } })) as { ok: boolean; result: unknown };
  expect(reply.ok).toBe(true);
  return statusSchema.parse(reply.result);
}

async function waitForStatus(test: (status: Status) => boolean, timeoutMs = 60_000): Promise<Status> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = await status();
    if (test(current)) return current;
    if (Date.now() > deadline) throw new Error(`status never matched: ${JSON.stringify(current).slice(0, 400)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Both apps connected through the extension-page actions (what the options page does), then the mapping saved. */
async function connectAndSaveMapping(): Promise<void> {
  await connectBothApps(session);
  const rows = session.sandbox.snapshot().cin7?.mapping?.rows ?? [];
  expect(rows.length).toBeGreaterThan(5);
  expect(await session.sendFromExtensionPage({ mgAction: 'saveMapping', args: { rows, readAt: new Date().toISOString() } })).toMatchObject({ ok: true });
}

const tenant = () => session.sandbox.store.tenants[0]!;

beforeAll(async () => {
  session = await launchExtension({ scenario: 'broken' });
  await connectAndSaveMapping();
  await waitForStatus((current) => current.connection.xero === 'connected' && current.connection.cin7 === 'connected' && Boolean(current.summary) && Boolean(current.mappingReadAt));
});

afterAll(async () => {
  await session?.close();
});

describe('Xero overlay', () => {
  it('health panel: the pair of the organisation shown, with its errors', async () => {
    const page = await open(`${XERO}/Dashboard`);
    await expandPanel(page);
    await expect.poll(() => panel(page).textContent(), { timeout: 30_000 }).toMatch(/\d+ errors?/);
    // The first refresh may still be running when the page opens: the panel follows it to the end.
    await expect.poll(() => panel(page).textContent(), { timeout: 60_000 }).toMatch(/Data fetched/);
    expect(await panel(page).locator('.mg-pair').textContent()).toContain(tenant().name);
    await session.screenshot('xero-dashboard-panel', page);
    await page.close();
  });

  it('chart of accounts: role badges by code, and a warning in the Edit dialog of a mapped account', async () => {
    const page = await open(`${XERO}/GeneralLedger/ChartOfAccounts.aspx`);
    const badges = page.locator('[data-mg-badge="cin7-role"]');
    await expect.poll(() => badges.count(), { timeout: 20_000 }).toBeGreaterThan(5);
    const cogsRow = page.locator('tr[data-code="310"]');
    await expect.poll(() => cogsRow.locator('[data-mg-badge="cin7-role"] [role="note"]').textContent(), { timeout: 20_000 }).toMatch(/^Cin7 Core: COGS/);
    // An unmapped account has no badge.
    const unmapped = tenant().accounts.find((account) => account.Code === '400' || account.Code === '404');
    if (unmapped) expect(await page.locator(`tr[data-code="${String(unmapped.Code)}"] [data-mg-badge]`).count()).toBe(0);

    // Clicking the account's name opens its edit popup, as on Xero's chart (the name link is the third cell).
    await cogsRow.locator('td:nth-child(3) > a').click();
    const dialog = page.getByRole('dialog');
    const warning = dialog.locator('[data-mg-warning]');
    await expect.poll(() => warning.textContent(), { timeout: 10_000 }).toContain('Cin7 Core posts Cost of Goods Sold to account 310.');
    await dialog.locator('select#AccountType').selectOption('CURRENT');
    await expect.poll(() => warning.textContent(), { timeout: 10_000 }).toContain('Cost of Goods Sold needs a Direct Costs account; Current Asset breaks it');
    await session.screenshot('xero-chart-edit-warning', page);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expandPanel(page);
    await expect.poll(() => section(page, 'chart-of-accounts').textContent(), { timeout: 10_000 }).toMatch(/Cost of Goods Sold/);
    await page.close();
  });

  it('financial settings: both lock dates beside Cin7 Core’s, and the count of documents Xero would refuse', async () => {
    const page = await open(`${XERO}/Setup/FinancialSettings.aspx`);
    await expandPanel(page);
    const lock = section(page, 'financial-settings');
    // What the sandbox holds, as the page and the API show it.
    const organisation = tenant().organisation;
    const period = parseAnyDate(organisation.PeriodLockDate as string | undefined) ?? 'not set';
    const endOfYear = parseAnyDate(organisation.EndOfYearLockDate as string | undefined) ?? 'not set';
    const cin7 = parseAnyDate(session.sandbox.snapshot().cin7?.me?.LockDate) ?? 'not set';
    await expect.poll(() => lock.locator('tr').allTextContents(), { timeout: 20_000 }).toEqual([
      `Xero period lock date${period}`,
      `Xero end-of-year lock date${endOfYear}`,
      `Cin7 Core lock date${cin7}`,
    ]);
    const aligned = compareLockDates(period === 'not set' ? null : period, endOfYear === 'not set' ? null : endOfYear, cin7 === 'not set' ? null : cin7).aligned;
    expect(await lock.textContent()).toMatch(aligned ? /Aligned|no lock date/ : /Not aligned/);
    // Typed as the user does: the panel ignores the synthetic input events of fill() (not isTrusted).
    await typeDate(lock.getByLabel('From'), '2000-01-01');
    await typeDate(lock.getByLabel('To'), '2100-12-31');
    await lock.getByRole('button', { name: 'Count' }).click();
    const sales = session.sandbox.store.cin7.sales.length;
    const purchases = session.sandbox.store.cin7.purchases.length;
    await expect.poll(() => lock.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(new RegExp(`^${sales} sales? and ${purchases} purchases? dated`));
    expect(await lock.getByRole('link', { name: 'Sales list' }).getAttribute('href')).toBe('https://inventory.dearsystems.com/SaleList');
    await session.screenshot('xero-lock-dates', page);
    await page.close();
  });

  it('products and services: tracked items flagged with how to untrack them (classic and /app/ routes)', async () => {
    const tracked = tenant().items.filter((item) => item.IsTrackedAsInventory).map((item) => String(item.Code));
    expect(tracked.length).toBeGreaterThan(0);
    for (const path of ['/Accounts/Inventory/', '/app/products-and-services']) {
      const page = await open(`${XERO}${path}`);
      await expect.poll(() => page.locator('[data-mg-badge="tracked-inventory"]').count(), { timeout: 20_000 }).toBe(tracked.length);
      for (const code of tracked) expect(await page.locator(`tr[data-code="${code}"] [data-mg-badge="tracked-inventory"]`).count()).toBe(1);
      await expandPanel(page);
      await expect.poll(() => section(page, 'products-and-services').textContent()).toContain('untick “Track inventory item”');
      if (path === '/Accounts/Inventory/') await session.screenshot('xero-tracked-items', page);
      await page.close();
    }
  });

  it('tracking, currencies and bank accounts', async () => {
    let page = await open(`${XERO}/Setup/Tracking.aspx`);
    await expandPanel(page);
    await expect.poll(() => section(page, 'tracking-categories').textContent(), { timeout: 20_000 }).toMatch(/2 active: Region, Sales Channel/);
    const tracking = (await section(page, 'tracking-categories').textContent()) ?? '';
    expect(tracking).toContain('Region · ActiveOptions: Northland, Auckland, Waikato, Wellington, Canterbury, Otago');
    expect(tracking).toContain('Sales Channel · ActiveOptions: Retail, Wholesale, Online');
    expect(tracking).toContain('Cannot tell which Cin7 Core field fills it');
    expect(await page.locator('[data-mg-badge="tracking"] [role="note"]').allTextContents()).toEqual(['Active: Cin7 Core can fill it', 'Active: Cin7 Core can fill it']);
    await page.close();

    page = await open(`${XERO}/Setup/CurrencyRates.aspx`);
    await expandPanel(page);
    await expect.poll(() => section(page, 'currencies').textContent(), { timeout: 20_000 }).toMatch(/GBP/);
    await page.close();

    page = await open(`${XERO}/Bank/BankAccounts.aspx`);
    await expect.poll(() => page.locator('[data-mg-badge="bank-code"]').count(), { timeout: 20_000 }).toBe(1);
    await expandPanel(page);
    await expect.poll(() => section(page, 'bank-accounts').textContent()).toMatch(/Without a code/);
    await session.screenshot('xero-bank-accounts', page);
    await page.close();
  });

  it('a fix jump through the organisation wrapper lands on the chart with the account highlighted', async () => {
    const current = await status();
    // An account on the main list: archived ones show only under the Archive tab (issue #13).
    const onMainList = (url: string) => tenant().accounts.some((account) => account.Code === decodeURIComponent(url).split('account:')[1] && account.Status !== 'ARCHIVED');
    const target = current.findings.find((finding) => finding.fix?.url.includes('ChartOfAccounts.aspx%23mg-target%3Daccount%3A') && onMainList(finding.fix.url));
    expect(target, 'a finding whose fix opens the Xero chart at an account').toBeDefined();
    const code = decodeURIComponent(target!.fix!.url).split('account:')[1]!;
    const page = await open(target!.fix!.url);
    await page.waitForURL(/ChartOfAccounts\.aspx#mg-target=account:/);
    const highlighted = page.locator('[data-mg-highlight]');
    await highlighted.waitFor({ timeout: 20_000 });
    expect(await highlighted.getAttribute('data-code')).toBe(code);
    await session.screenshot('xero-fix-jump-highlight', page);
    await page.close();
  });

  it('a long chart (5,000 rows) still gets its badges', async () => {
    const page = await open(`${XERO}/GeneralLedger/ChartOfAccounts.aspx?rows=5000`);
    expect(await page.locator('#chartOfAccounts tbody tr').count()).toBe(5000);
    await expect.poll(() => page.locator('[data-mg-badge="cin7-role"]').count(), { timeout: 20_000 }).toBeGreaterThan(5);
    await page.close();
  });

  it('bulk Archive of a ticked account Cin7 Core depends on: the warning names it and its role in the popup, before OK', async () => {
    const page = await open(`${XERO}/GeneralLedger/ChartOfAccounts.aspx`);
    const cogsRow = page.locator('tr[data-code="310"]');
    await expect.poll(() => cogsRow.locator('[data-mg-badge="cin7-role"]').count(), { timeout: 20_000 }).toBe(1);
    await cogsRow.locator('input[type="checkbox"]').check();
    // The bulk button is found by its text, above the list (Xero's is a link).
    await page.locator('div.btn a', { hasText: /^Archive$/ }).click();
    const popup = page.locator('.x-window', { has: page.locator('span.x-window-header-text', { hasText: 'Archive Accounts' }) });
    await popup.waitFor({ timeout: 10_000 });
    const warning = popup.locator('[data-mg-warning]');
    await expect.poll(() => warning.textContent(), { timeout: 10_000 }).toContain('Cin7 Core posts Cost of Goods Sold to account 310.');
    expect(await warning.textContent()).toContain('If you archive it');
    await expandPanel(page);
    await expect.poll(() => section(page, 'chart-of-accounts').textContent(), { timeout: 10_000 }).toContain('You chose to archive 310');
    await session.screenshot('xero-bulk-archive-warning', page);
    // OK really archives (the sandbox store), and the account leaves the main list.
    await popup.locator('#popupOK').click();
    await page.waitForLoadState('load');
    await expect.poll(() => page.locator('#chartMessage').textContent(), { timeout: 10_000 }).toBe('1 account has been archived');
    expect(await page.locator('tr[data-code="310"]').count()).toBe(0);
    expect(tenant().accounts.find((account) => account.Code === '310')?.Status).toBe('ARCHIVED');
    await page.close();
  });

  it('the Archive tab shows the archived account with what Cin7 Core maps to it', async () => {
    try {
      const page = await open(`${XERO}/GeneralLedger/ChartOfAccounts.aspx?accountClass=ACCTSTATUS/ARCHIVED&PageSize=200`);
      const badge = page.locator('tr[data-code="310"] [data-mg-badge="cin7-role"] [role="note"]');
      await expect.poll(() => badge.textContent(), { timeout: 20_000 }).toBe('Archived — Cin7 Core maps it to COGS');
      await expandPanel(page);
      await expect.poll(() => section(page, 'chart-of-accounts').textContent(), { timeout: 10_000 }).toContain('(archived in Xero)');
      await session.screenshot('xero-archive-tab', page);
      await page.close();
    } finally {
      // Later tests (and reruns) see the chart as the scenario made it.
      session.sandbox.store.modifyXeroAccount('310', { Status: 'ACTIVE' });
    }
  });

  it('no exception reached any Xero page', () => {
    expect(pageErrors).toEqual([]);
  });
});
