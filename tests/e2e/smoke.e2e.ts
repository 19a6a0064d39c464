// Smoke tests: the production build in real Chromium, against the sandbox on the real hostnames.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../../scripts/lib/build-extension.ts';
import { connectionsSchema, statusSchema } from '../../utils/protocol/shapes';
import { launchExtension, waitForOverlayPanel, type ExtensionSession } from './harness.ts';

let session: ExtensionSession;

beforeAll(async () => {
  session = await launchExtension({ scenario: 'broken' });
});

afterAll(async () => {
  await session?.close();
});

describe('smoke: the production build in Chromium', () => {
  it('loads the extension from .output/chrome-mv3 with its production manifest', async () => {
    const builtManifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
      name: string;
      version: string;
    };
    expect(session.extensionId).toMatch(/^[a-p]{32}$/);
    const loaded = await session.evalInServiceWorker((ext) => {
      const manifest = ext.runtime.getManifest();
      return { name: manifest.name, version: manifest.version, id: ext.runtime.id };
    });
    expect(loaded).toEqual({ name: builtManifest.name, version: builtManifest.version, id: session.extensionId });
  });

  it('has a service worker that answers a protocol message from an extension page', async () => {
    const reply = (await session.sendFromExtensionPage({ mgAction: 'getStatus' })) as { ok: boolean; result?: unknown };
    expect(reply.ok).toBe(true);
    const status = statusSchema.parse(reply.result);
    expect(status.connection.xero).toBe('not-connected');

    const refused = (await session.sendFromExtensionPage({ mgAction: 'fetchAnyUrl', args: { url: 'https://example.com' } })) as {
      ok: boolean;
      error?: { code?: string };
    };
    expect(refused).toMatchObject({ ok: false, error: { code: 'unknown-action' } });
  });

  it('opens the popup without page errors', async () => {
    const errors: string[] = [];
    const page = await session.context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await page.getByRole('heading').first().waitFor({ state: 'visible' });
    expect(await page.title()).toMatch(/mapping guard/i);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reaches the sandbox at the real Xero hostname from the service worker', async () => {
    // Unauthenticated: the sandbox's Xero API must answer 401 itself (no network exists beyond it).
    const anonymous = await session.evalInServiceWorker(async () => {
      const response = await fetch('https://api.xero.com/connections');
      return { status: response.status, url: response.url };
    });
    expect(anonymous).toEqual({ status: 401, url: 'https://api.xero.com/connections' });
  });

  it('connects Xero through the sandbox consent page; the worker then calls api.xero.com with its token', async () => {
    const tokenCallsBefore = session.sandbox.stats.calls['identity POST token'] ?? 0;
    const connectionCallsBefore = session.sandbox.stats.calls['xero GET connections'] ?? 0;
    await session.connectXero();
    const reply = (await session.sendFromExtensionPage({ mgAction: 'getConnections' })) as { ok: boolean; result?: unknown };
    expect(reply.ok).toBe(true);
    const connections = connectionsSchema.parse(reply.result);
    expect(connections.xero.state).toBe('connected');
    // The code was exchanged at identity.xero.com, then GET https://api.xero.com/connections (bearer token) listed
    // the organisation granted on the consent page: the sandbox's, by id.
    expect(session.sandbox.stats.calls['identity POST token'] ?? 0).toBeGreaterThan(tokenCallsBefore);
    expect(session.sandbox.stats.calls['xero GET connections'] ?? 0).toBeGreaterThan(connectionCallsBefore);
    const granted = session.sandbox.connections().map((connection) => connection.tenantId);
    expect(connections.xero.tenants.map((tenant) => tenant.tenantId)).toEqual(granted);
    expect(granted).toEqual([session.sandbox.tenants[0]?.tenantId]);
  });

  it('mounts a Mapping Guard panel on the sandbox Cin7 Core page at https://inventory.dearsystems.com/', async () => {
    const page = await session.page('https://inventory.dearsystems.com/');
    expect(new URL(page.url()).host).toBe('inventory.dearsystems.com');
    await waitForOverlayPanel(page);
    await page.close();
  });
});
