// @vitest-environment node
// Issue #17: an incremental refresh notices records that no longer exist, so their findings disappear: a deprecated
// Cin7 product comes back with its Status when the incremental read asks with IncludeDeprecated, and a product
// deleted outright is swept out by the list's full re-read once the last full read is a day old.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPairDataStore } from '@/utils/background/results';
import { createSecretStore } from '@/utils/background/secrets';
import { LIST_SWEEP_EVERY_MS } from '@/utils/background/snapshot';
import { connectedSandboxService, sandboxPerFile } from './sandbox-service';

const sandboxOf = sandboxPerFile(300);
beforeEach(() => fakeBrowser.reset());

let run = 0;
async function refreshedBroken(clock: { now: number }) {
  run++;
  const data = createPairDataStore(`deletions-data-${run}`);
  const { service, pair } = await connectedSandboxService(sandboxOf(), { secrets: createSecretStore(`deletions-secrets-${run}`), data, now: () => clock.now });
  await service.refresher.refresh(pair, { full: true });
  const productFindings = async () =>
    ((await data.getResult(pair.id))?.audit.findings ?? []).filter((f) => f.subject.kind === 'product').map((f) => f.subject.key);
  return { service, pair, data, productFindings };
}

describe('deleted and deprecated records', () => {
  it('drops a product deprecated since the last read, and its findings, on an incremental refresh', async () => {
    const clock = { now: Date.now() };
    const { service, pair, data, productFindings } = await refreshedBroken(clock);
    const [sku] = await productFindings();
    expect(sku).toBeDefined();
    const product = sandboxOf().store.cin7.products.find((p) => p.SKU === sku);
    sandboxOf().store.modifyCin7('products', String(product?.ID), { Status: 'Deprecated' });
    const callsBefore = sandboxOf().stats.callsTo('cin7 GET product');
    clock.now = Date.now();
    await service.refresher.refresh(pair);
    expect(sandboxOf().stats.callsTo('cin7 GET product') - callsBefore).toBe(1); // incremental: one page
    expect((await data.getSnapshot(pair.id))?.snapshot.cin7?.products?.some((p) => p.SKU === sku)).toBe(false);
    expect(await productFindings()).not.toContain(sku);
    sandboxOf().store.modifyCin7('products', String(product?.ID), { Status: 'Active' });
  }, 60_000);

  it('sweeps out a product deleted outright once the list was last read in full a day ago', async () => {
    const clock = { now: Date.now() };
    const { service, pair, data, productFindings } = await refreshedBroken(clock);
    const [sku] = await productFindings();
    const store = sandboxOf().store;
    const product = store.cin7.products.find((p) => p.SKU === sku);
    store.deleteCin7('products', String(product?.ID));
    try {
      // Within the day an incremental read cannot see it (no tombstone)…
      clock.now = Date.now();
      await service.refresher.refresh(pair);
      expect((await data.getSnapshot(pair.id))?.snapshot.cin7?.products?.some((p) => p.SKU === sku)).toBe(true);
      // …the next refresh after a day reads the list in full again, and it is gone with its findings.
      clock.now = Date.now() + LIST_SWEEP_EVERY_MS;
      await service.refresher.refresh(pair);
      expect((await data.getSnapshot(pair.id))?.snapshot.cin7?.products?.some((p) => p.SKU === sku)).toBe(false);
      expect(await productFindings()).not.toContain(sku);
    } finally {
      if (product) store.addCin7('products', product);
    }
  }, 60_000);
});
