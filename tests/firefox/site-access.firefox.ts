// Site access in Firefox (issue #19 item 3): MV3 host permissions can be revoked by the user (about:addons →
// Permissions, which calls the same ExtensionPermissions.remove as `permissions.remove` from an extension page). The
// popup and options page then name the site; the popup's "Grant access", clicked for real, asks for it back. Firefox
// runs with its optional-permission prompt off (GRANT_PERMISSION_REQUESTS): the request is granted as if accepted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { GRANT_PERMISSION_REQUESTS, launchFirefox, type FirefoxSession } from './firefox-session.ts';
import { clickButton, pageText, poll } from './page-actions.ts';

const CIN7 = 'https://inventory.dearsystems.com/*';
const NOTICE_TITLE = '[data-testid="site-access"] h2';
const WITHHELD = 'Mapping Guard has no access to Cin7 Core (inventory.dearsystems.com)';
let session: FirefoxSession;
let popup: Page;

const granted = () => session.inExtensionPage((api, origin) => api.permissions.contains({ origins: [origin] }), CIN7);

beforeAll(async () => {
  session = await launchFirefox({ prefs: GRANT_PERMISSION_REQUESTS });
});

afterAll(async () => {
  await session?.close();
});

describe('site access in Firefox ESR', () => {
  it('Cin7 Core revoked: permissions.contains says so, and the popup and options page name the site and what stops', async () => {
    expect(await granted()).toBe(true); // Firefox 127+ grants MV3 host permissions at install
    await session.inExtensionPage((api, origin) => api.permissions.remove({ origins: [origin] }), CIN7);
    expect(await granted()).toBe(false);

    popup = await session.openExtensionPage('popup.html');
    expect(await poll(() => pageText(popup, NOTICE_TITLE), (text) => text !== null)).toBe(WITHHELD);
    expect(await pageText(popup, '[data-testid="site-access"] li')).toBe('Cin7 Core (inventory.dearsystems.com): reads your Cin7 Core data and shows the panel on its pages.');
    const options = await session.openExtensionPage('options.html');
    expect(await poll(() => pageText(options, NOTICE_TITLE), (text) => text !== null)).toBe(WITHHELD);
    await options.close();
  });

  it('asking without a user gesture is refused, even with the prompt off: the click is what grants', async () => {
    const asked = session.inExtensionPage((api, origin) => api.permissions.request({ origins: [origin] }), CIN7);
    await expect(asked).rejects.toThrow(/user input handler/);
    expect(await granted()).toBe(false);
  });

  it('“Grant access”, clicked, gives Cin7 Core back and the notice goes', async () => {
    await popup.bringToFront();
    await clickButton(popup, 'Grant access');
    await poll(() => pageText(popup, NOTICE_TITLE), (text) => text === null, 10_000);
    expect(await granted()).toBe(true);
    await popup.close();
  });
});
