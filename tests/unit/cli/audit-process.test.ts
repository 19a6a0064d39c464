// @vitest-environment node
// The real CLI in a child process (tsx directly: `npm run` prints a banner on stdout).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const tsx = join(root, 'node_modules/.bin/tsx');
const dir = mkdtempSync(join(tmpdir(), 'mapping-guard-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], options: { cwd?: string; initCwd?: string } = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '' };
  delete env.INIT_CWD;
  if (options.initCwd) env.INIT_CWD = options.initCwd;
  const run = spawnSync(tsx, [join(root, 'scripts/audit.ts'), ...args], { cwd: options.cwd ?? dir, encoding: 'utf8', env, timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('scripts/audit.ts as a process', () => {
  it('prints only JSON on stdout and exits 1 for the broken scenario', () => {
    const run = cli(['--scenario', 'broken', '--format', 'json']);
    expect(run.status).toBe(1);
    const parsed = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['findings', 'summary', 'coverage', 'score', 'fixPlan', 'organisations']);
  });

  it('exits 0 for the healthy scenario', () => {
    expect(cli(['--scenario', 'healthy', '--format', 'json']).status).toBe(0);
  });

  it('exits 2 for an invalid snapshot file, naming the file and the field', () => {
    writeFileSync(join(dir, 'snap.json'), JSON.stringify({ xero: { accounts: 'none' } }));
    const run = cli(['--snapshot', 'snap.json', '--format', 'json']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('snap.json: xero.accounts: expected an array');
  });

  it('reads a relative --snapshot from where `npm run` was invoked (INIT_CWD), not the project root', () => {
    writeFileSync(join(dir, 'here.json'), JSON.stringify({ xero: { accounts: [] } }));
    const run = cli(['--snapshot', 'here.json', '--format', 'json'], { cwd: root, initCwd: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
