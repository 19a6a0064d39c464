// @vitest-environment node
// The real `explain` CLI in a child process (tsx directly: `npm run` prints a banner on stdout).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../../utils/scenarios';

const root = resolve(import.meta.dirname, '../../..');
const tsx = join(root, 'node_modules/.bin/tsx');
const dir = mkdtempSync(join(tmpdir(), 'mapping-guard-explain-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], input?: string) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.INIT_CWD;
  const run = spawnSync(tsx, [join(root, 'scripts/explain.ts'), ...args], { cwd: dir, encoding: 'utf8', env, input: input ?? '', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('scripts/explain.ts as a process', () => {
  it('reads standard input and prints only JSON on stdout', () => {
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(loadScenario('broken')));
    const run = cli(['--snapshot', 'broken.json', '--today', '2026-11-21', '--format', 'json'], 'The document date cannot be before the end of year lock date, currently set at 31 Mar 2026\n');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const parsed = JSON.parse(run.stdout) as { matches: { cause: string; subject: unknown; related: { code: string }[] }[] };
    expect(parsed.matches.map((match) => [match.cause, match.subject])).toEqual([['period-locked', { lock: 'endOfYear', date: '2026-03-31' }]]);
    expect(parsed.matches[0]!.related.map((finding) => finding.code)).toContain('DOCUMENT_IN_LOCKED_PERIOD');
  });

  it('exits 2 naming the file and field of an invalid snapshot', () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ cin7: { products: 3 } }));
    const run = cli(['--snapshot', 'bad.json', 'Invoice not of valid status for modification']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('bad.json: cin7.products');
  });

  it('exits 2 with the usage line on an unknown option', () => {
    const run = cli(['--colour']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('npm run explain -- [--snapshot FILE]');
  });
});
