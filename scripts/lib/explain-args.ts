// Command-line arguments of `npm run explain`, validated with zod so a typo is a clear usage error (exit 2).
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { calendarDay, usageErrorOf, UsageError } from './audit-args';

export { UsageError };

export const EXPLAIN_USAGE = `Usage:
  npm run explain -- [--snapshot FILE] [--today YYYY-MM-DD] [--format text|json] [TEXT…]

Explains Cin7 Core / Xero sync error texts: the cause, what to do, where to fix it, and (with a snapshot) the
audit findings that predict it. The text comes from the arguments, or from standard input when there are none.

Options:
  --snapshot FILE   a snapshot (JSON, as \`npm run audit\` reads) to find the set-up behind each error
  --today DAY       the day to audit the snapshot as of (default: today; needs --snapshot)
  --format F        text (default, for people) or json (only { matches } on stdout)
  -h, --help        this text

Exit status: 0 the text was read (even when no error is recognised), 2 unreadable snapshot or bad arguments.
npm prints a banner on stdout: for clean JSON use \`npm run -s explain -- …\` or \`npx tsx scripts/explain.ts …\`.
`;

const optionsSchema = z
  .strictObject({
    snapshot: z.string().min(1).optional(),
    today: calendarDay.optional(),
    format: z.enum(['text', 'json']).default('text'),
    help: z.boolean().optional(),
  })
  .refine((options) => options.today === undefined || options.snapshot !== undefined, { message: '--today applies only with --snapshot FILE' });

export type ExplainFormat = 'text' | 'json';

export type ExplainCommand =
  | { kind: 'help' }
  | {
      kind: 'explain';
      snapshot?: string;
      today?: string;
      format: ExplainFormat;
      /** The error texts given as arguments; empty means read standard input. */
      texts: string[];
    };

export function parseExplainArgs(argv: readonly string[]): ExplainCommand {
  let parsedArgs: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsedArgs = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: {
        snapshot: { type: 'string' },
        today: { type: 'string' },
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsedArgs.values.help) return { kind: 'help' };
  const parsed = optionsSchema.safeParse(parsedArgs.values);
  if (!parsed.success) throw usageErrorOf(parsed.error);
  const { snapshot, today, format } = parsed.data;
  return { kind: 'explain', snapshot, today, format, texts: parsedArgs.positionals };
}
