// @vitest-environment node
// Behaviour of the background service through the message layer (fake browser) with the sandbox as the APIs:
// tab → pair detection, reviewed marks across refreshes, mapping saves re-auditing, the badge, declared features.
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { startSandbox, type Sandbox } from '../../../sandbox/index';
import { findingKey } from '@/utils/background/finding-key';
import { createPairDataStore } from '@/utils/background/results';
import { createSecretStore } from '@/utils/background/secrets';
import { createBackgroundService, type BackgroundService } from '@/utils/background/service';
import { pairsItem } from '@/utils/background/state';
import { updateBadge } from '@/utils/background/wiring';
import { describeError } from '@/utils/net/user-error';
import { cin7Queues } from '@/utils/cin7/api/client';
import { xeroQueues } from '@/utils/xero/api/client';
import { registerActionHandlers, type ActionContext } from '@/utils/protocol/server';
import type { Pair, Status } from '@/utils/protocol/shapes';
import { sandboxConsent, sandboxFetch } from './sandbox-fetch';

const extension: ActionContext = { caller: 'extension' };
let sandbox: Sandbox;
let service: BackgroundService;
let pair: Pair;
let unregister: () => void;
let run = 0;

const trigger = fakeBrowser.runtime.onMessage.trigger as unknown as (
  message: unknown,
  sender: Browser.runtime.MessageSender,
  sendResponse: (reply: unknown) => void,
) => Promise<unknown[]>;
const fromTab = (tabId: number, url: string, message: unknown) =>
  new Promise<{ ok: boolean; result?: unknown; error?: { code?: string } }>((resolve) => {
    void trigger(message, { id: fakeBrowser.runtime.id, url, tab: { id: tabId } as Browser.tabs.Tab }, resolve as never);
  });

beforeAll(async () => {
  sandbox = await startSandbox({ scenario: 'broken', port: 0, rateLimitWindowMs: 1000, singleTenant: true });
});
afterAll(() => sandbox.close());

beforeEach(async () => {
  run++;
  cin7Queues.configure({ windowMs: 1000 });
  xeroQueues.configure({ windowMs: 1000 });
  sandbox.resetRateLimits();
  service = createBackgroundService({
    secrets: createSecretStore(`behaviour-secrets-${run}`),
    data: createPairDataStore(`behaviour-data-${run}`),
    redirectUrl: 'https://kgifakjijaobjokpdplikeiegeobjlem.chromiumapp.org/',
    launchWebAuthFlow: sandboxConsent(sandbox),
    fetch: sandboxFetch(sandbox),
  });
  unregister = registerActionHandlers(service.handlers, describeError);
  await service.handlers.setXeroClientId({ clientId: sandbox.xeroClientId }, extension);
  await service.handlers.connectXero(undefined, extension);
  await service.handlers.saveCin7Credentials(sandbox.cin7Credentials, extension);
  pair = (await service.handlers.listPairs(undefined, extension)).pairs[0] as Pair;
  await service.refresher.refresh(pair, { full: true });
});
afterEach(() => unregister());

describe('background service behaviour', () => {
  it('opens the options page when a Cin7 or Xero content script asks, and for no other sender', async () => {
    unregister();
    let opened = 0;
    let setUpOpened = 0;
    const withOptions = createBackgroundService({
      secrets: createSecretStore(`behaviour-secrets-options-${run}`),
      data: createPairDataStore(`behaviour-data-options-${run}`),
      redirectUrl: 'https://kgifakjijaobjokpdplikeiegeobjlem.chromiumapp.org/',
      launchWebAuthFlow: sandboxConsent(sandbox),
      fetch: sandboxFetch(sandbox),
      openOptionsPage: async () => {
        opened++;
      },
      openSetUpPage: async () => {
        setUpOpened++;
      },
    });
    unregister = registerActionHandlers(withOptions.handlers, describeError);
    expect(await fromTab(7, 'https://inventory.dearsystems.com/Dashboard', { mgAction: 'openOptions' })).toMatchObject({ ok: true });
    expect(await fromTab(8, 'https://go.xero.com/Setup/FinancialSettings.aspx', { mgAction: 'openOptions' })).toMatchObject({ ok: true });
    expect(opened).toBe(2);
    expect(await fromTab(9, 'https://attacker.example/', { mgAction: 'openOptions' })).toMatchObject({ ok: false });
    expect(opened).toBe(2);
    expect(setUpOpened).toBe(0);
    // Before any pair exists the panel's settings button leads to the guided set-up instead.
    const pairs = await pairsItem.getValue();
    await pairsItem.setValue([]);
    try {
      expect(await fromTab(7, 'https://inventory.dearsystems.com/Dashboard', { mgAction: 'openOptions' })).toMatchObject({ ok: true });
      expect([opened, setUpOpened]).toEqual([2, 1]);
    } finally {
      await pairsItem.setValue(pairs);
    }
  });

  it('finds a Xero tab’s pair by the organisation short code learnt from the API, and remembers it', async () => {
    const refreshed = (await service.handlers.listPairs(undefined, extension)).pairs[0];
    expect(refreshed?.xeroShortCode).toBeTruthy();
    // The page says which organisation it shows once (identifyTab); actions carry no identity of their own.
    await fromTab(7, 'https://go.xero.com/Dashboard', { mgAction: 'identifyTab', args: { xeroShortCode: refreshed?.xeroShortCode } });
    const first = await fromTab(7, 'https://go.xero.com/Dashboard', { mgAction: 'getStatus', args: { host: 'xero' } });
    expect((first.result as Status).pairId).toBe(pair.id);
    // Two pairs now, so only the tab's memory can tell.
    await service.handlers.selectPair({ pairId: pair.id }, extension);
    const later = await fromTab(7, 'https://go.xero.com/Dashboard', { mgAction: 'getStatus', args: { host: 'xero' } });
    expect((later.result as Status).pairId).toBe(pair.id);
  });

  it('identifies a tab and answers with its status in one message (the overlay’s first), for tabs only', async () => {
    const refreshed = (await service.handlers.listPairs(undefined, extension)).pairs[0];
    await service.handlers.selectPair({ pairId: pair.id }, extension);
    const reply = await fromTab(11, 'https://go.xero.com/Dashboard', { mgAction: 'identifyTabWithStatus', args: { xeroShortCode: refreshed?.xeroShortCode } });
    expect(reply.ok).toBe(true);
    expect((reply.result as Status).pairId).toBe(pair.id);
    expect((reply.result as Status).summary).toBeDefined();
    // The binding stays for the tab's later actions.
    const later = await fromTab(11, 'https://go.xero.com/Dashboard', { mgAction: 'getStatus' });
    expect((later.result as Status).pairId).toBe(pair.id);
    await expect(service.handlers.identifyTabWithStatus({}, extension)).rejects.toThrow(/Only a Cin7 Core or Xero tab/);
  });

  it('answers a tab’s first message without waiting for its identity to be written, and its next reads go by it', async () => {
    const refreshed = (await service.handlers.listPairs(undefined, extension)).pairs[0];
    await service.handlers.selectPair({ pairId: pair.id }, extension);
    // The session write hangs until released: the reply must not wait for it.
    let release = () => {};
    const set = fakeBrowser.storage.session.set.bind(fakeBrowser.storage.session);
    const held = vi.spyOn(fakeBrowser.storage.session, 'set').mockImplementationOnce(async (items) => {
      await new Promise<void>((resolve) => (release = resolve));
      await set(items);
    });
    const tab = { caller: 'content', tabId: 12, app: 'xero' } as const;
    const first = await service.handlers.identifyTabWithStatus({ xeroShortCode: refreshed?.xeroShortCode }, tab);
    expect(first.pairId).toBe(pair.id);
    expect(first.tab?.shown).toBeDefined();
    expect(held).toHaveBeenCalledTimes(1);
    // Meanwhile the tab's next reads go by what it said.
    expect((await service.handlers.getStatus({}, tab)).tab).toEqual(first.tab);
    release();
    await vi.waitFor(async () => expect(Object.keys((await fakeBrowser.storage.session.get('tabIdentities')).tabIdentities ?? {})).toContain('12'));
    expect((await service.handlers.getStatus({}, tab)).pairId).toBe(pair.id);
  });

  it('keeps a finding reviewed across a refresh, keyed by code, subject and message', async () => {
    const status = await service.handlers.getStatus({ pairId: pair.id }, extension);
    const target = status.findings.find((f) => f.severity === 'error');
    expect(target).toBeDefined();
    if (!target) return;
    expect(target.key).toBe(findingKey(target));
    await service.handlers.markReviewed({ findingKey: target.key, reviewed: true, pairId: pair.id }, extension);
    await service.refresher.refresh(pair, { full: false });
    const after = await service.handlers.getStatus({ pairId: pair.id }, extension);
    expect(after.findings.find((f) => f.key === target.key)?.reviewed).toBe(true);
    expect(after.findings.filter((f) => f.reviewed)).toHaveLength(1);
    // A changed message is a changed finding: the mark does not carry over.
    expect(findingKey({ ...target, message: `${target.message} (changed)` })).not.toBe(target.key);
  });

  it('re-audits when the Cin7 page sends the mapping, and the badge shows the tab pair’s errors', async () => {
    const before = await service.handlers.getStatus({ pairId: pair.id }, extension);
    const notRead = (s: Status) => s.findings.some((f) => f.code === 'MAPPING_UNKNOWN' && f.subject.kind === 'organisation');
    expect(notRead(before)).toBe(true);
    const rows = sandbox.snapshot().cin7?.mapping?.rows ?? [];
    const saved = await fromTab(3, 'https://inventory.dearsystems.com/AccountMapping', {
      mgAction: 'saveMapping',
      args: { rows, readAt: '2026-11-21T10:00:00Z', pairId: pair.id },
    });
    expect(saved).toMatchObject({ ok: true, result: { saved: true, pairId: pair.id } });
    const after = await service.handlers.getStatus({ pairId: pair.id }, extension);
    expect(notRead(after)).toBe(false);
    expect(after.findings.length).not.toBe(before.findings.length);
    expect(after.mappingReadAt).toBe('2026-11-21T10:00:00Z');

    await updateBadge(service, 3);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe(String(after.summary?.errors));

    // The saved mapping is what getMapping gives back, to a Cin7 tab as to the options page.
    const fromPage = await fromTab(3, 'https://inventory.dearsystems.com/ChartOfAccounts', { mgAction: 'getMapping', args: { host: 'cin7' } });
    expect(fromPage).toMatchObject({ ok: true, result: { pairId: pair.id, mapping: { readAt: '2026-11-21T10:00:00Z', rows } } });
  });

  it('keeps the mapping in its own store only: a refresh after a save stores no copy, and still audits it', async () => {
    const rows = sandbox.snapshot().cin7?.mapping?.rows ?? [];
    await service.handlers.saveMapping({ rows, readAt: '2026-11-21T10:00:00Z', pairId: pair.id }, extension);
    const saved = await service.handlers.getStatus({ pairId: pair.id }, extension);
    await service.refresher.refresh(pair, { full: false });
    expect((await service.data.getSnapshot(pair.id))?.snapshot.cin7).not.toHaveProperty('mapping');
    const after = await service.handlers.getStatus({ pairId: pair.id }, extension);
    expect(after.mappingReadAt).toBe('2026-11-21T10:00:00Z');
    expect(after.findings.map((f) => f.key)).toEqual(saved.findings.map((f) => f.key));
  });

  it('declared features make their roles required in the next audit', async () => {
    // Without a gift card row on the page, gift cards are not detected, so the role is not required...
    const rows = (sandbox.snapshot().cin7?.mapping?.rows ?? []).filter((row) => !/gift/i.test(row.label));
    await service.handlers.saveMapping({ rows, readAt: '2026-11-21T10:00:00Z', pairId: pair.id }, extension);
    const aboutGiftCards = (s: Status) => s.findings.filter((f) => f.subject.key === 'giftCardLiability');
    expect(aboutGiftCards(await service.handlers.getStatus({ pairId: pair.id }, extension))).toEqual([]);
    expect((await service.handlers.getFeatures({ pairId: pair.id }, extension)).detected.giftCards).toBe(false);
    // ...until the user declares the feature.
    await service.handlers.setFeatures({ giftCards: true, pairId: pair.id }, extension);
    expect((await service.handlers.getFeatures({ pairId: pair.id }, extension)).declared).toEqual({ giftCards: true });
    const after = aboutGiftCards(await service.handlers.getStatus({ pairId: pair.id }, extension));
    expect(after.map((f) => f.code)).toEqual(['MAPPING_UNKNOWN']);
  });

  it('refreshes stale data on a status request, but backs off after a failed attempt', async () => {
    const later = Date.now() + 7 * 3_600_000; // past the default 6-hour setting
    const stale = createBackgroundService({
      secrets: createSecretStore(`behaviour-secrets-${run}`),
      data: createPairDataStore(`behaviour-data-${run}`),
      redirectUrl: 'https://kgifakjijaobjokpdplikeiegeobjlem.chromiumapp.org/',
      launchWebAuthFlow: sandboxConsent(sandbox),
      fetch: sandboxFetch(sandbox),
      retryBaseMs: 1, // server errors are retried with backoff before the refresh gives up
      now: () => later,
    });
    sandbox.faults.set('serverErrors', { api: 'cin7' });
    try {
      await stale.handlers.getStatus({ pairId: pair.id }, extension);
      expect(stale.refresher.isRunning(pair.id)).toBe(true);
      await stale.refresher.refresh(pair); // joins the running one
      const failed = await stale.handlers.getStatus({ pairId: pair.id }, extension);
      expect(failed.lastError?.message).toMatch(/Cin7 Core answered with an error/);
      expect(stale.refresher.isRunning(pair.id)).toBe(false);
      const calls = sandbox.stats.totalApiCalls;
      await stale.handlers.getStatus({ pairId: pair.id }, extension);
      await stale.handlers.getStatus({ pairId: pair.id }, extension);
      expect(stale.refresher.isRunning(pair.id)).toBe(false);
      expect(sandbox.stats.totalApiCalls).toBe(calls);
    } finally {
      sandbox.faults.clear();
    }
  });

  it('never answers a content script with a secret', async () => {
    const replies = [
      await fromTab(3, 'https://inventory.dearsystems.com/', { mgAction: 'getStatus', args: { host: 'cin7' } }),
      await fromTab(3, 'https://inventory.dearsystems.com/', { mgAction: 'getConnections' }),
      await fromTab(3, 'https://inventory.dearsystems.com/', { mgAction: 'getDiagnostics' }),
    ];
    expect(replies[1]).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(replies[2]).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const accessToken = await service.xeroAuth.accessToken();
    const text = JSON.stringify(replies);
    expect(text).not.toContain(sandbox.cin7Credentials.applicationKey);
    expect(text).not.toContain(accessToken);
  });
});
