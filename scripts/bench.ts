// `npm run bench [-- --json] [--only NAME] [--iterations N] [--quick]`: runs tests/bench/*.bench.ts sections.
// Progress goes to stderr; stdout holds the report (with --json: exactly one JSON object). Exit 1 if a target fails
// (not with --quick), 2 on a usage or section error.
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { discoverSections, formatReport, runSections, selectSections } from './lib/bench/runner';

const USAGE = `Usage: npm run bench -- [--json] [--only NAME[,NAME…]] [--iterations N] [--quick]
  --json          print exactly one JSON object on stdout
  --only NAME     run only these sections (repeat or comma-separate)
  --iterations N  at least N timed runs per measurement, after warm-up (default 5; the median is reported)
  --quick         small sizes, to check the machinery (numbers are not meaningful)
npm prints a banner on stdout: for exactly one JSON object use \`npm run -s bench -- --json\`.
`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean' },
      only: { type: 'string', multiple: true },
      iterations: { type: 'string' },
      quick: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const iterations = z.coerce.number().int().min(1).max(50).default(5).parse(values.iterations);
  const only = (values.only ?? []).flatMap((value) => value.split(',')).map((name) => name.trim()).filter(Boolean);
  const directory = fileURLToPath(new URL('../tests/bench/', import.meta.url));
  const sections = selectSections(await discoverSections(directory), only);
  const report = await runSections(
    sections,
    { iterations, quick: Boolean(values.quick), log: (message) => process.stderr.write(`${message}\n`) },
    { node: process.version, platform: `${process.platform}-${process.arch}`, cpus: cpus().length, loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100 },
  );
  process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : formatReport(report));
  // Quick runs check the machinery; their small sizes say nothing about the targets.
  return report.passed || report.environment.quick ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exitCode = 2;
  },
);
