// Audit speed and memory at 1×, 2× and 4× the base organisation (500 accounts, 25,000 items, 50,000 products,
// 12,500 customers, 2,500 suppliers). Targets: audit ≤ 0.5 × JSON.parse of the same snapshot at every size
// (auditing must cost less than receiving the data), and time(4×)/time(1×) ≤ 4.5 (linear, not quadratic).
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

const worker = fileURLToPath(new URL('./audit-size.worker.ts', import.meta.url));

/** Runs one size in a fresh Node process (same binary as this one) and returns its measurement. */
function measureSize(scale: number, iterations: number, budgetMs: number): Promise<SizeMeasurement> {
  const args = ['--import', 'tsx', '--expose-gc', '--max-old-space-size=8192', worker, '--scale', String(scale), '--iterations', String(iterations), '--budget-ms', String(budgetMs)];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`audit worker at scale ${scale} exited ${code}: ${stderr.trim()}`));
      try {
        resolve(measurementSchema.parse(JSON.parse(stdout)));
      } catch (error) {
        reject(new Error(`audit worker at scale ${scale} printed unreadable output: ${(error as Error).message}`));
      }
    });
  });
}

/** The targets over the measured sizes (smallest and largest for the scaling one). */
export function auditTargets(measurements: readonly SizeMeasurement[]): BenchTarget[] {
  const targets: BenchTarget[] = measurements.map((size) => {
    const ratio = size.auditMs / size.parseMs;
    return { name: `audit ≤ ${RATIO_TARGET} × JSON.parse at ${size.scale}×`, pass: ratio <= RATIO_TARGET, detail: `ratio ${round(ratio, 3)}` };
  });
  const smallest = measurements[0];
  const largest = measurements[measurements.length - 1];
  if (smallest && largest && largest !== smallest) {
    const growth = largest.auditMs / smallest.auditMs;
    const sizeRatio = largest.scale / smallest.scale;
    const limit = round((SCALING_TARGET / 4) * sizeRatio, 3);
    targets.push({ name: `audit time(${largest.scale}×) / time(${smallest.scale}×) ≤ ${limit}`, pass: growth <= limit, detail: `${round(growth, 2)}` });
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
    return {
      sizes: measurements,
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
      targets: auditTargets(measurements),
    };
  },
};
