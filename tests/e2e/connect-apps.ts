// Connecting both apps in the e2e tests: through the options page as a person would (Connect Xero → the sandbox's
// consent page → Allow; Cin7 Core keys → Save), or straight through the worker's actions.
import type { Locator, Page } from 'playwright-core';
import type { ExtensionSession } from './harness.ts';

export interface ConnectXeroOptions {
  /** Organisation to choose on the consent page (default: the first). */
  organisation?: string;
  /** Called with the consent page once the organisation is chosen, before Allow (e.g. to screenshot it). */
  onConsentPage?: (consent: Page) => Promise<void>;
}

/** Options page → Connect Xero → sandbox consent page → choose organisation → Allow. Returns the options page. */
export async function connectXeroInOptions(session: ExtensionSession, connectOptions: ConnectXeroOptions = {}): Promise<Page> {
  const options = await session.openOptions();
  const state = options.getByTestId('xero-state');
  await state.waitFor();
  if ((await state.textContent())?.trim() === 'Connected') return options;
  // The production build has no client id of its own: the user enters their Xero app's (here the sandbox's).
  const clientIdField = options.getByLabel(/xero app client id/i);
  if ((await clientIdField.inputValue()) !== session.sandbox.xeroClientId) {
    await clientIdField.fill(session.sandbox.xeroClientId);
    await options.getByRole('button', { name: /use this client id/i }).click();
    await options.getByTestId('xero-message').filter({ hasText: /client id saved/i }).waitFor({ timeout: 15_000 });
  }
  const consentPagePromise = session.context.waitForEvent('page', {
    predicate: (page) => page.url().includes('login.xero.com') || page.url() === 'about:blank',
    timeout: 15_000,
  });
  await options.getByRole('button', { name: /^(re)?connect xero$/i }).click();
  const consent = await consentPagePromise;
  await consent.waitForURL(/login\.xero\.com/, { timeout: 15_000 });
  await consent.waitForLoadState('load');
  await chooseOrganisation(consent, connectOptions.organisation);
  await connectOptions.onConsentPage?.(consent);
  await consent.getByRole('button', { name: /^allow/i }).or(consent.getByRole('link', { name: /^allow/i })).first().click();
  // launchWebAuthFlow closes the window on the redirect to chromiumapp.org; the worker then fetches the token.
  await expectText(state, /^Connected$/, 30_000, () => options.getByTestId('xero-message').textContent());
  return options;
}

/** Options page → Cin7 Core account id + application key from the sandbox → Save. Returns the options page. */
export async function saveCin7KeysInOptions(session: ExtensionSession): Promise<Page> {
  const options = await session.openOptions();
  const { accountId, applicationKey } = session.sandbox.cin7Credentials;
  await options.getByLabel(/^account id$/i).fill(accountId);
  await options.getByLabel(/^application key$/i).fill(applicationKey);
  await options.getByRole('button', { name: /save cin7 keys/i }).click();
  const message = options.getByTestId('cin7-message');
  await expectText(message, /cin7 core connected/i, 30_000, () => message.textContent());
  return options;
}

/**
 * Connects Xero through the sandbox's consent page and saves the sandbox's Cin7 Core keys, all through the worker's
 * extension-page actions (what the options page does). Throws when the worker refuses a step.
 */
export async function connectBothApps(session: ExtensionSession): Promise<void> {
  const { sandbox } = session;
  const expectOk = (step: string, reply: unknown) => {
    if (!(reply && typeof reply === 'object' && (reply as { ok?: unknown }).ok === true)) {
      throw new Error(`${step} failed: ${JSON.stringify(reply).slice(0, 300)}`);
    }
  };
  expectOk('setXeroClientId', await session.sendFromExtensionPage({ mgAction: 'setXeroClientId', args: { clientId: sandbox.xeroClientId } }));
  const connecting = session.sendFromExtensionPage({ mgAction: 'connectXero' });
  // The sender's own blank extension page opens first: wait for the tab that reaches the consent page.
  let consent: Page | undefined;
  for (const deadline = Date.now() + 20_000; !consent && Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200))) {
    consent = session.context.pages().find((page) => page.url().includes('login.xero.com'));
  }
  if (!consent) throw new Error('the Xero consent page never opened');
  await consent.waitForLoadState('load');
  await consent.getByRole('button', { name: /^allow/i }).or(consent.getByRole('link', { name: /^allow/i })).first().click();
  expectOk('connectXero', await connecting);
  expectOk('saveCin7Credentials', await session.sendFromExtensionPage({ mgAction: 'saveCin7Credentials', args: sandbox.cin7Credentials }));
}

/** Waits until `locator`'s text matches; on timeout, the error carries what the page said instead. */
async function expectText(
  locator: Locator,
  pattern: RegExp,
  timeout: number,
  explain: () => Promise<string | null>,
): Promise<void> {
  try {
    await locator.filter({ hasText: pattern }).waitFor({ timeout });
  } catch (error) {
    const said = await explain().catch(() => null);
    throw new Error(`Expected ${pattern} on the options page; it says: ${said ?? '(nothing)'}`, { cause: error });
  }
}

/** Picks the organisation on the sandbox's consent page: a <select>, radio buttons or a list of links/buttons. */
async function chooseOrganisation(consent: Page, organisation?: string): Promise<void> {
  const select = consent.locator('select');
  if ((await select.count()) > 0) {
    if (organisation) await select.first().selectOption({ label: organisation });
    return; // the first organisation is preselected
  }
  const radios = consent.getByRole('radio');
  if ((await radios.count()) > 0) {
    const radio = organisation ? consent.getByRole('radio', { name: organisation }) : radios.first();
    await radio.check();
  }
}

/** Sends an action as an extension page (the options page's way) and returns its result; throws when refused. */
export async function actAs<T = unknown>(session: ExtensionSession, mgAction: string, args?: unknown): Promise<T> {
  const reply = (await session.sendFromExtensionPage({ mgAction, args })) as { ok: boolean; result?: T; error?: unknown };
  if (!reply.ok) throw new Error(`${mgAction} refused: ${JSON.stringify(reply.error)}`);
  return reply.result as T;
}

/** connectXero as an action → the sandbox's consent page → choose `organisation` → Allow (connections add up, as on Xero). */
export async function connectXeroByAction(session: ExtensionSession, organisation: string): Promise<void> {
  const connecting = actAs(session, 'connectXero');
  let consent: Page | undefined;
  for (const deadline = Date.now() + 20_000; !consent && Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200))) {
    consent = session.context.pages().find((page) => page.url().includes('login.xero.com'));
  }
  if (!consent) throw new Error('the Xero consent page never opened');
  await consent.waitForLoadState('load');
  await consent.locator('select').first().selectOption({ label: organisation });
  await consent.getByRole('button', { name: /^allow/i }).click();
  await connecting;
}
