// Xero shows "connected" for a pair only while the pair's organisation is still granted: the grants (`/connections`)
// are read again at connect, when a refresh is asked for and before the alarm's refresh, and a pair whose tenant left
// the list needs a reconnect.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { recheckXeroTenants } from '@/utils/background/handlers/connections';
import { createPracticeQueue, readRun } from '@/utils/background/practice-queue';
import { pairsItem, xeroTenantsItem } from '@/utils/background/state';
import { readStatus } from '@/utils/background/status';
import { XERO_CONNECTIONS_URL } from '@/utils/xero/api/client';
import { fakeContext, pair, storedResult } from './fake-context';

const connection = (tenantId: string, tenantName: string) => ({
  id: `conn-${tenantId}`,
  tenantId,
  tenantType: 'ORGANISATION',
  tenantName,
  createdDateUtc: '2026-01-01T00:00:00',
  updatedDateUtc: '2026-01-01T00:00:00',
});

let fake: ReturnType<typeof fakeContext>;
let granted: ReturnType<typeof connection>[];
const fetchStub = vi.fn(async (url: string | URL | Request) => {
  if (String(url) !== XERO_CONNECTIONS_URL) return new Response('not here', { status: 404 });
  return new Response(JSON.stringify(granted), { status: 200, headers: { 'Content-Type': 'application/json' } });
});

beforeEach(async () => {
  fake = fakeContext();
  Object.assign(fake.ctx, { deps: { fetch: fetchStub } });
  Object.assign(fake.ctx.xeroAuth, { accessToken: async () => 'at' });
  fetchStub.mockClear();
  granted = [connection('ten', 'Acme Ltd')];
  await pairsItem.setValue([{ ...pair, xeroTenantName: 'Acme Ltd' }]);
  await xeroTenantsItem.setValue([{ tenantId: 'ten', tenantName: 'Acme Ltd', shortCode: '!Acme' }]);
});

describe('a pair’s Xero state', () => {
  it('is connected while its organisation is granted', async () => {
    expect((await readStatus(fake.ctx, pair)).connection).toEqual({ xero: 'connected', cin7: 'connected' });
  });

  it('needs a reconnect, with the reason, once the organisation left the grants', async () => {
    granted = [connection('someone-else', 'Other Ltd')];
    await recheckXeroTenants(fake.ctx);
    expect(fetchStub).toHaveBeenCalledTimes(1);
    expect(fake.ctx.statusChanged).toHaveBeenCalled();
    const { connection: state } = await readStatus(fake.ctx, { ...pair, xeroTenantName: 'Acme Ltd' });
    expect(state.xero).toBe('reconnect-needed');
    expect(state.xeroReason).toMatch(/Acme Ltd is no longer among the organisations Xero lets Mapping Guard read/);
  });

  it('keeps what a refresh learned (short code) when the grants are read again', async () => {
    await recheckXeroTenants(fake.ctx);
    expect(await xeroTenantsItem.getValue()).toEqual([{ tenantId: 'ten', tenantName: 'Acme Ltd', shortCode: '!Acme', connectionId: 'conn-ten' }]);
  });

  it('keeps the list when the grants cannot be read, and does not ask while signed out', async () => {
    fetchStub.mockImplementationOnce(async () => new Response('down', { status: 500 }));
    await recheckXeroTenants(fake.ctx);
    expect(await xeroTenantsItem.getValue()).toHaveLength(1);
    Object.assign(fake.ctx.xeroAuth, { state: async () => 'not-connected' });
    fetchStub.mockClear();
    await recheckXeroTenants(fake.ctx);
    expect(fetchStub).not.toHaveBeenCalled();
  });
});

describe('the scheduled refresh (alarm)', () => {
  beforeEach(async () => {
    await fake.store.putResult(pair.id, storedResult(7)); // due
  });
  // What the alarm calls (service.ts refreshDuePairs → the practice queue).
  const refreshDuePairs = (ctx: typeof fake.ctx) => createPracticeQueue(ctx).enqueueDue();

  it('reads the grants again first, and refreshes a pair whose organisation is still granted', async () => {
    await refreshDuePairs(fake.ctx);
    expect(fetchStub).toHaveBeenCalledTimes(1);
    expect(fake.refresher.refresh).toHaveBeenCalledWith(expect.objectContaining({ id: pair.id }), { full: false });
  });

  it('does not refresh a pair whose organisation left the grants; its status asks for a reconnect', async () => {
    granted = [connection('someone-else', 'Other Ltd')];
    await refreshDuePairs(fake.ctx);
    expect(fetchStub).toHaveBeenCalledTimes(1);
    expect(fake.refresher.refresh).not.toHaveBeenCalled();
    expect((await readStatus(fake.ctx, pair)).connection.xero).toBe('reconnect-needed');
    // The run says so, with the reason, rather than waiting for the pair.
    const run = await readRun();
    expect(run).toMatchObject({ skipped: [pair.id], pending: [] });
    expect(run?.finishedAt).toBeDefined();
    expect(run?.skipReasons?.[pair.id]).toMatch(/Acme Ltd is no longer among the organisations/);
  });

  it('asks Xero nothing when no pair is due', async () => {
    await fake.store.putResult(pair.id, storedResult(1));
    await refreshDuePairs(fake.ctx);
    expect(fetchStub).not.toHaveBeenCalled();
    expect(fake.refresher.refresh).not.toHaveBeenCalled();
  });
});
