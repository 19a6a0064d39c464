// `npm run audit`: audits a snapshot file or a built-in scenario. All logic is in scripts/lib/run-audit.ts.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { audit } from '../utils/audit';
import { localDay } from './lib/local-day';
import { runAudit } from './lib/run-audit';

// `npm run` moves to the project root; resolve a relative --snapshot against where the user typed the command.
const invokedFrom = process.env.INIT_CWD ?? process.cwd();

const output = await runAudit(process.argv.slice(2), {
  readFile: (path) => readFile(resolve(invokedFrom, path), 'utf8'),
  audit,
  today: localDay,
  isTTY: process.stdout.isTTY,
  columns: process.stdout.columns,
  env: process.env,
});
process.stdout.write(output.stdout);
process.stderr.write(output.stderr);
process.exitCode = output.exitCode;
