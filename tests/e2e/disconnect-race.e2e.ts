// Issue #15 item 6 end to end: Disconnect pressed (options page, a real click) while a refresh runs and renews the
// Xero token. Afterwards no Xero token is stored again, nothing that refresh fetched is stored, Xero shows not
// connected, and the sandbox's grant is revoked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusSchema, type Status } from '../../utils/protocol/shapes';
import { connectBothApps } from './connect-apps.ts';
import { launchExtension, type ExtensionSession } from './harness.ts';

let session: ExtensionSession;

async function status(): Promise<Status> {
  const reply = (await session.sendFromExtensionPage({ mgAction: 'getStatus' })) as { ok: boolean; result: unknown };
  expect(reply.ok).toBe(true);
  return statusSchema.parse(reply.result);
}

async function until(test: (current: Status) => boolean, what: string, timeoutMs = 60_000): Promise<Status> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = await status();
    if (test(current)) return current;
    if (Date.now() > deadline) throw new Error(`${what}: ${JSON.stringify(current).slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** What the worker has stored: whether a Xero token is there, and the stored data's times (read in the worker). */
function stored(): Promise<{ xeroToken: boolean; result: string | null; snapshot: string | null }> {
  return session.evalInServiceWorker(async () => {
    type Service = {
      xeroAuth: { state(): Promise<string> };
      data: { getResult(id: string): Promise<unknown>; getSnapshot(id: string): Promise<{ fetched?: unknown; fetchedAt?: unknown } | undefined> };
      resolvePair(context: { caller: 'extension' }): Promise<{ id: string } | undefined>;
    };
    const mg = (globalThis as unknown as { mappingGuard: { service: Service } }).mappingGuard;
    const pair = await mg.service.resolvePair({ caller: 'extension' });
    const result = (await mg.service.data.getResult(pair?.id ?? '')) as { fetchedAt?: unknown; fetched?: unknown } | undefined;
    const snapshot = await mg.service.data.getSnapshot(pair?.id ?? '');
    return {
      xeroToken: (await mg.service.xeroAuth.state()) !== 'not-connected',
      result: result ? JSON.stringify({ fetchedAt: result.fetchedAt, fetched: result.fetched }) : null,
      snapshot: snapshot ? JSON.stringify(snapshot).length.toString() + JSON.stringify({ fetched: snapshot.fetched, fetchedAt: snapshot.fetchedAt }) : null,
    };
  });
}

beforeAll(async () => {
  session = await launchExtension({ scenario: 'broken' });
  await connectBothApps(session);
});

afterAll(async () => {
  await session?.close();
});

describe('Disconnect during a refresh', () => {
  it('sticks: no token written back, nothing fetched stored, Xero not connected, the grant revoked', async () => {
    // A first refresh gives stored data to compare with; then wait until nothing runs.
    await session.sendFromExtensionPage({ mgAction: 'refresh', args: { full: true } });
    await until((current) => Boolean(current.summary) && !current.refreshing, 'the first refresh never ended', 120_000);
    const before = await stored();
    expect(before.xeroToken).toBe(true);

    // A slow refresh that must renew the Xero token on its way.
    const { sandbox } = session;
    sandbox.faults.set('slowMs', 700);
    sandbox.faults.set('expireAccessTokens', true);
    const options = await session.openOptions();
    const disconnect = options.getByRole('button', { name: 'Disconnect Xero' });
    await disconnect.waitFor({ timeout: 20_000 });
    expect(await session.sendFromExtensionPage({ mgAction: 'refresh', args: { full: true } })).toMatchObject({ ok: true, result: { started: true } });
    await until((current) => Boolean(current.refreshing), 'the refresh never showed progress', 10_000);
    await disconnect.click();
    await options.getByRole('button', { name: /^(Reconnect|Connect) Xero$/ }).waitFor({ timeout: 30_000 });
    const atDisconnect = await stored();
    expect(atDisconnect.xeroToken).toBe(false);
    expect(sandbox.stats.calls['identity POST revocation'] ?? 0).toBeGreaterThan(0);

    // The refresh ends (it cannot reach Xero any more); give late answers time to land.
    await until((current) => !current.refreshing, 'the refresh kept running', 60_000);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const after = await stored();
    expect(after.xeroToken).toBe(false);
    expect(after.snapshot).toBe(before.snapshot);
    expect(after.result).toBe(before.result);
    const final = await status();
    expect(final.connection.xero).toBe('not-connected');
    sandbox.faults.clear();
  }, 240_000);
});
