// Site access in real Chromium: the user withholds Cin7 Core from the extension the way Chrome lets them (the
// extensions page's "Site access: on specific sites", without that site), through the same private API that page
// uses. The popup and options page then name the site; a refresh records "no access" instead of a network error;
// giving access back clears the notice. The browser's own permission prompt cannot be answered headless: the Grant
// access button's request is checked in tests/unit/site-access/notice.test.tsx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionSession } from './harness.ts';
import { NEXT_STEP_WORDS } from '../../components/ui/next-step';

const CIN7 = 'https://inventory.dearsystems.com/*';
const OTHER_SITES = ['https://api.xero.com/*', 'https://identity.xero.com/*', 'https://go.xero.com/*'];

let session: ExtensionSession;
let extensionsPage: Page;

beforeAll(async () => {
  session = await launchExtension({ scenario: 'healthy' });
  extensionsPage = await session.page('chrome://extensions');
});

afterAll(async () => {
  await session?.close();
});

/** What the user's choice in chrome://extensions does: `developerPrivate`, callable only from that page. */
async function siteAccess(change: { hostAccess: 'ON_ALL_SITES' | 'ON_SPECIFIC_SITES'; grant?: string[] }): Promise<void> {
  await extensionsPage.evaluate(
    async ({ id, hostAccess, grant }) => {
      const api = (globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } }).chrome.developerPrivate;
      await api.updateExtensionConfiguration({ extensionId: id, hostAccess });
      for (const host of grant) await api.addHostPermission(id, host);
    },
    { id: session.extensionId, hostAccess: change.hostAccess, grant: change.grant ?? [] },
  );
}
interface DeveloperPrivate {
  updateExtensionConfiguration(update: { extensionId: string; hostAccess: string }): Promise<void>;
  addHostPermission(id: string, host: string): Promise<void>;
}

const granted = (origins: string[]) =>
  session.evalInServiceWorker((ext, asked) => Promise.all(asked.map((origin) => ext.permissions.contains({ origins: [origin] }))), origins);

const notice = (page: Page) => page.getByTestId('site-access');
const status = async () =>
  ((await session.sendFromExtensionPage({ mgAction: 'getStatus' })) as { result: { fetchedAt?: string; refreshing?: unknown; lastError?: unknown } }).result;

describe('site access withheld and given back', () => {
  let popup: Page;

  it('with every site granted, no notice (after connecting both apps)', async () => {
    await session.connectXero();
    await session.saveCin7Keys();
    popup = await session.openPopup();
    await popup.getByRole('button', { name: 'Re-run audit' }).waitFor();
    expect(await granted([CIN7, ...OTHER_SITES])).toEqual([true, true, true, true]);
    expect(await notice(popup).count()).toBe(0);
  });

  it('Cin7 Core withheld: permissions.contains says so, and the open popup names the site and what stops', async () => {
    await siteAccess({ hostAccess: 'ON_SPECIFIC_SITES', grant: OTHER_SITES });
    expect(await granted([CIN7, ...OTHER_SITES])).toEqual([false, true, true, true]);
    const shown = popup.getByRole('alert', { name: 'Mapping Guard has no access to Cin7 Core (inventory.dearsystems.com)' });
    await shown.waitFor({ timeout: 10_000 });
    expect(await shown.textContent()).toContain('reads your Cin7 Core data and shows the panel on its pages');
    expect(await shown.getByRole('button', { name: 'Grant access' }).isEnabled()).toBe(true);
    await session.screenshot('site-access-popup', popup);

    const options = await session.openOptions();
    await notice(options).filter({ hasText: 'Cin7 Core (inventory.dearsystems.com)' }).waitFor({ timeout: 10_000 });
    await options.close();
  });

  it('a refresh then records "no access to Cin7 Core", not a network error', async () => {
    await popup.getByRole('button', { name: 'Re-run audit' }).click();
    await popup
      .getByText(`${NEXT_STEP_WORDS.refreshFailed} Mapping Guard has no access to Cin7 Core (inventory.dearsystems.com): grant it from the popup.`, { exact: false })
      .waitFor({ timeout: 60_000 });
    expect(await popup.getByText(/Could not reach/).count()).toBe(0);
  });

  it('access given back: the notice goes from the open popup, and a refresh works again', async () => {
    await siteAccess({ hostAccess: 'ON_ALL_SITES' });
    expect(await granted([CIN7])).toEqual([true]);
    await expect.poll(() => notice(popup).count(), { timeout: 10_000 }).toBe(0);
    const before = await status();
    await popup.getByRole('button', { name: 'Re-run audit' }).click();
    await expect.poll(async () => (await status()).fetchedAt !== before.fetchedAt && !(await status()).refreshing, { timeout: 60_000 }).toBe(true);
    expect((await status()).lastError).toBeUndefined();
    expect(await popup.getByText(/Last problem:/).count()).toBe(0);
  });
});
