// Issue #20 in real Chromium with the production build: a fresh profile opens the welcome page on install, and
// following its steps through the sandbox reaches a first audit; leaving half-way and coming back resumes; axe finds
// no serious violation on the welcome and options pages. An update opening nothing is welcome-update.e2e.ts.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionSession } from './harness.ts';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(`axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] })
    .then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id + ': ' + v.help + ' at ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`)) as string[];
  return violations;
}

let session: ExtensionSession;
let welcome: Page;
const welcomeUrl = () => `chrome-extension://${session.extensionId}/welcome.html`;
const stepButton = (page: Page, name: RegExp) => page.getByRole('navigation', { name: 'Set-up steps' }).getByRole('button', { name });
const stepHeading = (page: Page, step: number) => page.getByRole('heading', { name: new RegExp(`^Step ${step} of 6`) });

beforeAll(async () => {
  session = await launchExtension({ scenario: 'healthy', viewport: { width: 1200, height: 900 } });
});

afterAll(async () => {
  await session?.close();
});

describe('guided first run', () => {
  it('opens the welcome page on install, at its first step, accessible', async () => {
    await expect.poll(() => session.context.pages().some((page) => page.url() === welcomeUrl()), { timeout: 15_000 }).toBe(true);
    welcome = session.context.pages().find((page) => page.url() === welcomeUrl())!;
    await stepHeading(welcome, 1).waitFor({ timeout: 15_000 });
    expect(await stepButton(welcome, /Your Xero app/).getAttribute('aria-current')).toBe('step');
    expect(await welcome.getByTestId('xero-redirect').textContent()).toMatch(/^https:\/\/[a-p]{32}\.chromiumapp\.org\/$/);
    expect(await seriousViolations(welcome)).toEqual([]);
    await session.screenshot('welcome', welcome);
  });

  it('takes the Xero app client id, then connects Xero through the consent window and shows the organisation', async () => {
    await welcome.getByLabel('Xero app client id').fill(session.sandbox.xeroClientId);
    await welcome.getByRole('button', { name: 'Use this client id' }).click();
    await stepHeading(welcome, 2).waitFor({ timeout: 15_000 });
    const consentPromise = session.context.waitForEvent('page', { predicate: (page) => page.url().includes('login.xero.com') || page.url() === 'about:blank', timeout: 15_000 });
    await welcome.getByRole('button', { name: 'Connect Xero', exact: true }).click();
    const consent = await consentPromise;
    await consent.waitForURL(/login\.xero\.com/, { timeout: 15_000 });
    await consent.getByRole('button', { name: /^allow/i }).or(consent.getByRole('link', { name: /^allow/i })).first().click();
    await stepHeading(welcome, 3).waitFor({ timeout: 30_000 });
    await stepButton(welcome, /Connect Xero/).click(); // back to see the organisations granted
    expect((await welcome.getByTestId('xero-tenants').textContent())?.length).toBeGreaterThan(0);
  });

  it('resumes at the Cin7 step with what was typed when the page is left half-way and opened again', async () => {
    await stepButton(welcome, /Cin7 Core API keys/).click();
    const { accountId } = session.sandbox.cin7Credentials;
    await welcome.getByLabel('Account ID').fill(accountId);
    await welcome.close();
    welcome = await session.page(welcomeUrl());
    await stepHeading(welcome, 3).waitFor({ timeout: 15_000 });
    expect(await welcome.getByLabel('Account ID').inputValue()).toBe(accountId);
    expect(await welcome.getByTestId('step-xero-connect').getAttribute('data-state')).toBe('done');
  });

  it('tests the Cin7 Core keys, names the company, saves them and pairs automatically', async () => {
    await welcome.getByLabel('Application key').fill(session.sandbox.cin7Credentials.applicationKey);
    await welcome.getByRole('button', { name: 'Test connection' }).click();
    await welcome.getByTestId('cin7-message').filter({ hasText: /^Connection works: .+\.$/ }).waitFor({ timeout: 30_000 });
    await welcome.getByRole('button', { name: 'Save Cin7 keys' }).click();
    // One account and one organisation: the pair is made by itself, so the view goes on to the mapping step.
    await stepHeading(welcome, 5).waitFor({ timeout: 30_000 });
    expect(await welcome.getByTestId('step-pair').getAttribute('data-state')).toBe('done');
  });

  it('ticks the mapping step by itself once Cin7 Core’s Account Mapping page has been read', async () => {
    expect(await welcome.getByRole('link', { name: /Account Mapping/ }).count()).toBeGreaterThan(0);
    const mapping = await session.page('https://inventory.dearsystems.com/Settings#ReferenceBooks/Financial/AccountMapping');
    await welcome.bringToFront();
    await stepHeading(welcome, 6).waitFor({ timeout: 30_000 });
    expect(await welcome.getByTestId('step-mapping').getAttribute('data-state')).toBe('done');
    await mapping.close();
  });

  it('runs the first audit with progress and ends on the report and the checklist', async () => {
    const first = welcome.getByRole('button', { name: 'Run the first audit' });
    if (await first.isEnabled().catch(() => false)) await first.click();
    await welcome.getByTestId('welcome-audit-done').waitFor({ timeout: 90_000 });
    expect(await welcome.getByText('6 of 6 steps done').count()).toBe(1);
    expect(await seriousViolations(welcome)).toEqual([]);
    await session.screenshot('welcome-done', welcome);
    const report = await session.page((await welcome.getByRole('link', { name: 'Open the report' }).getAttribute('href'))!);
    await report.getByRole('heading', { name: 'Integration health report' }).waitFor({ timeout: 20_000 });
    const checklist = await welcome.getByRole('link', { name: 'Open the checklist' }).getAttribute('href');
    expect(checklist).toMatch(/popup\.html$/);
  });

  it('has a settings page with a section navigation and folded advanced parts, accessible', async () => {
    const options = await session.openOptions();
    const nav = options.getByRole('navigation', { name: 'Settings sections' });
    await nav.getByRole('link', { name: 'Pairs' }).click();
    expect(options.url()).toMatch(/#mg-pairs$/);
    expect(await options.getByRole('heading', { name: 'Diagnostics' }).isVisible()).toBe(false);
    expect(await seriousViolations(options)).toEqual([]);
    await options.evaluate(() => window.scrollTo(0, 0));
    await session.screenshot('options', options);
  });
});
