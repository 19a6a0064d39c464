// Command-line arguments of `npm run audit`, validated with zod so a typo is a clear usage error (exit 2).
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { SCENARIO_NAMES } from '../../utils/scenarios';

export const AUDIT_USAGE = `Usage:
  npm run audit -- --snapshot FILE [--format table|json|markdown] [--today YYYY-MM-DD]
  npm run audit -- --scenario healthy|broken|large [--scale N] [--seed N] [--format …] [--today …]

Audits a Cin7 Core ↔ Xero snapshot (raw API JSON, see PRODUCT.md) and prints the findings.

Options:
  --snapshot FILE   the snapshot to audit (JSON)
  --scenario NAME   audit a built-in scenario instead: ${SCENARIO_NAMES.join(', ')}
  --scale N         size of the 'large' scenario (1 = 50,000 products; default 0.1)
  --seed N          seed of the 'large' scenario (default 1)
  --format F        table (default, for people), json ({ findings, summary, coverage, score, fixPlan, organisations } on stdout), markdown (a report)
  --today DAY       the day to audit as of (default: today; for scenarios, the scenario's day)
  -h, --help        this text

Exit status: 0 no errors, 1 errors found, 2 unreadable or invalid input.
npm prints a banner on stdout: for clean JSON use \`npm run -s audit -- …\` or \`npx tsx scripts/audit.ts …\`.
`;

export class UsageError extends Error {
  override name = 'UsageError';
}

/** The first problem zod found in the options, as a usage error naming the option. */
export function usageErrorOf(error: z.ZodError): UsageError {
  const issue = error.issues[0];
  const option = issue?.path.length ? `--${issue.path.join('.')}: ` : '';
  return new UsageError(`${option}${issue?.message ?? 'invalid arguments'}`);
}

/** A real calendar day as YYYY-MM-DD (also used by `explain`'s --today). */
export const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((day) => {
    const time = Date.parse(`${day}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().startsWith(day);
  }, 'not a real calendar day');

const positiveNumber = z.coerce.number().positive();

const optionsSchema = z
  .object({
    snapshot: z.string().min(1).optional(),
    scenario: z.enum(SCENARIO_NAMES).optional(),
    scale: positiveNumber.optional(),
    seed: z.coerce.number().int().optional(),
    format: z.enum(['table', 'json', 'markdown']).default('table'),
    today: calendarDay.optional(),
  })
  .refine((options) => (options.snapshot === undefined) !== (options.scenario === undefined), {
    message: 'give exactly one of --snapshot FILE or --scenario NAME',
  })
  .refine((options) => options.scenario === 'large' || (options.scale === undefined && options.seed === undefined), {
    message: '--scale and --seed apply only to --scenario large',
  });

export type AuditFormat = 'table' | 'json' | 'markdown';

export type AuditCommand =
  | { kind: 'help' }
  | {
      kind: 'audit';
      source: { kind: 'snapshot'; file: string } | { kind: 'scenario'; name: (typeof SCENARIO_NAMES)[number]; scale?: number; seed?: number };
      format: AuditFormat;
      today?: string;
    };

export function parseAuditArgs(argv: readonly string[]): AuditCommand {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        snapshot: { type: 'string' },
        scenario: { type: 'string' },
        scale: { type: 'string' },
        seed: { type: 'string' },
        format: { type: 'string' },
        today: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return { kind: 'help' };
  const parsed = optionsSchema.safeParse(values);
  if (!parsed.success) throw usageErrorOf(parsed.error);
  const options = parsed.data;
  return {
    kind: 'audit',
    source: options.snapshot !== undefined
      ? { kind: 'snapshot', file: options.snapshot }
      : { kind: 'scenario', name: options.scenario!, scale: options.scale, seed: options.seed },
    format: options.format,
    today: options.today,
  };
}
