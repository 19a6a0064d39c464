// Sums vitest JSON reports (unit, e2e, firefox: any number) into CI's last line: "N passed, N failed".
// Usage: npx tsx .ci/summarize-results.ts [--failed-checks N] report.json…
// A missing/unreadable report (vitest crashed, globalSetup threw) and a file that failed without a failed test
// (a throwing beforeAll, an import error) each count as one failure, so nothing can fail silently.
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';

const reportSchema = z.object({
  numPassedTests: z.number(),
  numFailedTests: z.number(),
  testResults: z.array(
    z.object({
      name: z.string(),
      status: z.string(),
      message: z.string().optional(),
      assertionResults: z.array(z.object({ status: z.string() })),
    }),
  ),
});

export interface Tally {
  passed: number;
  failed: number;
  notes: string[];
}

export function tallyReport(path: string, raw: string | undefined): Tally {
  if (raw === undefined) return { passed: 0, failed: 1, notes: [`${path}: no report (the run crashed before reporting)`] };
  let parsed: z.infer<typeof reportSchema>;
  try {
    parsed = reportSchema.parse(JSON.parse(raw));
  } catch (error) {
    return { passed: 0, failed: 1, notes: [`${path}: unreadable report (${String(error).slice(0, 200)})`] };
  }
  const notes: string[] = [];
  let fileFailures = 0;
  for (const file of parsed.testResults) {
    const failedTests = file.assertionResults.filter((test) => test.status === 'failed').length;
    if (file.status === 'failed' && failedTests === 0) {
      fileFailures += 1;
      notes.push(`${file.name}: failed outside a test: ${(file.message ?? '').split('\n')[0]}`);
    }
  }
  return { passed: parsed.numPassedTests, failed: parsed.numFailedTests + fileFailures, notes };
}

function main(argv: string[]): void {
  let failedChecks = 0;
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--failed-checks') failedChecks = Number(argv[++i] ?? 0);
    else paths.push(argv[i] as string);
  }
  const total: Tally = { passed: 0, failed: failedChecks, notes: [] };
  for (const path of paths) {
    const tally = tallyReport(path, existsSync(path) ? readFileSync(path, 'utf8') : undefined);
    total.passed += tally.passed;
    total.failed += tally.failed;
    total.notes.push(...tally.notes);
  }
  for (const note of total.notes) console.log(note);
  console.log(`${total.passed} passed, ${total.failed} failed`);
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
