// Site access in the pages: the sites come from the manifest, each named with what it is for; a withheld one shows a
// notice in the popup, the options page and the welcome page, whose button asks the browser for exactly the
// withheld sites, and the notice goes when the browser reports the permission added.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupApp } from '../../../components/checklist/PopupApp';
import { OptionsApp } from '../../../components/options/OptionsApp';
import { WelcomeApp } from '../../../components/welcome/WelcomeApp';
import type { OptionsClient } from '../../../components/ui/client';
import { browserSiteAccess, requiredSites } from '@/utils/net/site-access';
import { createChecklistStore, type ChecklistStore } from '@/utils/store/checklist';
import { fakeClient, status } from '../popup/fake-client';
import { builtManifest, withholdInFakeBrowser } from './manifest';

const CIN7 = 'https://inventory.dearsystems.com/*';
const XERO_API = 'https://api.xero.com/*';
let withheld: string[] = [];
const listeners = { added: new Set<() => void>(), removed: new Set<() => void>() };
let request: ReturnType<typeof vi.fn>;
const stores: ChecklistStore[] = [];

beforeEach(async () => {
  withheld = [];
  await withholdInFakeBrowser(() => withheld);
  request = vi.fn(async () => true);
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(request as never);
  for (const [event, set] of [['onAdded', listeners.added], ['onRemoved', listeners.removed]] as const) {
    set.clear();
    vi.spyOn(fakeBrowser.permissions[event], 'addListener').mockImplementation((listener) => void set.add(listener as () => void));
    vi.spyOn(fakeBrowser.permissions[event], 'removeListener').mockImplementation((listener) => void set.delete(listener as () => void));
  }
});

afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  await Promise.all(stores.splice(0).map((store) => store.dispose()));
});

/** The browser reports a permission change, as after the user's answer or a change in its site-access menu. */
async function browserReports(event: 'added' | 'removed', nowWithheld: string[]) {
  withheld = nowWithheld;
  await act(async () => listeners[event].forEach((listener) => listener()));
}

function renderPopup(fake = fakeClient()) {
  const checklist = createChecklistStore({ debounceMs: 10_000 });
  stores.push(checklist);
  render(<PopupApp client={fake.client} checklist={checklist} openOptions={vi.fn()} openWelcome={vi.fn()} reportUrl={() => ''} siteAccess={browserSiteAccess()} />);
}

const pendingClient = () =>
  ({ ...fakeClient().client, getConnections: () => new Promise(() => undefined), listPairs: () => new Promise(() => undefined) }) as unknown as OptionsClient;

describe('the sites Mapping Guard needs', () => {
  it.each(['chrome', 'firefox'] as const)('are the %s manifest’s host permissions and content-script sites, each named with why', async (browser) => {
    const sites = requiredSites(await builtManifest(browser));
    expect(sites.map((site) => site.label)).toEqual([
      'Cin7 Core (inventory.dearsystems.com)',
      'the Xero API (api.xero.com)',
      'Xero sign-in (identity.xero.com)',
      'Xero (go.xero.com)',
    ]);
    expect(sites.find((site) => site.origin === 'https://inventory.dearsystems.com')?.why).toBe('reads your Cin7 Core data and shows the panel on its pages');
    for (const site of sites) expect(site.why, site.label).not.toBe('is used by Mapping Guard');
  });

  it('a site the words do not know is still listed, by its host', () => {
    expect(requiredSites({ host_permissions: ['https://example.org/*', 'storage' as string] }).map((site) => site.label)).toEqual(['example.org']);
  });
});

describe('popup', () => {
  it('names a withheld site and what stops; Grant access asks for exactly it; the notice goes when the browser adds it', async () => {
    withheld = [CIN7];
    renderPopup();
    const notice = await screen.findByRole('alert', { name: /no access to Cin7 Core \(inventory\.dearsystems\.com\)/ });
    expect(notice.textContent).toContain('Cin7 Core (inventory.dearsystems.com): reads your Cin7 Core data and shows the panel on its pages.');
    expect(notice.textContent).not.toContain('api.xero.com');
    const button = within(notice).getByRole('button', { name: 'Grant access' });
    expect(button.tagName).toBe('BUTTON'); // reachable and pressable from the keyboard
    fireEvent.click(button);
    expect(request).toHaveBeenCalledTimes(1);
    expect(request).toHaveBeenCalledWith({ origins: [CIN7] });
    await browserReports('added', []);
    expect(screen.queryByTestId('site-access')).toBeNull();
  });

  it('shows the notice before any pair exists too (a first run where the browser withheld a site)', async () => {
    withheld = [CIN7];
    const fake = fakeClient({ 'pair-a': status({ pairId: undefined, pairName: undefined, summary: undefined, findings: [], connection: { cin7: 'not-connected', xero: 'not-connected' } }) });
    fake.client.listPairs.mockResolvedValue({ pairs: [], selectedPairId: undefined } as never);
    renderPopup(fake);
    await screen.findByTestId('popup-empty');
    expect(await screen.findByRole('alert', { name: /no access to Cin7 Core/ })).toBeTruthy();
  });

  it('shows nothing when every site is granted, and the notice when the user takes one away later', async () => {
    renderPopup();
    await screen.findByText('Acme Cin7 ↔ Acme Xero', { selector: 'p' });
    await waitFor(() => expect(fakeBrowser.permissions.contains).toHaveBeenCalledTimes(4)); // checked, and all granted
    expect(screen.queryByTestId('site-access')).toBeNull();
    await browserReports('removed', [XERO_API]);
    expect(await screen.findByRole('alert', { name: /no access to the Xero API/ })).toBeTruthy();
  });

  it('says so when the user refuses the browser’s prompt, and the notice stays', async () => {
    withheld = [CIN7];
    request.mockResolvedValueOnce(false);
    renderPopup();
    fireEvent.click(await screen.findByRole('button', { name: 'Grant access' }));
    expect(await screen.findByText(/Access was not granted/)).toBeTruthy();
    expect(screen.getByTestId('site-access')).toBeTruthy();
  });
});

describe('options and welcome pages', () => {
  it('options: lists every withheld site in words and asks for all of them at once', async () => {
    withheld = [CIN7, XERO_API];
    render(<OptionsApp client={pendingClient()} siteAccess={browserSiteAccess()} />);
    const notice = await screen.findByRole('alert', { name: /no access to some sites it needs/ });
    expect(within(notice).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Cin7 Core (inventory.dearsystems.com): reads your Cin7 Core data and shows the panel on its pages.',
      'the Xero API (api.xero.com): reads your Xero organisation’s accounts, tax rates and settings.',
    ]);
    fireEvent.click(within(notice).getByRole('button', { name: 'Grant access' }));
    expect(request).toHaveBeenCalledWith({ origins: [CIN7, XERO_API] });
    await browserReports('added', [XERO_API]);
    await waitFor(() => expect(screen.getByRole('alert', { name: /no access to the Xero API/ })).toBeTruthy());
  });

  it('welcome: the connection steps need the sites, so the notice shows there too', async () => {
    withheld = ['https://identity.xero.com/*'];
    render(<WelcomeApp client={pendingClient()} drafts={{ load: async () => ({}), save: async () => undefined }} links={{ reportUrl: () => '', checklistUrl: '', optionsUrl: '' }} siteAccess={browserSiteAccess()} />);
    expect(await screen.findByRole('alert', { name: /no access to Xero sign-in \(identity\.xero\.com\)/ })).toBeTruthy();
  });

  it('with no site access given (as in other tests), no notice and no permission call', async () => {
    const contains = vi.mocked(fakeBrowser.permissions.contains);
    render(<OptionsApp client={pendingClient()} />);
    await screen.findByText('Loading…');
    expect(contains).not.toHaveBeenCalled();
    expect(screen.queryByTestId('site-access')).toBeNull();
  });
});
