// Timing helpers: warm-up runs first (JIT, caches), then the median of several runs, which shrugs off one noisy run.

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export interface Timing {
  medianMs: number;
  minMs: number;
  runsMs: number[];
  /** The very first run (cold: nothing compiled or optimised yet). */
  firstMs: number;
  warmupRuns: number;
}

export interface TimeRunsOptions {
  /** Untimed runs first: at least this many… */
  warmup: number;
  /** …and more (up to 30) until this much time went into warming up, so JIT tiers are reached at small sizes too. */
  warmupMs?: number;
  iterations: number;
  /** Timed runs continue past `iterations` (up to 50) until this much time was measured: cheap runs get more samples. */
  measureMs?: number;
  /** Runs untimed after every run (e.g. drop the result and collect garbage so the next run pays only its own). */
  between?: () => void;
}

export function timeRuns(task: () => unknown, options: TimeRunsOptions): Timing {
  let firstMs = Number.NaN;
  let warmupRuns = 0;
  let warmupSpent = 0;
  while (warmupRuns < options.warmup || (warmupSpent < (options.warmupMs ?? 0) && warmupRuns < 30)) {
    const start = performance.now();
    task();
    const elapsed = performance.now() - start;
    if (warmupRuns === 0) firstMs = elapsed;
    warmupSpent += elapsed;
    warmupRuns++;
    options.between?.();
  }
  const runsMs: number[] = [];
  let measured = 0;
  while (runsMs.length < options.iterations || (measured < (options.measureMs ?? 0) && runsMs.length < 50)) {
    const start = performance.now();
    task();
    const elapsed = performance.now() - start;
    runsMs.push(elapsed);
    measured += elapsed;
    options.between?.();
  }
  return { medianMs: median(runsMs), minMs: Math.min(...runsMs), runsMs, firstMs: Number.isNaN(firstMs) ? (runsMs[0] as number) : firstMs, warmupRuns };
}

export const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;
