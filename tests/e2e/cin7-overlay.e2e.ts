// The Cin7 Core overlay in real Chromium: the production build against the sandbox's Cin7 Core pages at
// https://inventory.dearsystems.com, with Xero and Cin7 connected through the options page as a user would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { matchRoleLabel } from '../../utils/audit/labels.ts';
import { statusSchema, type DocumentResult, type Status } from '../../utils/protocol/shapes';
import { launchExtension, openWithPanel, panelLocator, waitForOverlayPanel, type ExtensionSession } from './harness.ts';

const CIN7 = 'https://inventory.dearsystems.com';
const MENU_PATH = 'Open Settings in Cin7 Core → Reference Books → Financial → Account Mapping';
/** Where the sandbox's hub puts its Account Mapping tab: a URL the extension was never told, learned at run time. */
const LEARNED_URL = `${CIN7}/Settings#ReferenceBooks/Financial/AccountMapping`;
let session: ExtensionSession;
const pageErrors: string[] = [];

const open = (url: string): Promise<Page> => openWithPanel(session, url, pageErrors);

/** The panel, inside its closed shadow root (harness: closed-shadow.ts). */
const panel = (page: Page) => panelLocator(page);

async function expandPanel(page: Page): Promise<void> {
  const toggle = panel(page).locator('.mg-toggle');
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
}

async function status(): Promise<Status> {
  const reply = (await session.sendFromExtensionPage({ mgAction: 'getStatus', args: { host: 'cin7' } })) as { ok: boolean; result: unknown };
  expect(reply.ok).toBe(true);
  return statusSchema.parse(reply.result);
}

async function waitForStatus(test: (status: Status) => boolean, timeoutMs = 45_000): Promise<Status> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = await status();
    if (test(current)) return current;
    if (Date.now() > deadline) throw new Error(`status never matched: ${JSON.stringify(current).slice(0, 400)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

beforeAll(async () => {
  session = await launchExtension({ scenario: 'broken' });
});

afterAll(async () => {
  await session?.close();
});

describe('Cin7 Core overlay', () => {
  it('before anything is connected, says so and its button opens the guided set-up', async () => {
    const page = await open(`${CIN7}/Dashboard`);
    await expandPanel(page);
    await expect.poll(() => panel(page).textContent(), { timeout: 15_000 }).toMatch(/Nothing is connected yet/);
    const setUp = panel(page).getByRole('button', { name: 'Set up Mapping Guard' });
    await expect.poll(() => setUp.count()).toBe(1);
    const welcome = page.context().waitForEvent('page', { predicate: (opened) => opened.url().endsWith('/welcome.html'), timeout: 15_000 });
    await setUp.click();
    await (await welcome).close();
    await page.close();
  });

  it('after connecting, shows the pair’s errors and warnings and "mapping not read yet" with its link', async () => {
    await session.connectXero();
    await session.saveCin7Keys();
    await waitForStatus((current) => current.connection.xero === 'connected' && current.connection.cin7 === 'connected' && Boolean(current.summary));
    const page = await open(`${CIN7}/Dashboard`);
    await expandPanel(page);
    await expect.poll(() => panel(page).textContent(), { timeout: 30_000 }).toMatch(/\d+ errors?/);
    const text = (await panel(page).textContent()) ?? '';
    expect(text).toMatch(/Data fetched/);
    expect(text).toMatch(/Mapping not read yet/);
    // Issue #13: Account Mapping has no published URL: before it is learned, the link goes to the sourced Settings page
    // and says the menu path in words.
    expect(await panel(page).getByRole('link', { name: MENU_PATH }).first().getAttribute('href')).toBe(`${CIN7}/Settings`);
    await session.screenshot('cin7-dashboard-panel', page);
    await page.close();
  });

  it('a fix jump before the mapping page was learned goes to /Settings and says the menu path', async () => {
    const page = await open(`${CIN7}/Dashboard`);
    await expandPanel(page);
    // The findings the background hands out link to the sourced page and say the menu path…
    const before = await status();
    expect(before.cin7LearnedPages?.accountMapping).toBeUndefined();
    const mappingFixes = before.findings.map((finding) => finding.fix).filter((fix) => fix?.page === 'accountMapping');
    expect(mappingFixes.length).toBeGreaterThan(0);
    for (const fix of mappingFixes) {
      expect(fix?.url).toMatch(/^https:\/\/inventory\.dearsystems\.com\/Settings(#mg-target=role:\w+)?$/);
      expect(fix?.label).toBe(MENU_PATH);
    }
    // …and so does the panel's "open Account Mapping" link, which is followed here.
    const link = panel(page).getByRole('link', { name: MENU_PATH }).first();
    await link.waitFor({ timeout: 20_000 });
    await link.click();
    await page.waitForURL(/\/Settings(#mg-target=[^&]*)?$/);
    // The hub opens on General Settings; nothing on this page is the mapping yet.
    await page.locator('#dtLockDate-inputEl').waitFor({ timeout: 20_000 });
    await page.close();
  });

  it('Account Mapping: read on the Settings hub after its tab switched in place (no navigation), and learned', async () => {
    const page = await open(`${CIN7}/Settings`);
    // A marker on the window survives only if the tabs switch within the same document.
    await page.evaluate(() => ((window as unknown as { mgSameDocument: boolean }).mgSameDocument = true));
    await page.locator('.hub-tabs [data-hub="ReferenceBooks"]').click();
    await page.locator('.ref-tabs [data-hub="ReferenceBooks/Financial"]').click();
    await page.locator('[data-hub="ReferenceBooks/Financial/AccountMapping"]').click();
    expect(page.url()).toBe(LEARNED_URL);
    const current = await waitForStatus((value) => Boolean(value.mappingReadAt));
    expect(await page.evaluate(() => (window as unknown as { mgSameDocument?: boolean }).mgSameDocument)).toBe(true);
    expect(current.mappingReadAt).toBeTruthy();
    const rows = page.locator('#gridAccountMapping tr[role="row"]');
    const rowCount = await rows.count();
    expect(rowCount).toBeGreaterThan(5);
    await expect.poll(() => page.locator('#gridAccountMapping [data-mg-badge]').count(), { timeout: 20_000 }).toBe(rowCount);
    // After the save the badges reflect the audit of this very mapping: at least one row is not OK in "broken".
    await expect
      .poll(async () => (await page.locator('#gridAccountMapping [data-mg-badge]').allTextContents()).filter((text) => !/^OK$/.test(text)).length, { timeout: 20_000 })
      .toBeGreaterThan(0);
    // Every role the audit faults carries a non-OK badge on its own row.
    const faulted = new Set(
      (await status()).findings
        .filter((finding) => finding.subject.kind === 'role' && finding.code !== 'MAPPING_UNKNOWN' && finding.code !== 'MAPPING_MISSING')
        .map((finding) => finding.subject.key),
    );
    expect(faulted.size).toBeGreaterThan(0);
    const badgeByRole = await page.locator('#gridAccountMapping tr[role="row"]').evaluateAll((rowElements) =>
      rowElements.map((row) => [row.querySelector('td')?.firstElementChild?.firstChild?.textContent ?? '', row.querySelector('[data-mg-badge] [role="note"]')?.textContent ?? '']),
    );
    for (const [label, badge] of badgeByRole) {
      const roleId = matchRoleLabel(label);
      if (roleId && faulted.has(roleId)) expect(badge, label).not.toBe('OK');
    }
    // Issue #14: the badge says what to do — the best account that passes every rule for the role, from the chart.
    const inventoryBadge = badgeByRole.find(([label]) => matchRoleLabel(label) === 'inventoryControl')?.[1];
    expect(inventoryBadge).toBe('Map to 640 Inventory Control');
    const fix = page.locator('#gridAccountMapping [data-mg-badge] a[data-mg-fix]').first();
    expect(await fix.getAttribute('href')).toMatch(/^https:\/\/(go\.xero\.com|inventory\.dearsystems\.com)\//);
    const note = page.locator('#gridAccountMapping [data-mg-badge] [role="note"]').first();
    expect((await note.getAttribute('title'))?.length).toBeGreaterThan(20);
    await session.screenshot('cin7-account-mapping-badges', page);
    // The background took this tab's URL for the pair's Cin7 account.
    await waitForStatus((value) => value.cin7LearnedPages?.accountMapping === LEARNED_URL, 20_000);
    await page.close();
  });

  it('a fix jump after the page was learned lands on the learned URL with the row highlighted', async () => {
    const page = await open(`${CIN7}/Dashboard`);
    await expandPanel(page);
    // A finding in the panel whose fix opens Cin7 Core's Account Mapping at a role (Cin7 links navigate in place).
    const link = panel(page).locator(`a.mg-fix[href^="${LEARNED_URL}&mg-target=role:"]`).first();
    await link.waitFor({ timeout: 20_000 });
    expect(await link.textContent()).toBe('Open Account Mapping in Cin7 Core');
    const href = (await link.getAttribute('href')) ?? '';
    const roleId = decodeURIComponent(href.split('role:')[1] ?? '');
    expect(roleId.length).toBeGreaterThan(0);
    await link.click();
    await page.waitForURL(/\/Settings#ReferenceBooks\/Financial\/AccountMapping&mg-target=role:/);
    const highlighted = page.locator('[data-mg-highlight]');
    await highlighted.waitFor({ timeout: 20_000 });
    expect(await highlighted.getAttribute('role')).toBe('row');
    const label = (await highlighted.locator('td').first().textContent()) ?? '';
    expect(matchRoleLabel(label.replace(/(OK|Unmapped|Wrong type|Payments|Archived|Not in Xero|Duplicate|System account|Not checked yet|Map to|Turn payments|Fix).*$/s, ''))).toBe(roleId);
    await session.screenshot('cin7-fix-jump-highlight', page);
    await page.close();
  });

  it('Sale page: where each line posts and which level decided', async () => {
    const sale = session.sandbox.store.cin7.sales[0];
    expect(sale?.ID).toBeTruthy();
    const page = await open(`${CIN7}/Sale#${String(sale!.ID)}`);
    await expandPanel(page);
    const section = panel(page).locator('[data-section="document-lines"]');
    await section.waitFor({ timeout: 20_000 });
    await expect.poll(() => section.locator('tbody tr').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const decidedBy = await section.locator('tbody tr td:nth-child(3)').allTextContents();
    for (const level of decidedBy) expect(level).toMatch(/order line|product|sale header|customer|default mapping|nothing set/);
    await session.screenshot('cin7-sale-lines', page);
    await page.close();
  });

  it('Sale page: each invoice line row carries an inline badge with the account it posts to', async () => {
    const sale = session.sandbox.store.cin7.sales.find((record) => Array.isArray(record.Invoices) && record.Invoices.length > 0);
    expect(sale?.ID).toBeTruthy();
    const id = String(sale!.ID);
    const reply = (await session.sendFromExtensionPage({ mgAction: 'getDocument', args: { kind: 'sale', id } })) as { ok: boolean; result: DocumentResult };
    expect(reply.ok).toBe(true);
    const invoice = reply.result.lines.filter((line) => line.where === reply.result.lines[0]?.where);
    expect(invoice.length).toBeGreaterThan(0);
    // The page lists lines before additional charges; the badge shows the first posting's account code.
    const expected = [...invoice.filter((line) => !line.charge), ...invoice.filter((line) => line.charge)].map((line) => line.postings[0]?.code ?? 'no account');

    const page = await open(`${CIN7}/Sale#${id}`);
    const rows = page.locator('#gridInvoiceLines0 tr[role="row"]');
    await expect.poll(() => page.locator('#gridInvoiceLines0 [data-mg-badge="document-line"]').count(), { timeout: 30_000 }).toBe(expected.length);
    const notes = await rows.evaluateAll((elements) =>
      elements.map((row) => {
        const note = row.querySelector('[data-mg-badge="document-line"] [role="note"]');
        return { text: note?.textContent ?? '', title: note?.getAttribute('title') ?? '', label: note?.getAttribute('aria-label') ?? '' };
      }),
    );
    expect(notes.map((note) => /→ (\S+)/.exec(note.text)?.[1])).toEqual(expected);
    for (const note of notes) {
      expect(note.text).toMatch(/· decided by (order line|product|sale header|customer|default mapping|nothing set)$/);
      expect(note.title).toMatch(/^Invoice .+ line \d+/);
      expect(note.label.startsWith(note.text)).toBe(true);
    }
    await expandPanel(page);
    await expect.poll(() => panel(page).locator('[data-section="document-lines"]').textContent(), { timeout: 20_000 }).toMatch(/annotated on (its|their) rows? in the page/);
    await session.screenshot('cin7-sale-inline-lines', page);
    await page.close();
  });

  it('Product page reached through a finding’s fix link: shows that product’s override problem', async () => {
    const current = await status();
    const productFinding = current.findings.find((finding) => finding.subject.kind === 'product' && finding.fix?.url.includes('/Product#'));
    expect(productFinding, 'the broken scenario has a product override finding').toBeDefined();
    const page = await open(productFinding!.fix!.url);
    await expandPanel(page);
    const section = panel(page).locator('[data-section="record-overrides"]');
    await section.waitFor({ timeout: 20_000 });
    await expect.poll(() => section.textContent(), { timeout: 20_000 }).toContain(productFinding!.message);
    await page.close();
  });

  it('Product page: the tax rules part flags a sale tax rule Cin7 Core does not have, and its fix link highlights the field', async () => {
    const product = session.sandbox.store.cin7.products.find((record) => record.SKU === 'SLB-DWN-0C');
    expect(product?.SaleTaxRule, 'the broken scenario gives this product an unknown sale tax rule').toBe('GST on Sales');
    const id = String(product!.ID);
    const page = await open(`${CIN7}/Product#${id}`);
    await expandPanel(page);
    const sale = panel(page).locator('[data-section="record-overrides"] [data-part="tax-rules"] [data-field="SaleTaxRule"]');
    await expect.poll(() => sale.getAttribute('data-verdict'), { timeout: 30_000 }).toBe('unknown');
    expect(await sale.textContent()).toMatch(/Sale tax rule: GST on Sales \(unknown rule\)\. Cin7 Core has no tax rule named “GST on Sales”/);
    const href = `${CIN7}/Product#${id}&mg-target=field:Sale%20tax%20rule`;
    expect(await sale.getByRole('link', { name: 'Choose an existing tax rule for this product' }).getAttribute('href')).toBe(href);
    await session.screenshot('cin7-product-tax-rules', page);
    // Clicked in place (a hash-only navigation): the record page re-renders its form, and the highlight follows to
    // the new field.
    await sale.getByRole('link', { name: 'Choose an existing tax rule for this product' }).click();
    await page.waitForURL(href);
    const highlighted = page.locator('[data-mg-highlight]');
    await highlighted.waitFor({ timeout: 20_000 });
    expect(await highlighted.textContent()).toContain('Sale tax rule');
    await expect.poll(() => highlighted.evaluate((element) => element.isConnected), { timeout: 3_000 }).toBe(true);
    await page.close();
  });

  it('Chart of Accounts: found on the hub through Reference Books → All, accounts carrying a role are marked', async () => {
    const page = await open(`${CIN7}/Settings`);
    await page.locator('.hub-tabs [data-hub="ReferenceBooks"]').click();
    await page.locator('#refContent [data-hub="ReferenceBooks/All/ChartOfAccounts"], #refContent [data-hub="ReferenceBooks/Financial/ChartOfAccounts"]').first().click();
    await expect.poll(() => page.locator('[data-mg-badge="role"]').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expandPanel(page);
    await expect.poll(() => panel(page).locator('[data-section="chart-of-accounts"]').textContent()).toMatch(/Cin7 Core role/);
    await waitForStatus((value) => Boolean(value.cin7LearnedPages?.chartOfAccounts?.endsWith('/Settings#ReferenceBooks/Financial/ChartOfAccounts')), 20_000);
    await page.close();
  });

  it('keyboard: Escape collapses the panel, focus returns to the toggle, and the state survives a reload', async () => {
    const page = await open(`${CIN7}/Dashboard`);
    await expandPanel(page);
    const toggle = panel(page).locator('.mg-toggle');
    await panel(page).getByRole('button', { name: /Refresh/ }).focus();
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.evaluate((element) => (element.getRootNode() as ShadowRoot).activeElement === element)).toBe(true);
    await page.reload({ waitUntil: 'load' });
    await waitForOverlayPanel(page);
    await expect.poll(() => panel(page).locator('.mg-toggle').getAttribute('aria-expanded')).toBe('false');
    await panel(page).locator('.mg-toggle').click();
    await page.close();
  });

  it('loads its bundle only where the page needs it: the tab stands in elsewhere and loads it when clicked', async () => {
    await session.evalInServiceWorker((ext) => ext.storage.local.set({ 'overlay.panelCollapsed': true }));
    const hosts = (page: Page) =>
      page.evaluate(() => ({ tab: document.querySelector('mapping-guard-start') !== null, panel: document.querySelector('mapping-guard-panel') !== null }));

    // A product list: no feature claims it. The counts show; after the identity re-checks, still no bundle.
    const list = await open(`${CIN7}/ProductList`);
    await expect.poll(() => panel(list).locator('.mg-toggle').textContent()).toMatch(/error|warning|No errors/);
    await list.waitForTimeout(5_500); // past the start script's two identity checks
    expect(await hosts(list)).toEqual({ tab: true, panel: false });
    // A real click on the tab loads the bundle and opens the panel, focus on its toggle.
    await panel(list).locator('.mg-toggle').click();
    await expect.poll(() => hosts(list), { timeout: 20_000 }).toEqual({ tab: false, panel: true });
    const toggle = panel(list).locator('.mg-toggle');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await toggle.evaluate((element) => (element.getRootNode() as ShadowRoot).activeElement === element)).toBe(true);
    await toggle.click(); // collapsed again, for the pages below
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    await list.close();

    // A sale: its lines feature claims the URL, so the bundle comes at once, without a click.
    const sale = await open(`${CIN7}/Sale#${String(session.sandbox.store.cin7.sales[0]!.ID)}`);
    await expect.poll(() => hosts(sale), { timeout: 20_000 }).toEqual({ tab: false, panel: true });
    await sale.close();

    // A page that renders, in place, what a feature recognises by its text (here General Settings' lock-date field,
    // as Cin7 Core's hub renders a tab): the bundle loads without a click.
    const later = await open(`${CIN7}/ProductList`);
    await expect.poll(() => panel(later).locator('.mg-toggle:not([disabled])').count()).toBe(1);
    expect(await hosts(later)).toEqual({ tab: true, panel: false });
    await later.evaluate(() => {
      const field = document.createElement('div');
      const label = document.createElement('label');
      label.textContent = 'Period lock date';
      field.append(label, Object.assign(document.createElement('input'), { value: '2026-06-30', readOnly: true }));
      document.querySelector('main, #content, body')!.append(field);
    });
    await expect.poll(() => hosts(later), { timeout: 20_000 }).toEqual({ tab: false, panel: true });
    await later.close();
  });

  it('never threw into the host pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
