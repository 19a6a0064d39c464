// The contract of a benchmark section: tests/bench/<name>.bench.ts exports `section` (or a default export) with a
// name and a run() returning plain JSON data. Later issues add sections without touching the runner.
import { z } from 'zod';

export interface BenchTarget {
  /** What must hold, in words ("audit ≤ 0.5 × JSON.parse at 4×"). */
  name: string;
  pass: boolean;
  /** The measured value that decided ("0.21"). */
  detail: string;
}

export interface BenchContext {
  /** Timed iterations after warm-up (the median is reported). */
  iterations: number;
  /** Small sizes and few iterations: checks the machinery, not the numbers. */
  quick: boolean;
  /** Progress for people; goes to stderr so `--json` keeps stdout clean. */
  log(message: string): void;
}

/** A section's result: any JSON data, plus optional rows (printed as a table) and targets (printed PASS/FAIL). */
export type BenchResult = Record<string, unknown> & {
  rows?: Array<Record<string, string | number | boolean | null>>;
  targets?: BenchTarget[];
};

export interface BenchSection {
  name: string;
  description?: string;
  run(context?: BenchContext): Promise<BenchResult>;
}

const sectionSchema = z.object({
  name: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes'),
  description: z.string().optional(),
  run: z.custom<BenchSection['run']>((value) => typeof value === 'function', 'expected a function'),
});

const targetsSchema = z.array(z.object({ name: z.string(), pass: z.boolean(), detail: z.string() })).optional();

/** The section a bench module exports, validated; throws naming the file when the shape is wrong. */
export function sectionFromModule(file: string, module: Record<string, unknown>): BenchSection {
  const candidate = module.section ?? module.default;
  const parsed = sectionSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: expected an exported \`section\` { name, run() }: ${issue?.path.join('.') || 'export'}: ${issue?.message}`);
  }
  return parsed.data as BenchSection;
}

/** Checks a section's result at the boundary (a malformed `targets` would otherwise print as PASS). */
export function checkResult(name: string, result: unknown): BenchResult {
  if (typeof result !== 'object' || result === null || Array.isArray(result)) throw new Error(`section ${name}: run() must resolve to an object`);
  const targets = targetsSchema.safeParse((result as BenchResult).targets);
  if (!targets.success) throw new Error(`section ${name}: targets: ${targets.error.issues[0]?.message}`);
  return result as BenchResult;
}
