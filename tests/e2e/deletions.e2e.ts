// Issue #17 in real Chromium: a Cin7 Core product deprecated in the sandbox after the last read disappears, with its
// findings, after an incremental refresh (the read asks with IncludeDeprecated; one page of products). The sweep of
// products deleted outright, which needs a day to pass, is checked against the same sandbox with a clock
// (tests/unit/background/deletions.sandbox.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusSchema, type Status } from '../../utils/protocol/shapes';
import { connectBothApps } from './connect-apps.ts';
import { launchExtension, type ExtensionSession } from './harness.ts';

let session: ExtensionSession;

async function status(): Promise<Status> {
  const reply = (await session.sendFromExtensionPage({ mgAction: 'getStatus', args: { host: 'cin7' } })) as { ok: boolean; result: unknown };
  expect(reply.ok).toBe(true);
  return statusSchema.parse(reply.result);
}

async function settled(test: (current: Status) => boolean = () => true): Promise<Status> {
  let current = await status();
  for (const deadline = Date.now() + 90_000; !(current.summary && !current.refreshing && test(current)); current = await status()) {
    if (Date.now() > deadline) throw new Error(`the refresh never settled: ${JSON.stringify(current).slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return current;
}

const productKeys = (current: Status) => current.findings.filter((finding) => finding.subject.kind === 'product').map((finding) => finding.subject.key);

beforeAll(async () => {
  session = await launchExtension({ scenario: 'broken' });
  await connectBothApps(session);
});

afterAll(async () => {
  await session?.close();
});

describe('a record gone from Cin7 Core', () => {
  it('a product deprecated since the last read disappears with its findings after an incremental refresh', async () => {
    const before = await settled();
    const sku = productKeys(before)[0];
    expect(sku, 'the broken scenario has a finding about a product').toBeDefined();
    const { store, stats } = session.sandbox;
    const product = store.cin7.products.find((candidate) => candidate.SKU === sku);
    expect(product).toBeDefined();
    store.modifyCin7('products', String(product!.ID), { Status: 'Deprecated' });
    const productCalls = stats.callsTo('cin7 GET product');
    const reply = (await session.sendFromExtensionPage({ mgAction: 'refresh', args: { pairId: before.pairId } })) as { ok: boolean };
    expect(reply.ok).toBe(true);
    const after = await settled((current) => current.fetchedAt !== before.fetchedAt);
    expect(productKeys(after)).not.toContain(sku);
    expect(stats.callsTo('cin7 GET product') - productCalls).toBe(1); // incremental: one page of changes
  });
});
