// The health panel never covers the host app's own controls: on real sandbox pages of both apps, opened, in a
// narrow window, with a dialog up, with a control placed in the panel's home corner, and with a dialog that leaves
// no room at all. "Covers" is checked two ways: rectangles, and Playwright's own hit test (a trial click fails
// when another element would receive it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, panelLocator, waitForOverlayPanel, type ExtensionSession } from './harness.ts';
import { connectBothApps } from './connect-apps.ts';

const CIN7 = 'https://inventory.dearsystems.com';
const XERO = 'https://go.xero.com';
let session: ExtensionSession;
const pageErrors: string[] = [];

const panel = (page: Page) => panelLocator(page);

async function open(url: string, viewport = { width: 1280, height: 860 }): Promise<Page> {
  const page = await session.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${url}: ${error.message}`));
  await page.setViewportSize(viewport);
  await page.goto(url, { waitUntil: 'load' });
  await waitForOverlayPanel(page, { timeout: 30_000 });
  return page;
}

async function expand(page: Page): Promise<void> {
  const toggle = panel(page).locator('.mg-toggle');
  await toggle.waitFor({ timeout: 20_000 });
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
}

/** The host controls (and dialogs) in the viewport that the panel's box overlaps, described for the failure message. */
function coveredControls(page: Page): Promise<string[]> {
  return panel(page).evaluate((element) => {
    const box = element.getBoundingClientRect();
    if (box.width === 0) return ['(no panel)'];
    const controls = document.querySelectorAll('a[href],button,input:not([type="hidden"]),select,textarea,[role="button"],[role="combobox"],[role="dialog"]');
    const covered: string[] = [];
    for (const control of controls) {
      if (control.closest('[data-mg-own]')) continue;
      const rect = control.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0 || rect.bottom <= 0 || rect.top >= innerHeight) continue;
      if (rect.left < box.right && rect.right > box.left && rect.top < box.bottom && rect.bottom > box.top) {
        covered.push(`${control.tagName.toLowerCase()} “${(control.textContent ?? '').trim().slice(0, 30)}” at ${Math.round(rect.left)},${Math.round(rect.top)}`);
      }
    }
    return covered;
  });
}

/** A control of the host page's own, at the top level of <body> (where host menus and toasts go). */
async function addHostButton(page: Page, id: string, text: string, css: string): Promise<void> {
  await page.evaluate(
    ({ id, text, css }) => {
      const button = document.createElement('button');
      button.id = id;
      button.textContent = text;
      button.style.cssText = css;
      document.body.append(button);
    },
    { id, text, css },
  );
}

async function settled(page: Page): Promise<void> {
  // Placement runs in the next animation frame after a change; two frames make sure it has been applied.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

beforeAll(async () => {
  session = await launchExtension({ scenario: 'broken' });
  await connectBothApps(session);
  const rows = session.sandbox.snapshot().cin7?.mapping?.rows ?? [];
  await session.sendFromExtensionPage({ mgAction: 'saveMapping', args: { rows, readAt: new Date().toISOString() } });
});

afterAll(async () => {
  await session?.close();
});

describe('health panel placement', () => {
  it('where the overlay is not loaded, the start script’s tab moves off a control the page adds or scrolls under it', async () => {
    await session.evalInServiceWorker((ext) => ext.storage.local.set({ 'overlay.panelCollapsed': true }));
    // Once the set-up's refresh is over: a status change would load the bundle (the counts must follow it).
    await expect
      .poll(async () => {
        const reply = (await session.sendFromExtensionPage({ mgAction: 'getStatus', args: { host: 'cin7' } })) as { result?: { summary?: unknown; refreshing?: unknown } };
        return Boolean(reply.result?.summary) && !reply.result?.refreshing;
      }, { timeout: 60_000 })
      .toBe(true);
    const page = await open(`${CIN7}/Dashboard`);
    const bundleLoaded = () => page.evaluate(() => document.querySelector('mapping-guard-panel') !== null);
    await settled(page);
    expect(await bundleLoaded()).toBe(false);
    const home = (await panel(page).boundingBox())!;
    // A fixed control right where the tab is: added at the top level of <body>, as host menus and toasts are.
    await addHostButton(page, 'host-corner-action', 'Host action', `position: fixed; left: ${home.x}px; top: ${home.y}px; width: ${home.width}px; height: ${home.height}px; z-index: 10`);
    await expect.poll(async () => (await coveredControls(page)).length, { timeout: 5_000 }).toBe(0);
    await page.locator('#host-corner-action').click({ trial: true, timeout: 5_000 });
    await page.evaluate(() => document.getElementById('host-corner-action')?.remove());
    await expect.poll(async () => (await panel(page).boundingBox())?.y, { timeout: 5_000 }).toBe(home.y);
    // A control that scrolling brings under the tab.
    await page.evaluate(({ x, y }) => {
      const filler = document.createElement('div');
      filler.style.cssText = 'height: 4000px';
      const button = document.createElement('button');
      button.id = 'host-scrolled-action';
      button.textContent = 'Scrolled into place';
      button.style.cssText = `position: absolute; left: ${x}px; top: ${y + 1000 + window.scrollY}px; width: 160px; height: 30px`;
      document.body.append(filler, button);
    }, home);
    await page.evaluate(() => window.scrollBy(0, 1000));
    await expect.poll(async () => (await coveredControls(page)).length, { timeout: 5_000 }).toBe(0);
    await page.locator('#host-scrolled-action').click({ trial: true, timeout: 5_000 });
    // All of it without the overlay's bundle: the tab did it alone.
    expect(await bundleLoaded()).toBe(false);
    await page.close();
  });

  it('opened on busy pages of both apps, it covers none of their controls', async () => {
    const sale = session.sandbox.store.cin7.sales[0];
    for (const url of [`${CIN7}/AccountMapping`, `${CIN7}/Sale#${String(sale?.ID)}`, `${CIN7}/ProductList`, `${XERO}/GeneralLedger/ChartOfAccounts.aspx`, `${XERO}/Setup/FinancialSettings.aspx`]) {
      const page = await open(url);
      await expand(page);
      await expect.poll(() => panel(page).textContent(), { timeout: 30_000 }).toMatch(/errors?|warnings?|all good/);
      await settled(page);
      expect(await coveredControls(page), url).toEqual([]);
      await page.close();
    }
  });

  it('in a 1100 px window, Xero’s Edit Account dialog stays usable: Save takes the click, not the panel', async () => {
    const page = await open(`${XERO}/GeneralLedger/ChartOfAccounts.aspx`, { width: 1100, height: 800 });
    await expand(page);
    await page.locator('tr[data-code="310"] td:nth-child(3) > a').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expect.poll(async () => (await coveredControls(page)).length, { timeout: 5_000 }).toBe(0);
    // A trial click runs Playwright's hit test at the button's centre and fails if our panel would get the click.
    await dialog.getByRole('button', { name: 'Save' }).click({ trial: true, timeout: 5_000 });
    await session.screenshot('xero-edit-dialog-panel-placement', page);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.close();
  });

  it('moves out of its home corner when the page puts a control there, and goes back when it leaves', async () => {
    const page = await open(`${CIN7}/Dashboard`);
    await expand(page);
    await settled(page);
    const home = await panel(page).boundingBox();
    expect(home!.x).toBeLessThan(40);
    await addHostButton(page, 'host-corner-action', 'Host action', 'position: fixed; left: 16px; bottom: 16px; width: 200px; height: 40px; z-index: 10');
    await expect.poll(async () => (await coveredControls(page)).length, { timeout: 5_000 }).toBe(0);
    await page.locator('#host-corner-action').click({ trial: true, timeout: 5_000 });
    expect(await panel(page).locator('.mg-toggle').getAttribute('aria-expanded')).toBe('true');
    await page.evaluate(() => document.getElementById('host-corner-action')?.remove());
    await expect.poll(async () => (await panel(page).boundingBox())?.y, { timeout: 5_000 }).toBe(home!.y);
    await page.close();
  });

  it('after the page scrolls a control under it, it moves off once the scrolling stops', async () => {
    const page = await open(`${CIN7}/Dashboard`);
    await expand(page);
    await settled(page);
    const box = (await panel(page).boundingBox())!;
    // A long page whose button will sit, after scrolling by 1,000 px, right where the panel is.
    await page.evaluate(({ left, top }) => {
      const filler = document.createElement('div');
      filler.style.cssText = 'height: 4000px';
      const button = document.createElement('button');
      button.id = 'host-scrolled-action';
      button.textContent = 'Scrolled into place';
      button.style.cssText = `position: absolute; left: ${left}px; top: ${top + 1000 + window.scrollY}px; width: 160px; height: 36px`;
      document.body.append(filler, button);
    }, { left: box.x + 20, top: box.y + 40 });
    await settled(page);
    expect(await coveredControls(page)).toEqual([]);
    await page.evaluate(() => window.scrollBy(0, 1000));
    await expect.poll(async () => (await coveredControls(page)).length, { timeout: 5_000 }).toBe(0);
    await page.locator('#host-scrolled-action').click({ trial: true, timeout: 5_000 });
    await page.close();
  });

  it('with no free spot at all it gets out of the way, and comes back open when the dialog closes', async () => {
    const page = await open(`${CIN7}/Dashboard`);
    await expand(page);
    await page.evaluate(() => {
      const dialog = document.createElement('div');
      dialog.id = 'host-full-dialog';
      dialog.setAttribute('role', 'dialog');
      dialog.style.cssText = 'position: fixed; inset: 0; background: rgba(255,255,255,0.95); z-index: 20';
      const button = document.createElement('button');
      button.textContent = 'Close';
      dialog.append(button);
      document.body.append(dialog);
    });
    await expect.poll(() => panel(page).getAttribute('data-placement'), { timeout: 5_000 }).toBe('hidden');
    expect(await panel(page).isVisible()).toBe(false);
    await page.evaluate(() => document.getElementById('host-full-dialog')?.remove());
    await expect.poll(() => panel(page).getAttribute('data-placement'), { timeout: 5_000 }).toBe('placed');
    expect(await panel(page).locator('.mg-toggle').getAttribute('aria-expanded')).toBe('true');
    await page.close();
  });

  it('sits in the top layer: above any z-index the host uses, and in view even when the host transforms <body>', async () => {
    const page = await open(`${CIN7}/ProductList`);
    await expand(page);
    expect(await panel(page).evaluate((element) => element.matches(':popover-open'))).toBe(true);
    await page.evaluate(() => {
      // Not a control, so placement has no reason to move away from it: only the stacking decides who is on top.
      const banner = document.createElement('div');
      banner.id = 'host-top-banner';
      banner.style.cssText = 'position: fixed; inset: 0; z-index: 2147483647; background: rgba(0,0,0,0.05)';
      document.body.append(banner);
      // A transform on <body> makes it the containing block of fixed elements: a fixed panel would scroll away.
      document.body.style.transform = 'translateZ(0)';
      window.scrollTo(0, 1500);
    });
    // Placement re-runs once the scroll is quiet (200 ms): poll for the settled box.
    await expect
      .poll(async () => {
        const box = await panel(page).boundingBox();
        return box !== null && box.y >= 0 && box.y + box.height <= 860;
      }, { timeout: 5_000 })
      .toBe(true);
    await panel(page).locator('.mg-toggle').click({ trial: true, timeout: 5_000 });
    await page.close();
  });

  it('the keyboard shortcut (manifest command, relayed by the background) opens the panel with focus on its toggle', async () => {
    const manifest = (await session.evalInServiceWorker((chrome) => chrome.runtime.getManifest())) as { commands?: Record<string, { suggested_key?: { default?: string } }> };
    expect(manifest.commands?.['toggle-panel']?.suggested_key?.default).toBe('Alt+Shift+M');
    const page = await open(`${XERO}/Dashboard`);
    const toggle = panel(page).locator('.mg-toggle');
    await toggle.waitFor({ timeout: 20_000 });
    if ((await toggle.getAttribute('aria-expanded')) === 'true') await toggle.click();
    // What the background's onCommand handler sends to the active tab (without the tabs permission the worker cannot
    // read tab URLs; this page is the only one open, and other tabs have no listener).
    await session.evalInServiceWorker(async (chrome) => {
      for (const tab of await chrome.tabs.query({})) if (tab.id !== undefined) await chrome.tabs.sendMessage(tab.id, { mgEvent: 'togglePanel' }).catch(() => undefined);
    });
    await expect.poll(() => toggle.getAttribute('aria-expanded'), { timeout: 5_000 }).toBe('true');
    expect(await toggle.evaluate((element) => (element.getRootNode() as ShadowRoot).activeElement?.className)).toContain('mg-toggle');
    await page.close();
  });

  it('no exception reached any host page', () => {
    expect(pageErrors).toEqual([]);
  });
});
