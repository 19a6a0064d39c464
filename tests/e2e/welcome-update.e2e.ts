// Issue #20, "an update opens no welcome page", in real Chromium with the production build. The update is what a
// developer does with an unpacked build: raise "version" in the loaded copy's manifest and press Reload on
// chrome://extensions (its developerPrivate.reload); Chromium re-reads the manifest and fires runtime.onInstalled with
// reason 'update' and the previous version. Developer mode must be on first: without it Chromium 150 disables a
// reloaded unpacked extension ("unsupportedDeveloperExtension"), which is why chrome.runtime.reload() never brought
// the worker back. Relaunching the profile with the bumped copy is no update either: a --load-extension build is
// reported as 'install' at every launch.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionSession } from './harness.ts';

let session: ExtensionSession;
const welcomeUrl = () => `chrome-extension://${session.extensionId}/welcome.html`;
const welcomeTabs = () => session.context.pages().filter((page) => page.url() === welcomeUrl());

/** chrome://extensions' own API for this extension (the page's Reload button and details). */
function extensionInfo(extensions: Page): Promise<{ state: string; version: string }> {
  return extensions.evaluate(
    (id) => (globalThis as never as { chrome: { developerPrivate: { getExtensionInfo(id: string): Promise<{ state: string; version: string }> } } })
      .chrome.developerPrivate.getExtensionInfo(id).then(({ state, version }) => ({ state, version })),
    session.extensionId,
  );
}

beforeAll(async () => {
  session = await launchExtension({ scenario: 'healthy' });
});

afterAll(async () => {
  await session?.close();
});

describe('updating the extension', () => {
  let installed: string;

  it('opens the welcome page once, on install', async () => {
    await expect.poll(() => welcomeTabs().length, { timeout: 15_000 }).toBe(1);
    installed = (await session.evalInServiceWorker((ext) => ext.runtime.getManifest().version)) as string;
    await welcomeTabs()[0]!.close();
  });

  it('shows the popup’s empty state while nothing is connected: one way in, no checklist', async () => {
    const popup = await session.openPopup();
    const empty = popup.getByTestId('popup-empty');
    await empty.waitFor({ timeout: 15_000 });
    expect(await empty.getByRole('heading').textContent()).toBe('Nothing is connected yet.');
    expect(await popup.locator('.mg-checklist').count()).toBe(0);
    await popup.setViewportSize({ width: 400, height: 300 }); // the popup's own size
    await session.screenshot('popup-empty', popup);
    const opened = session.context.waitForEvent('page', { timeout: 10_000 });
    await empty.getByRole('button', { name: 'Set up Mapping Guard' }).click();
    const welcome = await opened;
    await welcome.waitForURL(welcomeUrl());
    await welcome.close();
    await popup.close();
  });

  it('opens no welcome page after an update and leaves the what’s-new note on the options page', async () => {
    const manifestPath = join(session.extensionDir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
    const parts = installed.split('.').map(Number);
    parts[parts.length - 1]! += 1;
    const updated = parts.join('.');
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: updated }));

    const extensions = await session.page('chrome://extensions');
    await extensions.evaluate(() =>
      (globalThis as never as { chrome: { developerPrivate: { updateProfileConfiguration(c: object): Promise<void> } } })
        .chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }),
    );
    await extensions.evaluate(
      (id) => (globalThis as never as { chrome: { developerPrivate: { reload(id: string, o: object): Promise<unknown> } } })
        .chrome.developerPrivate.reload(id, { failQuietly: false }),
      session.extensionId,
    );
    await expect.poll(() => extensionInfo(extensions), { timeout: 15_000 }).toEqual({ state: 'ENABLED', version: updated });

    // The note is read when the page loads: reload until the update handler has written it.
    const options = await session.openOptions();
    await expect
      .poll(
        async () => {
          await options.reload({ waitUntil: 'load' });
          await options.getByRole('heading', { name: 'Mapping Guard settings' }).waitFor({ timeout: 10_000 });
          return (await options.getByTestId('whats-new').textContent({ timeout: 500 }).catch(() => null)) ?? '';
        },
        { timeout: 20_000, interval: 500 },
      )
      .toContain(`Mapping Guard was updated to ${updated} (from ${installed}).`);
    // Only the update branch writes the note, so it has run; a welcome tab it opened would be here by now.
    await options.waitForTimeout(1_000);
    expect(welcomeTabs()).toEqual([]);
    expect(await options.getByTestId('options-setup').count()).toBe(1); // nothing connected: the way to the set-up
  });
});
