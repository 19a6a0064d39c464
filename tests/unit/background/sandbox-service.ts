// The background service against one sandbox per test file: the hooks that start it (with a short rate-limit window
// matched by the clients' queues) and reset its faults per test, and a service connected to both of its apps.
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox/index';
import { createBackgroundService, type BackgroundService, type ServiceDeps } from '@/utils/background/service';
import { cin7Queues } from '@/utils/cin7/api/client';
import type { ActionContext } from '@/utils/protocol/server';
import type { Pair } from '@/utils/protocol/shapes';
import { xeroQueues } from '@/utils/xero/api/client';
import { sandboxConsent, sandboxFetch } from './sandbox-fetch';

const extension: ActionContext = { caller: 'extension' };

/** Registers the file's hooks; the returned getter gives the running sandbox. */
export function sandboxPerFile(windowMs: number): () => Sandbox {
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox({ scenario: 'broken', port: 0, rateLimitWindowMs: windowMs, singleTenant: true });
  });
  afterAll(() => sandbox?.close());
  beforeEach(() => {
    sandbox?.faults.clear();
    sandbox?.resetRateLimits();
    cin7Queues.configure({ perWindow: 60, windowMs });
    xeroQueues.configure({ perWindow: 60, windowMs });
  });
  return () => {
    if (!sandbox) throw new Error('the sandbox has not started');
    return sandbox;
  };
}

/** A service with both apps connected through the sandbox (consent page, keys), and its one pair. */
export async function connectedSandboxService(
  sandbox: Sandbox,
  deps: Pick<ServiceDeps, 'secrets' | 'data'> & Partial<ServiceDeps>,
): Promise<{ service: BackgroundService; pair: Pair }> {
  const service = createBackgroundService({
    redirectUrl: 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/',
    launchWebAuthFlow: sandboxConsent(sandbox),
    fetch: sandboxFetch(sandbox),
    ...deps,
  });
  const { handlers } = service;
  await handlers.setXeroClientId({ clientId: sandbox.xeroClientId }, extension);
  await handlers.connectXero(undefined, extension);
  await handlers.saveCin7Credentials(sandbox.cin7Credentials, extension);
  const { pairs } = await handlers.listPairs(undefined, extension);
  expect(pairs).toHaveLength(1);
  return { service, pair: pairs[0] as Pair };
}
