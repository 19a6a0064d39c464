// Firefox smoke test: the production Firefox build as a temporary add-on in Firefox ESR, against the sandbox on the
// real hostnames. One browser for the whole file; the tests run in order (connect, then the panel, then the mapping).
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTotals } from '../../components/ui/audit-view';
import { statusSchema, type Status } from '../../utils/protocol/shapes';
import { closedShadowText } from './closed-shadow.ts';
import { launchFirefox, type ExtensionGlobal, type FirefoxSession } from './firefox-session.ts';
import { connectXeroInOptions, saveCin7KeysInOptions } from './connect.ts';
import { pageText, poll } from './page-actions.ts';

const CIN7 = 'https://inventory.dearsystems.com';
/** The test's own console lines (they prove the console channels work; see the last test). */
const PROBE = 'mg-firefox-smoke-probe';
let session: FirefoxSession;

async function status(): Promise<Status> {
  const reply = (await session.sendFromExtensionPage({ mgAction: 'getStatus', args: { host: 'cin7' } })) as { ok: boolean; result?: unknown };
  expect(reply.ok).toBe(true);
  return statusSchema.parse(reply.result);
}

beforeAll(async () => {
  session = await launchFirefox();
});

afterAll(async () => {
  await session?.close();
});

describe('smoke: the production build in Firefox ESR', () => {
  it('has a background that answers a protocol message from an extension page, and refuses unknown actions', async () => {
    const current = await status();
    expect(current.connection).toEqual({ xero: 'not-connected', cin7: 'not-connected' });
    const refused = await session.sendFromExtensionPage({ mgAction: 'fetchAnyUrl', args: { url: 'https://example.com' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unknown-action' } });
  });

  it('connects Xero through the sandbox consent page (Firefox’s redirect URI) and saves the Cin7 Core keys: a pair exists', async () => {
    const options = await session.openExtensionPage('options.html');
    // Firefox's identity.getRedirectURL(): https://<sha1 of the add-on id>.extensions.allizom.org/ (stable per add-on id).
    const hash = createHash('sha1').update(session.geckoId).digest('hex');
    await poll(() => pageText(options, '[data-testid="xero-redirect"]'), (text) => text === `https://${hash}.extensions.allizom.org/`);
    // identity.launchWebAuthFlow opens its own window on login.xero.com (the sandbox's consent page).
    await connectXeroInOptions(session, options);
    expect(session.sandbox.connections().map((connection) => connection.tenantId)).toEqual([session.sandbox.tenants[0]?.tenantId]);

    await saveCin7KeysInOptions(session, options);
    const pairs = await poll(() => options.$$eval('[data-testid="pairs"] li', (items) => items.length), (count) => count > 0);
    expect(pairs).toBe(1);
    await options.close();
  });

  it('mounts the panel on the sandbox’s Cin7 Core page, in a closed shadow root, with the pair’s counts', async () => {
    const current = await poll(status, (value) => Boolean(value.summary && value.pairId), 45_000);
    const open = auditTotals(current.findings).open;
    expect(open.error).toBeGreaterThan(0); // the "broken" scenario
    const page = await session.openPage(`${CIN7}/Dashboard`);
    const expected = new RegExp(`\\b${open.error} errors?\\b`);
    // The start script's tab (a page no feature claims: the overlay's bundle is not loaded) or the React panel.
    const panel = await poll(
      () => closedShadowText(session, page, 'mapping-guard-start, mapping-guard-panel', '.mg-counts'),
      (read) => expected.test(read.text ?? ''),
      30_000,
    );
    expect(panel).toMatchObject({ host: true, closedRoot: true });
    if (open.warning > 0) expect(panel.text).toMatch(new RegExp(`\\b${open.warning} warnings?\\b`));
    await page.close();
  });

  it('reads the Account Mapping page: the status says the mapping was read', async () => {
    expect((await status()).mappingReadAt).toBeUndefined();
    const page = await session.openPage(`${CIN7}/Settings#ReferenceBooks/Financial/AccountMapping`);
    const current = await poll(status, (value) => Boolean(value.mappingReadAt), 30_000);
    expect(Date.parse(current.mappingReadAt ?? '')).toBeGreaterThan(Date.now() - 5 * 60_000);
    await page.close();
  });

  it.each([
    ['popup.html', 'Mapping Guard'],
    ['options.html', 'Mapping Guard settings'],
    ['report.html', 'Integration health report'],
  ])('renders %s with its main heading', async (path, heading) => {
    const page = await session.openExtensionPage(path);
    expect(await poll(() => pageText(page, 'h1'), (text) => text !== null)).toBe(heading);
    await page.close();
  });

  it('printed no extension error or warning on the console (background, pages and content scripts)', async () => {
    // Probes first: an uncaught error in an extension page and a console.error in the background page must show up,
    // or the check below could never fail. The last probe also flushes what Firefox printed before it.
    const popup = await session.openExtensionPage('popup.html');
    await popup.evaluate(async (probe) => {
      const background = await (globalThis as unknown as ExtensionGlobal).browser.runtime.getBackgroundPage();
      setTimeout(() => {
        throw new Error(`${probe} uncaught`);
      });
      setTimeout(() => (background as unknown as { console: Console }).console.error(`${probe} background`), 50);
    }, PROBE);
    const uncaught = new RegExp(`^JavaScript error: moz-extension://${session.uuid}/popup\\.html.*${PROBE} uncaught`);
    await session.output.waitFor(uncaught);
    await session.output.waitFor(new RegExp(`^console\\.error: .*${PROBE} background`));
    await popup.close();
    expect(session.output.extensionProblems(session.uuid, PROBE)).toEqual([]);
    // Firefox's own traffic stays off; anything it still tries is refused by the proxy, never reaching the internet.
    console.log(`Firefox smoke: the proxy refused ${session.proxy.refused.length} request(s) (${[...new Set(session.proxy.refused)].join(', ')})`);
  });
});
