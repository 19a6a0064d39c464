// @vitest-environment node
// A site the browser withholds makes every call to it fail like the network (Chromium: "TypeError: Failed to
// fetch"). The background must record why in words ("no access to <site>") and stop retrying; a real network failure
// with the site granted keeps its own words.
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Sandbox } from '../../../sandbox/index';
import { createPairDataStore } from '@/utils/background/results';
import { createSecretStore } from '@/utils/background/secrets';
import type { ActionContext } from '@/utils/protocol/server';
import { sandboxFetch } from '../background/sandbox-fetch';
import { connectedSandboxService, sandboxPerFile } from '../background/sandbox-service';
import { withholdInFakeBrowser } from './manifest';

const extension: ActionContext = { caller: 'extension' };
const currentSandbox = sandboxPerFile(1000);
let sandbox: Sandbox;
let run = 0;
let withheld: string[] = [];
let offline = false;
/** Every URL the browser was asked for while its site was withheld. */
let refused: string[] = [];

beforeAll(() => {
  sandbox = currentSandbox();
});
afterEach(() => {
  withheld = [];
  offline = false;
  refused = [];
  vi.restoreAllMocks();
});

/** The browser's fetch: a withheld site, or no network, fails before any answer. */
function browserFetch(): typeof fetch {
  const base = sandboxFetch(sandbox);
  return ((input: RequestInfo | URL, init?: RequestInit) => {
    const origin = new URL(String(input instanceof Request ? input.url : input)).origin;
    if (withheld.includes(`${origin}/*`)) refused.push(String(input instanceof Request ? input.url : input));
    if (offline || withheld.includes(`${origin}/*`)) return Promise.reject(new TypeError('Failed to fetch'));
    return base(input, init);
  }) as typeof fetch;
}

async function connected() {
  run++;
  return connectedSandboxService(sandbox, {
    secrets: createSecretStore(`access-secrets-${run}`),
    data: createPairDataStore(`access-data-${run}`),
    fetch: browserFetch(),
    retryBaseMs: 1,
  });
}

describe('an API call to a site the browser withholds', () => {
  it('Cin7 Core: the refresh records "no access to Cin7 Core", without retrying', async () => {
    await withholdInFakeBrowser(() => withheld);
    const { service, pair } = await connected();
    withheld = ['https://inventory.dearsystems.com/*'];
    await service.refresher.refresh(pair, { full: true });
    const status = await service.handlers.getStatus({ pairId: pair.id }, extension);
    expect(status.lastError?.message).toBe('Mapping Guard has no access to Cin7 Core (inventory.dearsystems.com): grant it from the popup.');
    expect(status.lastError?.detail).toMatch(/Failed to fetch/);
    // No retry with backoff: each URL asked for once (retries would repeat them).
    expect(refused.length).toBeGreaterThan(0);
    expect(new Set(refused).size).toBe(refused.length);
  });

  it('Xero API: the refresh records "no access to the Xero API"', async () => {
    await withholdInFakeBrowser(() => withheld);
    const { service, pair } = await connected();
    withheld = ['https://api.xero.com/*'];
    await service.refresher.refresh(pair, { full: true });
    const status = await service.handlers.getStatus({ pairId: pair.id }, extension);
    expect(status.lastError?.message).toBe('Mapping Guard has no access to the Xero API (api.xero.com): grant it from the popup.');
    expect(new Set(refused).size).toBe(refused.length);
  });

  it('Xero sign-in: a token renewal that cannot reach identity.xero.com says so, and the connection stays', async () => {
    await withholdInFakeBrowser(() => withheld);
    const { service, pair } = await connected();
    await service.refresher.refresh(pair, { full: true });
    sandbox.faults.set('expireAccessTokens', true);
    withheld = ['https://identity.xero.com/*'];
    await service.refresher.refresh(pair, { full: true });
    const status = await service.handlers.getStatus({ pairId: pair.id }, extension);
    expect(status.lastError?.message).toBe('Mapping Guard has no access to Xero sign-in (identity.xero.com): grant it from the popup.');
    expect(status.connection.xero).toBe('connected');
    expect(refused.some((url) => url.startsWith('https://identity.xero.com/'))).toBe(true);
  });

  it('with every site granted, a network failure keeps its own words', async () => {
    const contains = await withholdInFakeBrowser(() => withheld);
    const { service, pair } = await connected();
    offline = true;
    await service.refresher.refresh(pair, { full: true });
    const status = await service.handlers.getStatus({ pairId: pair.id }, extension);
    expect(status.lastError?.message).toMatch(/^Could not reach (Cin7 Core|Xero); check the internet connection\.$/);
    expect(contains).toHaveBeenCalled();
  });
});
