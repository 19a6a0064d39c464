// Node-side profile of the worker's audit path at the bench's scale (issue #17): the `large` scenario (scale 4 by
// default) stored as the worker stores it (by page, page codec; fake-indexeddb), then read back and audited as
// refresher.reaudit does. `node --expose-gc --import tsx scripts/profile-scale-audit.ts [scale] [runs]` (heap figures
// include fake-indexeddb's own copy of the stored pages: compare the `+` deltas).
import 'fake-indexeddb/auto';
import { loadScenario } from '../utils/scenarios';
import { createPairDataStore } from '../utils/background/results';
import { snapshotToAudit } from '../utils/background/page-inputs';
import { audit } from '../utils/audit';
import { AUDIT_READ } from '../utils/background/snapshot-store';
import { ITEM_SCHEMAS } from '../utils/background/snapshot';
import { project } from '../utils/background/projection';
import type { z } from 'zod';

const scale = Number(process.argv[2] ?? 4);
const runs = Number(process.argv[3] ?? 3);
const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().heapUsed));

const data = createPairDataStore('profile');
{
  const snapshot = loadScenario('large', { scale });
  console.log(`products ${snapshot.cin7?.products?.length}`);
  // As the worker stores it: each list projected to the engine's fields; only the documents a few refreshes fetch
  // details of (DOCUMENT_DETAILS_PER_REFRESH each), not the scenario's every sale and purchase.
  for (const [list, schema] of Object.entries(ITEM_SCHEMAS)) {
    const [side, name] = list.split('.') as ['cin7' | 'xero', string];
    const records = (snapshot[side] as Record<string, unknown> | undefined)?.[name];
    if (Array.isArray(records)) (snapshot[side] as Record<string, unknown>)[name] = records.map((record) => project(schema as z.ZodType, record));
  }
  if (snapshot.cin7?.sales) snapshot.cin7.sales = snapshot.cin7.sales.slice(0, 200);
  if (snapshot.cin7?.purchases) snapshot.cin7.purchases = snapshot.cin7.purchases.slice(0, 100);
  const { mapping, features, ...cin7 } = snapshot.cin7 ?? {};
  await data.putSnapshot('p', { version: 1, snapshot: { ...snapshot, cin7 }, fetched: {} });
  if (mapping) await data.putMapping('p', mapping);
  if (features) await data.putFeatures('p', features);
}
gc();
console.log(`stored; heap ${mb(process.memoryUsage().heapUsed)} MB`);
const timer = setInterval(sample, 2);
for (let run = 0; run < runs; run++) {
  gc();
  const base = process.memoryUsage().heapUsed;
  peak = base;
  const start = performance.now();
  // As refresher.reaudit reads it (LEAN=0: every field).
  const stored = await data.getSnapshot('p', process.env.LEAN === '0' ? {} : AUDIT_READ);
  const read = performance.now();
  sample();
  const snapshot = await snapshotToAudit(data, 'p', stored);
  const result = audit(snapshot, { today: '2026-12-05' });
  const audited = performance.now();
  sample();
  await data.putResult('p', { audit: result, keys: [], auditedAt: '', attemptedAt: '' });
  const end = performance.now();
  console.log(
    `run ${run}: read ${Math.round(read - start)} ms, audit ${Math.round(audited - read)} ms, store ${Math.round(end - audited)} ms, ` +
      `total ${Math.round(end - start)} ms; findings ${result.findings.length}; heap base ${mb(base)} MB, peak ${mb(peak)} MB (+${mb(peak - base)})`,
  );
}
clearInterval(timer);
