// One organisation size of the audit benchmark, in its own process so its memory figures are its own.
// Run by audit.bench.ts as `node --import tsx --expose-gc audit-size.worker.ts --scale N --iterations K
// [--budget-ms MS]`;
// prints one JSON object on stdout.
import { parseArgs } from 'node:util';
import { GCProfiler } from 'node:v8';
import { z } from 'zod';
import { audit } from '../../utils/audit';
import { parseSnapshot, type Snapshot } from '../../utils/schemas';
import { SCENARIO_TODAY, generateLarge } from '../../utils/scenarios';
import { round, timeRuns } from '../../scripts/lib/bench/stats';

const { values } = parseArgs({
  options: { scale: { type: 'string' }, seed: { type: 'string' }, iterations: { type: 'string' }, 'budget-ms': { type: 'string' } },
});
const args = z
  .object({
    scale: z.coerce.number().positive(),
    seed: z.coerce.number().int().default(1),
    iterations: z.coerce.number().int().min(1).default(5),
    /** Time to spend measuring each of parse and audit (more runs for cheap ones); warm-up gets 1.5 × this. */
    budgetMs: z.coerce.number().min(0).default(1_000),
  })
  .parse({ ...values, budgetMs: values['budget-ms'] });

const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) throw new Error('run with --expose-gc');
const gc: () => void = collect;
const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);

/** Every record of every list in the snapshot (accounts, items, products, contacts, documents, rules…). */
function countRecords(snapshot: Snapshot): number {
  let records = 0;
  for (const side of [snapshot.cin7, snapshot.xero]) {
    for (const value of Object.values(side ?? {})) if (Array.isArray(value)) records += value.length;
  }
  return records;
}

let start = performance.now();
const generated = generateLarge({ scale: args.scale, seed: args.seed });
const generateMs = performance.now() - start;

start = performance.now();
const text = JSON.stringify(generated);
const stringifyMs = performance.now() - start;

// Validation is what the background does to a fetched payload before auditing it; timed once (it is not a target).
start = performance.now();
const snapshot = parseSnapshot(JSON.parse(text));
const parseAndValidateMs = performance.now() - start;
const records = countRecords(snapshot);

// Each run's result is dropped after it. No GC is forced between runs: a forced full GC made the following audits
// several times slower (measured 150–400 ms against 45 ms at 1×), which no real caller would see.
let sink: unknown;
const between = () => {
  sink = undefined;
};
gc();
const parse = timeRuns(() => (sink = JSON.parse(text)), { warmup: 1, iterations: args.iterations, measureMs: args.budgetMs, between });

// The engine is JavaScript: warm it up until V8 has optimised it (≥ 2 runs and ≥ 1.5 × the budget), as a
// long-lived background worker would be. The first, cold run is reported too.
const options = { today: SCENARIO_TODAY };
const auditTiming = timeRuns(() => (sink = audit(snapshot, options)), { warmup: 2, warmupMs: args.budgetMs * 1.5, iterations: args.iterations, measureMs: args.budgetMs, between });

// Memory of one audit over the loaded snapshot. The heap peaks just before each collection, so its high-water
// mark is the largest "used before GC" that V8's GC profiler saw during the audit, or the heap at its end.
gc();
const before = process.memoryUsage();
const profiler = new GCProfiler();
profiler.start();
const result = audit(snapshot, options);
const after = process.memoryUsage();
const collections = profiler.stop().statistics;
const highWater = Math.max(after.heapUsed, ...collections.map((entry) => entry.beforeGC.heapStatistics.usedHeapSize));
gc();
const retained = process.memoryUsage();

process.stdout.write(
  `${JSON.stringify({
    scale: args.scale,
    records,
    jsonMB: mb(Buffer.byteLength(text)),
    generateMs: round(generateMs),
    stringifyMs: round(stringifyMs),
    parseAndValidateMs: round(parseAndValidateMs),
    parseMs: round(parse.medianMs),
    parseRunsMs: parse.runsMs.map((ms) => round(ms)),
    auditMs: round(auditTiming.medianMs),
    auditRunsMs: auditTiming.runsMs.map((ms) => round(ms)),
    auditColdMs: round(auditTiming.firstMs),
    auditWarmupRuns: auditTiming.warmupRuns,
    findings: result.summary.total,
    snapshotHeapMB: mb(before.heapUsed),
    auditPeakHeapMB: mb(highWater - before.heapUsed),
    auditGcCount: collections.length,
    auditRetainedMB: mb(retained.heapUsed - before.heapUsed),
    peakRssMB: mb(process.resourceUsage().maxRSS * 1024),
  })}\n`,
);
void sink;
