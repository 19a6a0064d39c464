// Issue #15 item 2 in real Chromium: script on the host page cannot read our panel (its shadow root is closed) and,
// given a node of it anyway, cannot press its buttons (events it synthesises are not isTrusted). A real click, as
// the user's, still works. The production build against the sandbox's Xero pages, both apps connected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { connectBothApps } from './connect-apps.ts';
import { launchExtension, panelLocator, type ExtensionSession } from './harness.ts';

const XERO = 'https://go.xero.com';
let session: ExtensionSession;

beforeAll(async () => {
  session = await launchExtension({ scenario: 'broken' });
  await connectBothApps(session);
});

afterAll(async () => {
  await session?.close();
});

/** Runs in the page's main world, as the host app's own script (or an injected one) would. */
function pressFromPage(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((css) => {
    // Only a test that tracks the panel files its root here (closed-shadow.ts): a stand-in for a leaked node.
    const roots = (globalThis as Record<symbol, ShadowRoot[] | undefined>)[Symbol.for('mg-e2e-closed-roots')] ?? [];
    const target = roots.map((root) => root.querySelector<HTMLElement>(css)).find(Boolean);
    if (!target) return false;
    target.click();
    target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
    return true;
  }, selector);
}

describe('a hostile host page', () => {
  it('cannot reach the panel: no shadow root, no text, no panel nodes in its DOM', async () => {
    const page = await session.context.newPage(); // not tracked: nothing test-only is filed in this page
    await page.goto(`${XERO}/Dashboard`, { waitUntil: 'load' });
    // The start script's tab, or the React panel once the overlay's bundle is loaded: both closed to the page.
    const HOSTS = 'mapping-guard-start, mapping-guard-panel';
    await page.waitForFunction((hosts) => document.querySelector(hosts), HOSTS, { timeout: 30_000 });
    const seen = await page.evaluate((hosts) => {
      const found = [...document.querySelectorAll(hosts)];
      return {
        shadowRoot: found.some((host) => host.shadowRoot !== null) ? 'open' : null,
        text: found.map((host) => host.textContent).join(''),
        innerText: found.map((host) => (host as HTMLElement).innerText).join(''),
        panels: document.querySelectorAll('.mg-panel, .mg-toggle').length,
      };
    }, HOSTS);
    expect(seen).toEqual({ shadowRoot: null, text: '', innerText: '', panels: 0 });
    // The panel is there and shows findings (through DevTools only).
    await expect.poll(() => panelLocator(page).locator('.mg-toggle').textContent(), { timeout: 30_000 }).toMatch(/Mapping Guard/);
    await page.close();
  });

  it("ignores the page's synthetic clicks on its toggle, Refresh and a Fix jump; a real click works", async () => {
    const page = await session.context.newPage();
    await page.goto(`${XERO}/Dashboard`, { waitUntil: 'load' });
    const toggle = panelLocator(page).locator('.mg-toggle');
    // A working button: the start script's tab standing in for the panel (its click loads the bundle), or the panel's.
    await panelLocator(page).locator('.mg-toggle:not([disabled])').waitFor({ timeout: 30_000 });
    const bundleLoaded = () => page.evaluate(() => document.querySelector('mapping-guard-panel') !== null);
    const loadedBefore = await bundleLoaded();
    const expanded = await toggle.getAttribute('aria-expanded');
    expect(await pressFromPage(page, '.mg-toggle')).toBe(true);
    await page.waitForTimeout(1_000);
    expect(await toggle.getAttribute('aria-expanded')).toBe(expanded);
    expect(await bundleLoaded()).toBe(loadedBefore);

    if (expanded === 'false') await toggle.click(); // the user's click
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    // The panel the click brought is closed to the page as well.
    expect(await page.evaluate(() => document.querySelector('mapping-guard-panel')?.shadowRoot)).toBeNull();
    const refresh = panelLocator(page).locator('button.mg-button', { hasText: /^Refresh$/ });
    await refresh.waitFor({ timeout: 60_000 });
    const before = session.sandbox.stats.totalApiCalls;
    expect(await pressFromPage(page, '.mg-refresh button.mg-button')).toBe(true);
    await page.waitForTimeout(2_000);
    expect(session.sandbox.stats.totalApiCalls).toBe(before);
    expect(await refresh.textContent()).toBe('Refresh');

    // A Fix jump: the page's synthetic click neither navigates this tab nor opens another.
    await panelLocator(page).locator('a.mg-fix').first().waitFor({ state: 'attached', timeout: 30_000 });
    const url = page.url();
    const pages = session.context.pages().length;
    expect(await pressFromPage(page, 'a.mg-fix')).toBe(true);
    await page.waitForTimeout(1_000);
    expect(page.url()).toBe(url);
    expect(session.context.pages()).toHaveLength(pages);

    await refresh.click();
    await expect.poll(() => session.sandbox.stats.totalApiCalls, { timeout: 30_000 }).toBeGreaterThan(before);
    await page.close();
  });
});
