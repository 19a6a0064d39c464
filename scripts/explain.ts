// `npm run explain`: explains Cin7 Core / Xero sync error texts. All logic is in scripts/lib/run-explain.ts.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { text } from 'node:stream/consumers';
import { localDay } from './lib/local-day';
import { runExplain } from './lib/run-explain';

// `npm run` moves to the project root; resolve a relative --snapshot against where the user typed the command.
const invokedFrom = process.env.INIT_CWD ?? process.cwd();

const output = await runExplain(process.argv.slice(2), {
  readFile: (path) => readFile(resolve(invokedFrom, path), 'utf8'),
  readStdin: () => text(process.stdin),
  today: localDay,
});
process.stdout.write(output.stdout);
process.stderr.write(output.stderr);
process.exitCode = output.exitCode;
