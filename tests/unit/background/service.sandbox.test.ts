// @vitest-environment node
// The background service end to end against the sandbox (real HTTP, real OAuth + PKCE, real rate limits with a short
// window): connect, save keys, refresh, audit; incremental refresh; storms; token expiry and revocation.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Sandbox } from '../../../sandbox/index';
import { audit } from '@/utils/audit';
import { localDay } from '@/utils/background/refresher';
import { createPairDataStore } from '@/utils/background/results';
import { createSecretStore } from '@/utils/background/secrets';
import { createBackgroundService, type BackgroundService } from '@/utils/background/service';
import type { ActionContext } from '@/utils/protocol/server';
import type { Pair } from '@/utils/protocol/shapes';
import { sandboxConsent, sandboxFetch } from './sandbox-fetch';
import { connectedSandboxService, sandboxPerFile } from './sandbox-service';

const extension: ActionContext = { caller: 'extension' };
const WINDOW_MS = 1000;
const currentSandbox = sandboxPerFile(WINDOW_MS);
let sandbox: Sandbox;
let run = 0;

beforeAll(() => {
  sandbox = currentSandbox();
});

function connectedService(): Promise<{ service: BackgroundService; pair: Pair }> {
  run++;
  return connectedSandboxService(sandbox, { secrets: createSecretStore(`svc-secrets-${run}`), data: createPairDataStore(`svc-data-${run}`) });
}

/** Findings by code and subject: the refresh fetches the sales and purchases that can still sync, so they count too. */
const comparable = (findings: { code: string; subject: { kind: string; key: string } }[]) =>
  findings.map((f) => `${f.code} ${f.subject.kind} ${f.subject.key}`);

describe('background service against the sandbox', () => {
  it('a full disk keeps this refresh’s findings and says what to do (the snapshot alone is not kept)', async () => {
    run++;
    const data = createPairDataStore(`svc-data-full-${run}`);
    data.putSnapshot = () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const service = createBackgroundService({
      secrets: createSecretStore(`svc-secrets-full-${run}`),
      data,
      redirectUrl: 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/',
      launchWebAuthFlow: sandboxConsent(sandbox),
      fetch: sandboxFetch(sandbox),
    });
    await service.handlers.setXeroClientId({ clientId: sandbox.xeroClientId }, extension);
    await service.handlers.connectXero(undefined, extension);
    await service.handlers.saveCin7Credentials(sandbox.cin7Credentials, extension);
    const pair = (await service.handlers.listPairs(undefined, extension)).pairs[0] as Pair;
    await service.refresher.refresh(pair, { full: true });
    const status = await service.handlers.getStatus({ pairId: pair.id }, extension);
    expect(status.findings.length).toBeGreaterThan(5);
    expect(status.lastError?.message).toMatch(/no room left to store.*Free some disk space/);
    expect(status.lastError?.message).not.toMatch(/Something went wrong/);
  });


  it('connects, refreshes, audits: the same findings as the sandbox data audited directly', async () => {
    const { service, pair } = await connectedService();
    const connections = await service.handlers.getConnections(undefined, extension);
    expect(connections.xero.state).toBe('connected');
    expect(connections.cin7.state).toBe('connected');
    expect(JSON.stringify(connections)).not.toContain(sandbox.cin7Credentials.applicationKey);

    const truth = sandbox.snapshot();
    await service.handlers.saveMapping({ rows: truth.cin7?.mapping?.rows ?? [], readAt: '2026-11-21T00:00:00Z' }, extension);
    await service.refresher.refresh(pair, { full: true });
    const status = await service.handlers.getStatus({ pairId: pair.id }, { caller: 'content', app: 'cin7', tabId: 1 });

    expect(status.lastError).toBeUndefined();
    expect(status.connection).toEqual({ xero: 'connected', cin7: 'connected' });
    const expected = audit(truth, { today: localDay(Date.now()) });
    expect(comparable(status.findings)).toEqual(comparable(expected.findings));
    expect(comparable(status.findings).length).toBeGreaterThan(10);
    expect(status.summary?.errors).toBeGreaterThan(0);
    expect(JSON.stringify(status)).not.toMatch(new RegExp(sandbox.cin7Credentials.applicationKey));
  });

  it('an incremental refresh makes one call per list when nothing changed', async () => {
    const { service, pair } = await connectedService();
    await service.refresher.refresh(pair, { full: true });
    const before = sandbox.stats.snapshot();
    await service.refresher.refresh(pair, { full: false });
    const after = sandbox.stats.snapshot();
    const calls = totalCalls(after) - totalCalls(before);
    // me, 5 Cin7 lists, the sale and purchase lists, organisation, 5 Xero lists: nothing changed, one call each (no
    // document is fetched again: none changed)
    expect(calls).toBe(14);
  });

  it('a full refresh asked for during an incremental one runs after it instead of being merged into it', async () => {
    const { service, pair } = await connectedService();
    await service.refresher.refresh(pair, { full: true });
    const before = sandbox.stats.snapshot();
    const incremental = service.refresher.refresh(pair, { full: false });
    const full = service.refresher.refresh(pair, { full: true });
    expect(service.refresher.refresh(pair, { full: true })).toBe(full); // asked twice, queued once
    await Promise.all([incremental, full]);
    const after = sandbox.stats.snapshot();
    const calls = totalCalls(after) - totalCalls(before);
    // Two refreshes of 14 calls each (this scenario's lists fit one page); merged, it would be 14.
    expect(calls).toBe(14 + 14);
    expect(service.refresher.isRunning(pair.id)).toBe(false);
  });

  it('an incremental refresh picks up records changed since the last one', async () => {
    const { service, pair } = await connectedService();
    await service.refresher.refresh(pair, { full: true });
    const product = sandbox.snapshot().cin7?.products?.[0];
    const account = sandbox.snapshot().xero?.accounts?.find((a) => a.Code);
    expect(product && account).toBeTruthy();
    sandbox.store.modifyCin7('products', product?.ID ?? '', { COGSAccount: '9999' });
    sandbox.store.modifyXeroAccount(account?.Code ?? '', { Name: 'Renamed by the test' });
    const before = sandbox.stats.snapshot();
    await service.refresher.refresh(pair, { full: false });
    const after = sandbox.stats.snapshot();
    const stored = await service.data.getSnapshot(pair.id);
    expect(stored?.snapshot.cin7?.products?.find((p) => p.SKU === product?.SKU)?.COGSAccount).toBe('9999');
    expect(stored?.snapshot.cin7?.products).toHaveLength(sandbox.snapshot().cin7?.products?.length ?? -1);
    expect(stored?.snapshot.xero?.accounts?.find((a) => a.Code === account?.Code)?.Name).toBe('Renamed by the test');
    expect(stored?.snapshot.xero?.accounts).toHaveLength(sandbox.snapshot().xero?.accounts?.length ?? -1);
    expect(totalCalls(after) - totalCalls(before)).toBe(14);
  });

  it('survives a rate-limit storm with nothing lost', async () => {
    const { service, pair } = await connectedService();
    // Cin7 with 429 + Retry-After here (its 503 without Retry-After backs off for seconds: cin7-api.test.ts).
    sandbox.faults.set('cin7RateLimitStatus', 429);
    sandbox.faults.set('rateLimitStorm', { times: 8 });
    const throttledBefore = sandbox.stats.sent429;
    await service.refresher.refresh(pair, { full: true });
    expect(sandbox.stats.sent429 - throttledBefore).toBe(8);
    const status = await service.handlers.getStatus({ pairId: pair.id }, extension);
    expect(status.lastError).toBeUndefined();
    const stored = await createPairDataStore(`svc-data-${run}`).getSnapshot(pair.id);
    expect(stored?.snapshot.cin7?.products).toHaveLength(sandbox.snapshot().cin7?.products?.length ?? -1);
    expect(stored?.snapshot.xero?.accounts).toHaveLength(sandbox.snapshot().xero?.accounts?.length ?? -1);
  }, 20_000);

  it('handles an expired access token silently', async () => {
    const { service, pair } = await connectedService();
    sandbox.faults.set('expireAccessTokens', true);
    await service.refresher.refresh(pair, { full: true });
    const status = await service.handlers.getStatus({ pairId: pair.id }, extension);
    expect(status.lastError).toBeUndefined();
    expect(status.connection.xero).toBe('connected');
  });

  it('a revoked refresh token leads to the reconnect state', async () => {
    const { service, pair } = await connectedService();
    sandbox.faults.set('revokeRefreshTokens', true);
    sandbox.faults.set('expireAccessTokens', true);
    await service.refresher.refresh(pair, { full: true });
    const status = await service.handlers.getStatus({ pairId: pair.id }, extension);
    expect(status.connection.xero).toBe('reconnect-needed');
    expect(status.lastError?.message).toMatch(/reconnect Xero/);
  });

  it('keeps the Cin7 Account ID where content scripts cannot read it: not in storage.local, not in the pair id', async () => {
    const { service, pair } = await connectedService();
    const learned = await service.handlers.pageRecognised(
      { page: 'accountMapping' },
      { caller: 'content', app: 'cin7', tabId: 3, tabUrl: 'https://inventory.dearsystems.com/Settings#AccountMapping' },
    );
    expect(learned).toEqual({ stored: true }); // learned pages are kept per Account ID
    const { accountId } = sandbox.cin7Credentials;
    expect(pair.cin7AccountId).toBe(accountId); // extension pages still see it
    expect(pair.id).toMatch(/^pair-[0-9a-f]{24}$/);
    const status = await service.handlers.getStatus({ pairId: pair.id }, extension);
    expect(JSON.stringify(status)).not.toContain(accountId);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(accountId);
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toContain(accountId);
  });

  it('checks Cin7 keys with GET me before saving them', async () => {
    const { service } = await connectedService();
    await expect(
      service.handlers.saveCin7Credentials({ accountId: 'wrong', applicationKey: 'nope' }, extension),
    ).rejects.toMatchObject({ code: 'cin7-credentials' });
    const tested = await service.handlers.testCin7({ accountId: 'wrong', applicationKey: 'nope' }, extension);
    expect(tested.ok).toBe(false);
    expect(tested.error?.message).toMatch(/Cin7 Core refused/);
  });
});

function totalCalls(stats: ReturnType<Sandbox['stats']['snapshot']>): number {
  const counts = (stats as { calls?: Record<string, number> }).calls ?? {};
  return Object.entries(counts)
    .filter(([name]) => name.startsWith('cin7 ') || name.startsWith('xero '))
    .reduce((sum, [, n]) => sum + n, 0);
}
