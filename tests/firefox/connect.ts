// Connecting both apps in Firefox as a person would, on the options page: the sandbox's Xero client id, Connect Xero
// → the sandbox's consent page (identity.launchWebAuthFlow's own window) → Allow; then the Cin7 Core keys → Save.
// Used by the smoke test and by the tests that need a pair.
import type { Page } from 'puppeteer-core';
import type { FirefoxSession } from './firefox-session.ts';
import { clickButton, pageText, poll, typeInto } from './page-actions.ts';

export async function connectXeroInOptions(session: FirefoxSession, options: Page): Promise<void> {
  await typeInto(options, 'Xero app client id', session.sandbox.xeroClientId);
  await clickButton(options, 'Use this client id');
  await poll(() => pageText(options, '[data-testid="xero-message"]'), (text) => /client id saved/i.test(text ?? ''));
  const consentTarget = session.browser.waitForTarget((target) => target.url().includes('login.xero.com'), { timeout: 20_000 });
  await clickButton(options, 'Connect Xero');
  const consent = await (await consentTarget).page();
  if (!consent) throw new Error('the consent window has no page');
  await poll(() => consent.evaluate(() => document.readyState), (state) => state === 'complete');
  await clickButton(consent, 'Allow');
  await poll(() => pageText(options, '[data-testid="xero-state"]'), (text) => text === 'Connected', 30_000, () => pageText(options, '[data-testid="xero-message"]'));
}

export async function saveCin7KeysInOptions(session: FirefoxSession, options: Page): Promise<void> {
  await typeInto(options, 'Account ID', session.sandbox.cin7Credentials.accountId);
  await typeInto(options, 'Application key', session.sandbox.cin7Credentials.applicationKey);
  await clickButton(options, 'Save Cin7 keys');
  await poll(() => pageText(options, '[data-testid="cin7-message"]'), (text) => /cin7 core connected/i.test(text ?? ''), 30_000);
}
