// @vitest-environment node
// A refresh whose document details would run past its deadline (issue #14 review): the details take only the time
// the lists left, so the lists fetched are stored and audited, and the documents not fetched wait for the next refresh.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPairDataStore } from '@/utils/background/results';
import { createSecretStore } from '@/utils/background/secrets';
import { Cin7Client } from '@/utils/cin7/api/client';
import type { ActionContext } from '@/utils/protocol/server';
import { connectedSandboxService, sandboxPerFile } from './sandbox-service';

const extension: ActionContext = { caller: 'extension' };
const currentSandbox = sandboxPerFile(1000);

afterEach(() => vi.restoreAllMocks());

describe('a refresh with more documents than time', () => {
  it('stores the lists it fetched, with no deadline error, and says which documents wait', async () => {
    const data = createPairDataStore('documents-deadline-data');
    const { service, pair } = await connectedSandboxService(currentSandbox(), { secrets: createSecretStore('documents-deadline-secrets'), data, retryBaseMs: 1, refreshDeadlineMs: 4000 });
    // A detail that would take longer than the refresh has (a big account waiting out Cin7's rate limit).
    vi.spyOn(Cin7Client.prototype, 'sale').mockImplementation(() => new Promise(() => undefined));
    vi.spyOn(Cin7Client.prototype, 'purchase').mockImplementation(() => new Promise(() => undefined));
    await service.refresher.refresh(pair, { full: true });
    const stored = await data.getSnapshot(pair.id);
    expect(stored?.snapshot.cin7?.accounts?.length).toBeGreaterThan(0);
    expect(stored?.fetched['cin7.sales']).toBeTruthy();
    const status = await service.handlers.getStatus({ pairId: pair.id }, extension);
    expect(status.lastError).toBeUndefined();
    expect(status.summary).toBeTruthy();
    const result = await data.getResult(pair.id);
    expect(result?.audit.coverage.find((entry) => entry.check === 'documents-pending')?.reason).toMatch(/sales and purchases in the window are not checked yet/);
  }, 20_000);
});
