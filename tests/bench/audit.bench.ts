// Audit speed and memory at 1×, 2× and 4× the base organisation (500 accounts, 25,000 items, 50,000 products,
// 12,500 customers, 2,500 suppliers). Targets: audit ≤ 0.5 × JSON.parse of the same snapshot at every size
// (auditing must cost less than receiving the data), and time(4×)/time(1×) ≤ 4.5 (linear, not quadratic).
// Each size runs in its own process (its memory figures are its own); the scaling target comes from one more
// process that times all sizes round-robin (audit-scaling.worker.ts), so machine load hits every size alike.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { BenchContext, BenchResult, BenchSection, BenchTarget } from '../../scripts/lib/bench/section';
import { round } from '../../scripts/lib/bench/stats';

const SIZES = [1, 2, 4] as const;
const QUICK_SIZES = [0.05, 0.1, 0.2] as const;
const RATIO_TARGET = 0.5;
const SCALING_TARGET = 4.5;

const measurementSchema = z.object({
  scale: z.number(),
  records: z.number(),
  jsonMB: z.number(),
  generateMs: z.number(),
  stringifyMs: z.number(),
  parseAndValidateMs: z.number(),
  parseMs: z.number(),
  parseRunsMs: z.array(z.number()),
  auditMs: z.number(),
  auditRunsMs: z.array(z.number()),
  auditColdMs: z.number(),
  auditWarmupRuns: z.number(),
  findings: z.number(),
  snapshotHeapMB: z.number(),
  auditPeakHeapMB: z.number(),
  auditGcCount: z.number(),
  auditRetainedMB: z.number(),
  peakRssMB: z.number(),
});
export type SizeMeasurement = z.infer<typeof measurementSchema>;

const scalingSchema = z.object({
  scales: z.array(z.number()),
  rounds: z.number(),
  medianMs: z.array(z.number()),
  pairedRatio: z.number(),
  ratioOfMedians: z.number(),
});
export type ScalingMeasurement = z.infer<typeof scalingSchema>;

const sizeWorker = fileURLToPath(new URL('./audit-size.worker.ts', import.meta.url));
const scalingWorker = fileURLToPath(new URL('./audit-scaling.worker.ts', import.meta.url));

/** Runs a worker in a fresh Node process (same binary as this one) and returns its one JSON object, checked. */
function runWorker<T>(what: string, args: string[], schema: z.ZodType<T>): Promise<T> {
  const nodeArgs = ['--import', 'tsx', '--expose-gc', '--max-old-space-size=8192', ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, nodeArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${what} exited ${code}: ${stderr.trim()}`));
      try {
        resolve(schema.parse(JSON.parse(stdout)));
      } catch (error) {
        reject(new Error(`${what} printed unreadable output: ${(error as Error).message}`));
      }
    });
  });
}

const measureSize = (scale: number, iterations: number, budgetMs: number) =>
  runWorker(`audit worker at scale ${scale}`, [sizeWorker, '--scale', String(scale), '--iterations', String(iterations), '--budget-ms', String(budgetMs)], measurementSchema);

const measureScaling = (scales: readonly number[], rounds: number, budgetMs: number) =>
  runWorker('audit scaling worker', [scalingWorker, '--scales', scales.join(','), '--rounds', String(rounds), '--budget-ms', String(budgetMs)], scalingSchema);

/**
 * The targets: audit/parse per size, and the growth from the smallest to the largest size, from the round-robin
 * measurement (limit 4.5 for 4× the size, scaled for other size ratios).
 */
export function auditTargets(measurements: readonly SizeMeasurement[], scaling: ScalingMeasurement): BenchTarget[] {
  const targets: BenchTarget[] = measurements.map((size) => {
    const ratio = size.auditMs / size.parseMs;
    return { name: `audit ≤ ${RATIO_TARGET} × JSON.parse at ${size.scale}×`, pass: ratio <= RATIO_TARGET, detail: `ratio ${round(ratio, 3)}` };
  });
  const smallest = scaling.scales[0];
  const largest = scaling.scales[scaling.scales.length - 1];
  if (smallest !== undefined && largest !== undefined && largest > smallest) {
    const limit = round((SCALING_TARGET / 4) * (largest / smallest), 3);
    targets.push({
      name: `audit time(${largest}×) / time(${smallest}×) ≤ ${limit}`,
      pass: scaling.pairedRatio <= limit,
      detail: `${scaling.pairedRatio}, median of ${scaling.rounds} round-robin rounds`,
    });
  }
  return targets;
}

export const section: BenchSection = {
  name: 'audit',
  description: 'engine time and memory against JSON.parse, at 1×, 2× and 4× the base org',
  async run(context?: BenchContext): Promise<BenchResult> {
    const iterations = context?.iterations ?? 5;
    const sizes = context?.quick ? QUICK_SIZES : SIZES;
    const measurements: SizeMeasurement[] = [];
    for (const scale of sizes) {
      context?.log(`  audit: ${scale}× (generate, stringify, ${iterations} timed runs of parse and audit)…`);
      measurements.push(await measureSize(scale, iterations, context?.quick ? 0 : 1_000));
    }
    context?.log(`  audit: scaling, all sizes round-robin in one process…`);
    const scaling = await measureScaling(sizes, iterations, context?.quick ? 0 : 3_000);
    return {
      sizes: measurements,
      scaling,
      rows: measurements.map((size) => ({
        scale: `${size.scale}×`,
        records: size.records,
        'JSON MB': size.jsonMB,
        'parse ms': size.parseMs,
        'audit ms': size.auditMs,
        'audit/parse': round(size.auditMs / size.parseMs, 3),
        'cold audit ms': size.auditColdMs,
        'µs/record': round((size.auditMs * 1000) / size.records, 3),
        findings: size.findings,
        'heap MB': size.snapshotHeapMB,
        'audit peak +heap MB': size.auditPeakHeapMB,
        'peak RSS MB': size.peakRssMB,
      })),
      targets: auditTargets(measurements, scaling),
    };
  },
};
