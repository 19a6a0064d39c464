// The welcome page (components/welcome): step states derived from the background's state, resuming where things
// are, drafts kept when going back, and the install handler that opens it only on a fresh install.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { WelcomeApp, type DraftStorage } from '../../../components/welcome/WelcomeApp';
import { currentStep, deriveSteps } from '../../../components/welcome/steps';
import type { OptionsClient } from '../../../components/ui/client';
import { handleInstalled, WELCOME_PATH } from '../../../utils/background/install';
import type { Connections, Pair, Status } from '../../../utils/protocol/shapes';
import { acknowledged, fakeClient, status as statusOf } from '../popup/fake-client';

afterEach(cleanup);

function connections(over: { xero?: Partial<Connections['xero']>; cin7?: Partial<Connections['cin7']> } = {}): Connections {
  return {
    xero: { state: 'not-connected', clientIdSource: 'none', redirectUrl: 'https://example.chromiumapp.org/', tenants: [], ...over.xero },
    cin7: { state: 'not-connected', accounts: [], ...over.cin7 },
  };
}
const XERO_CONNECTED: Partial<Connections['xero']> = { state: 'connected', clientId: 'abc', clientIdSource: 'options', tenants: [{ tenantId: 't-a', tenantName: 'Acme NZ' }] };
const CIN7_CONNECTED: Partial<Connections['cin7']> = { state: 'connected', accounts: [{ accountId: 'c-a', company: 'Acme Ltd' }] };
const PAIR: Pair = { id: 'pair-a', name: 'Acme Ltd ↔ Acme NZ', cin7AccountId: 'c-a', xeroTenantId: 't-a' };

function states(facts: Parameters<typeof deriveSteps>[0]) {
  return Object.fromEntries(deriveSteps(facts).map((step) => [step.id, step.state]));
}

describe('welcome steps derived from state', () => {
  it('starts at the Xero app, and skips it when the build carries a client id', () => {
    expect(currentStep(deriveSteps({ connections: connections(), pairs: [] }))).toBe('xero-app');
    const built = deriveSteps({ connections: connections({ xero: { clientId: 'built', clientIdSource: 'build' } }), pairs: [] });
    expect(built[0]!.state).toBe('skipped');
    expect(currentStep(built)).toBe('xero-connect');
  });

  it('follows the real state: connections, pair, mapping read, audit done', () => {
    const connected = connections({ xero: XERO_CONNECTED, cin7: CIN7_CONNECTED });
    expect(currentStep(deriveSteps({ connections: connected, pairs: [] }))).toBe('pair');
    const unread = statusOf({ mappingReadAt: undefined, summary: undefined });
    expect(states({ connections: connected, pairs: [PAIR], selectedPairId: 'pair-a', status: unread })).toMatchObject({ pair: 'done', mapping: 'todo', audit: 'todo' });
    const read = statusOf({ mappingReadAt: '2026-01-01T00:00:00Z' });
    expect(states({ connections: connected, pairs: [PAIR], selectedPairId: 'pair-a', status: read })).toMatchObject({ mapping: 'done', audit: 'done' });
    const running = statusOf({ mappingReadAt: '2026-01-01T00:00:00Z', refreshing: { list: 'Xero accounts', page: 1, message: 'Reading' } });
    expect(currentStep(deriveSteps({ connections: connected, pairs: [PAIR], selectedPairId: 'pair-a', status: running }))).toBe('audit');
  });

  it('asks for Xero again when its sign-in was rejected, even with everything else done', () => {
    const steps = deriveSteps({
      connections: connections({ xero: { ...XERO_CONNECTED, state: 'reconnect-needed' }, cin7: CIN7_CONNECTED }),
      pairs: [PAIR],
      selectedPairId: 'pair-a',
      status: statusOf({ mappingReadAt: '2026-01-01T00:00:00Z' }),
    });
    expect(currentStep(steps)).toBe('xero-connect');
    expect(steps[1]!.state).toBe('attention');
  });
});

function memoryDrafts(initial: Record<string, string> = {}): DraftStorage & { values: Record<string, string> } {
  const store = {
    values: { ...initial },
    load: async () => ({ ...store.values }),
    save: vi.fn(async (values: Record<string, string>) => {
      store.values = { ...values };
    }),
  };
  return store;
}

function welcomeClient(current: Connections, pairs: Pair[] = [], status?: Status) {
  const fake = fakeClient(status ? { 'pair-a': status } : {});
  const client = {
    ...fake.client,
    getStatus: vi.fn(async () => status ?? statusOf({ pairId: undefined, summary: undefined, findings: [], connection: { cin7: 'not-connected', xero: 'not-connected' } })),
    listPairs: vi.fn(async () => ({ pairs, selectedPairId: pairs[0]?.id })),
    getConnections: vi.fn(async () => current),
    connectXero: vi.fn(async () => ({ tenants: [] })),
    disconnectXero: vi.fn(acknowledged),
    setXeroClientId: vi.fn(acknowledged),
    testCin7: vi.fn(async () => ({ ok: true, company: 'Acme Ltd' })),
    saveCin7Credentials: vi.fn(async () => ({ company: 'Acme Ltd' })),
    removeCin7Credentials: vi.fn(acknowledged),
    savePair: vi.fn(async () => PAIR),
    removePair: vi.fn(acknowledged),
    getSecretProtection: vi.fn(async () => ({ mode: 'profile' as const, locked: false })),
    setSecretProtection: vi.fn(acknowledged),
    unlockSecrets: vi.fn(async () => ({ unlocked: true })),
  } satisfies OptionsClient;
  return { client, emit: fake.emit };
}

const LINKS = { reportUrl: (id: string) => `report.html?pair=${id}`, checklistUrl: 'popup.html', optionsUrl: 'options.html' };

describe('welcome page', () => {
  it('resumes at the first unfinished step, with progress and aria-current', async () => {
    const { client } = welcomeClient(connections({ xero: XERO_CONNECTED }));
    render(<WelcomeApp client={client} drafts={memoryDrafts()} links={LINKS} />);
    expect(await screen.findByRole('heading', { name: /Step 3 of 6: Cin7 Core API keys/ })).toBeTruthy();
    expect(screen.getByText('2 of 6 steps done')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Set-up steps' });
    expect(within(nav).getByRole('button', { name: /Cin7 Core API keys/ }).getAttribute('aria-current')).toBe('step');
    expect(screen.getByTestId('step-xero-connect').dataset.state).toBe('done');
  });

  it('keeps what was typed when going back to a step, but never the application key', async () => {
    const { client } = welcomeClient(connections({ xero: XERO_CONNECTED }));
    const drafts = memoryDrafts();
    render(<WelcomeApp client={client} drafts={drafts} links={LINKS} />);
    fireEvent.change(await screen.findByLabelText('Account ID'), { target: { value: 'ACC-1' } });
    fireEvent.change(screen.getByLabelText('Application key'), { target: { value: 'secret-key' } });
    fireEvent.click(screen.getByRole('button', { name: /Your Xero app/ }));
    expect(await screen.findByRole('heading', { name: /Step 1 of 6/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Cin7 Core API keys/ }));
    expect(((await screen.findByLabelText('Account ID')) as HTMLInputElement).value).toBe('ACC-1');
    expect(drafts.values).toEqual({ 'cin7.accountId': 'ACC-1' });
    expect(JSON.stringify(drafts.values)).not.toContain('secret-key');
  });

  it('restores a draft saved before the page was left', async () => {
    const { client } = welcomeClient(connections());
    render(<WelcomeApp client={client} drafts={memoryDrafts({ 'xero.clientId': 'typed-earlier' })} links={LINKS} />);
    expect(((await screen.findByLabelText('Xero app client id')) as HTMLInputElement).value).toBe('typed-earlier');
  });

  it('ticks the mapping step by itself when the background says the mapping was read', async () => {
    const unread = statusOf({ mappingReadAt: undefined, summary: undefined, findings: [] });
    const { client, emit } = welcomeClient(connections({ xero: XERO_CONNECTED, cin7: CIN7_CONNECTED }), [PAIR], unread);
    render(<WelcomeApp client={client} drafts={memoryDrafts()} links={LINKS} />);
    expect(await screen.findByText('Waiting for the Account Mapping page…')).toBeTruthy();
    expect(screen.getByRole('link', { name: /Open Settings in Cin7 Core → Reference Books → Financial → Account Mapping/ })).toBeTruthy();
    client.getStatus.mockResolvedValue(statusOf({ mappingReadAt: '2026-01-01T00:00:00Z', summary: undefined, findings: [] }));
    emit({ pairId: 'pair-a' });
    expect(await screen.findByRole('heading', { name: /Step 6 of 6: First audit/ })).toBeTruthy();
    expect(screen.getByTestId('step-mapping').dataset.state).toBe('done');
    fireEvent.click(screen.getByRole('button', { name: 'Run the first audit' }));
    expect(client.refresh).toHaveBeenCalledWith({ pairId: 'pair-a' });
  });

  it('ends on the report and the checklist once audited', async () => {
    const done = statusOf({ mappingReadAt: '2026-01-01T00:00:00Z' });
    const { client } = welcomeClient(connections({ xero: XERO_CONNECTED, cin7: CIN7_CONNECTED }), [PAIR], done);
    render(<WelcomeApp client={client} drafts={memoryDrafts()} links={LINKS} />);
    expect((await screen.findByRole('link', { name: 'Open the report' })).getAttribute('href')).toBe('report.html?pair=pair-a');
    expect(screen.getByRole('link', { name: 'Open the checklist' }).getAttribute('href')).toBe('popup.html');
    expect(screen.getByText('6 of 6 steps done')).toBeTruthy();
  });
});

describe('install handler', () => {
  const deps = () => ({ openPage: vi.fn(async () => undefined), version: '1.2.0', noteWhatsNew: vi.fn(async () => undefined), reaudit: vi.fn(async () => undefined) });

  it('opens the welcome page on a fresh install only', async () => {
    const install = deps();
    await handleInstalled({ reason: 'install' }, install);
    expect(install.openPage).toHaveBeenCalledWith(WELCOME_PATH);
    const update = deps();
    await handleInstalled({ reason: 'update', previousVersion: '1.1.0' }, update);
    expect(update.openPage).not.toHaveBeenCalled();
    expect(update.noteWhatsNew).toHaveBeenCalledWith({ version: '1.2.0', previousVersion: '1.1.0' });
    expect(update.reaudit).toHaveBeenCalled();
  });

  it('leaves no note when the version did not change (a reloaded build), and ignores a browser update', async () => {
    const reload = deps();
    await handleInstalled({ reason: 'update', previousVersion: '1.2.0' }, reload);
    expect(reload.noteWhatsNew).not.toHaveBeenCalled();
    expect(reload.reaudit).toHaveBeenCalled();
    const browserUpdate = deps();
    await handleInstalled({ reason: 'chrome_update' }, browserUpdate);
    expect(browserUpdate.openPage).not.toHaveBeenCalled();
    expect(browserUpdate.reaudit).not.toHaveBeenCalled();
  });
});
