// @vitest-environment node
// Issue #15 through the sandbox's fault switches, over real HTTP: a stalled answer (no headers, or a body that never
// ends) ends in time with an error in words; the token endpoint's passing errors (429, `invalid_request`) keep the
// Xero connection and its tokens, say so, and back off instead of asking again on every API call.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../sandbox/index';
import { createPairDataStore } from '@/utils/background/results';
import { createSecretStore } from '@/utils/background/secrets';
import { Cin7Client } from '@/utils/cin7/api/client';
import { XeroClient } from '@/utils/xero/api/client';
import { TOKEN_BACKOFF_BASE_MS } from '@/utils/xero/api/token-backoff';
import type { ActionContext } from '@/utils/protocol/server';
import { sandboxFetch } from './sandbox-fetch';
import { connectedSandboxService, sandboxPerFile } from './sandbox-service';

const extension: ActionContext = { caller: 'extension' };
const currentSandbox = sandboxPerFile(1000);
let sandbox: Sandbox;
let run = 0;

beforeAll(() => {
  sandbox = currentSandbox();
});

const calls = (endpoint: string) => sandbox.stats.calls[endpoint] ?? 0;

describe.each(['stallHeaders', 'stallBody'] as const)('a stalled answer (%s)', (fault) => {
  it('Cin7: each try ends at the time limit, then the call fails with an error in words; the next call works', async () => {
    sandbox.faults.set(fault, { api: 'cin7' });
    const client = new Cin7Client(sandbox.cin7Credentials, { fetch: sandboxFetch(sandbox), timeoutMs: 300, retryBaseMs: 1, maxRetries: 1 });
    const before = calls('cin7 GET me');
    const started = Date.now();
    await expect(client.me()).rejects.toMatchObject({ code: 'network', message: expect.stringMatching(/Could not reach Cin7 Core/) });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(calls('cin7 GET me') - before).toBe(2);
    sandbox.faults.clear(fault);
    expect((await client.me()).Company).toBeTruthy();
  });

  it('Xero: the same, through the real token', async () => {
    const { service, pair } = await connectedService();
    sandbox.faults.set(fault, { api: 'xero', times: 1 });
    const client = new XeroClient(pair.xeroTenantId, service.xeroAuth, { fetch: sandboxFetch(sandbox), timeoutMs: 300, retryBaseMs: 1, maxRetries: 1 });
    // One stalled try, then the retry is answered.
    expect((await client.organisation()).Name).toBeTruthy();
    sandbox.faults.set(fault, { api: 'xero' });
    await expect(client.organisation()).rejects.toMatchObject({ code: 'network' });
  });

  it('a refresh stuck on it ends by its deadline with the error recorded in words; the previous findings stay', async () => {
    const { service, pair } = await connectedService({ refreshDeadlineMs: 1500 });
    await service.refresher.refresh(pair, { full: true });
    const kept = await service.handlers.getStatus({ pairId: pair.id }, extension);
    expect(kept.summary).toBeTruthy();
    sandbox.faults.set(fault, true);
    const started = Date.now();
    await service.refresher.refresh(pair, { full: true });
    expect(Date.now() - started).toBeLessThan(5_000);
    const status = await service.handlers.getStatus({ pairId: pair.id }, extension);
    expect(status.lastError?.message).toMatch(/did not finish within 2 s and was stopped/);
    expect(status.summary).toEqual(kept.summary);
    expect(status.refreshing ?? null).toBeNull();
  }, 15_000);
});

describe('the token endpoint answering a passing error', () => {
  it.each([
    ['429', 'tokenRateLimited', /slow down/],
    ['400 invalid_request', 'tokenInvalidRequest', /did not renew Mapping Guard’s access just now/],
  ] as const)('%s: the connection and its tokens stay, the error says so, and no renewal is asked for until the pause ends', async (_what, fault, words) => {
    const clock = { value: Date.now() };
    const { service, pair } = await connectedService({ now: () => clock.value });
    await service.refresher.refresh(pair, { full: true });
    sandbox.faults.set('expireAccessTokens', true);
    sandbox.faults.set(fault, true);
    const asked = calls('identity POST token');
    await service.refresher.refresh(pair, { full: true });
    let status = await service.handlers.getStatus({ pairId: pair.id }, extension);
    expect(status.connection.xero).toBe('connected');
    expect(status.lastError?.message).toMatch(words);
    expect(status.summary).toBeTruthy();
    // One token request for the whole refresh (its Xero calls share it), and none on a refresh during the pause.
    expect(calls('identity POST token') - asked).toBe(1);
    await service.refresher.refresh(pair, { full: true });
    expect(calls('identity POST token') - asked).toBe(1);
    // The pause over and the endpoint well again: the same tokens renew, with no new consent.
    sandbox.faults.clear(fault);
    clock.value += Math.max(TOKEN_BACKOFF_BASE_MS, 60_000) + 1000;
    await service.refresher.refresh(pair, { full: true });
    status = await service.handlers.getStatus({ pairId: pair.id }, extension);
    expect(status.connection.xero).toBe('connected');
    expect(status.lastError).toBeUndefined();
    expect(calls('identity POST token') - asked).toBe(2);
  }, 20_000);
});

function connectedService(options: { refreshDeadlineMs?: number; now?: () => number } = {}) {
  run++;
  return connectedSandboxService(sandbox, { secrets: createSecretStore(`faults-secrets-${run}`), data: createPairDataStore(`faults-data-${run}`), retryBaseMs: 1, ...options });
}
