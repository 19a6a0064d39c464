// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { audit } from '../../../utils/audit';
import { loadScenario } from '../../../utils/scenarios';
import { parseAuditArgs, UsageError } from '../../../scripts/lib/audit-args';
import { runAudit, type AuditIo } from '../../../scripts/lib/run-audit';

/** The escape character that starts every ANSI colour code. */
const ESC = '\u001b[';

function io(files: Record<string, string>, overrides: Partial<AuditIo> = {}): AuditIo {
  return {
    readFile: async (path) => {
      if (path in files) return files[path] as string;
      throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
    },
    audit,
    today: () => '2026-11-21',
    isTTY: false,
    env: {},
    ...overrides,
  };
}

const healthyJson = JSON.stringify(loadScenario('healthy'));
const brokenJson = JSON.stringify(loadScenario('broken'));

describe('parseAuditArgs', () => {
  it('reads a snapshot command with defaults', () => {
    expect(parseAuditArgs(['--snapshot', 'snap.json'])).toEqual({
      kind: 'audit',
      source: { kind: 'snapshot', file: 'snap.json' },
      format: 'table',
      today: undefined,
    });
  });

  it('reads a large scenario with scale and seed', () => {
    expect(parseAuditArgs(['--scenario', 'large', '--scale', '0.5', '--seed', '9', '--format', 'json', '--today', '2026-12-01'])).toEqual({
      kind: 'audit',
      source: { kind: 'scenario', name: 'large', scale: 0.5, seed: 9 },
      format: 'json',
      today: '2026-12-01',
    });
  });

  it('recognises --help and -h', () => {
    expect(parseAuditArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseAuditArgs(['-h'])).toEqual({ kind: 'help' });
  });

  it.each([
    [[], /exactly one of --snapshot/],
    [['--snapshot', 'a.json', '--scenario', 'healthy'], /exactly one/],
    [['--scenario', 'nope'], /--scenario/],
    [['--snapshot', 'a.json', '--format', 'xml'], /--format/],
    [['--snapshot', 'a.json', '--today', '2026-02-30'], /--today: not a real calendar day/],
    [['--snapshot', 'a.json', '--today', '21/11/2026'], /YYYY-MM-DD/],
    [['--scenario', 'healthy', '--scale', '2'], /only to --scenario large/],
    [['--scenario', 'large', '--scale', '-1'], /--scale/],
    [['--snapshot', 'a.json', '--colour'], /Unknown option/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseAuditArgs(argv)).toThrow(UsageError);
    expect(() => parseAuditArgs(argv)).toThrow(message);
  });
});

describe('runAudit', () => {
  it('exits 0 for a snapshot without errors', async () => {
    const output = await runAudit(['--snapshot', 'ok.json'], io({ 'ok.json': healthyJson }));
    expect(output).toMatchObject({ exitCode: 0, stderr: '' });
    expect(output.stdout).toContain('No findings');
  });

  it('exits 1 when the audit finds errors, json holding the report shape', async () => {
    const output = await runAudit(['--snapshot', 'bad.json', '--format', 'json'], io({ 'bad.json': brokenJson }));
    expect(output.exitCode).toBe(1);
    const parsed = JSON.parse(output.stdout) as { findings: unknown[]; summary: { errors: number } };
    expect(Object.keys(parsed)).toEqual(['findings', 'summary', 'coverage', 'score', 'fixPlan', 'organisations']);
    expect(parsed.summary.errors).toBeGreaterThan(0);
    expect(parsed.findings.length).toBeGreaterThan(0);
  });

  it('exits 0 on warnings and infos alone', async () => {
    const snapshot = loadScenario('healthy');
    snapshot.cin7!.me!.LockDate = null; // LOCK_DATE_MISALIGNED is a warning
    const output = await runAudit(['--snapshot', 's.json', '--format', 'json'], io({ 's.json': JSON.stringify(snapshot) }));
    const parsed = JSON.parse(output.stdout) as { summary: { errors: number; warnings: number } };
    expect(parsed.summary).toMatchObject({ errors: 0 });
    expect(parsed.summary.warnings).toBeGreaterThan(0);
    expect(output.exitCode).toBe(0);
  });

  it('audits as of --today, else the machine day for files', async () => {
    const seen: string[] = [];
    const spy: AuditIo['audit'] = (snapshot, options) => {
      seen.push(options.today);
      return audit(snapshot, options);
    };
    await runAudit(['--snapshot', 'ok.json'], io({ 'ok.json': healthyJson }, { audit: spy, today: () => '2027-01-05' }));
    await runAudit(['--snapshot', 'ok.json', '--today', '2026-12-24'], io({ 'ok.json': healthyJson }, { audit: spy }));
    await runAudit(['--scenario', 'healthy'], io({}, { audit: spy, today: () => '2030-01-01' }));
    expect(seen).toEqual(['2027-01-05', '2026-12-24', '2026-11-21']);
  });

  it.each([
    ['a missing file', {}, /^audit: snap\.json: cannot read the file \(no such file\)/],
    ['invalid JSON', { 'snap.json': '{"xero": ' }, /^audit: snap\.json: not valid JSON/],
    ['a field of the wrong shape', { 'snap.json': '{"xero": {"accounts": {}}}' }, /^audit: snap\.json: xero\.accounts: expected an array/],
    ['a missing required field', { 'snap.json': '{"cin7": {"me": {}}}' }, /^audit: snap\.json: cin7\.me\.Currency: expected a string/],
  ])('exits 2 on %s, naming the file and the field on stderr', async (_what, files, message) => {
    const output = await runAudit(['--snapshot', 'snap.json', '--format', 'json'], io(files));
    expect(output.exitCode).toBe(2);
    expect(output.stdout).toBe('');
    expect(output.stderr).toMatch(message);
  });

  it('exits 2 with the usage on a bad argument, and 0 with it on --help', async () => {
    const bad = await runAudit(['--format', 'json'], io({}));
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('Usage:');
    const help = await runAudit(['--help'], io({}));
    expect(help).toMatchObject({ exitCode: 0, stderr: '' });
    expect(help.stdout).toContain('Exit status: 0 no errors, 1 errors found, 2 unreadable or invalid input.');
  });

  it('colours the table only on a terminal without NO_COLOR', async () => {
    const files = { 'bad.json': brokenJson };
    expect((await runAudit(['--snapshot', 'bad.json'], io(files, { isTTY: true }))).stdout).toContain(ESC);
    expect((await runAudit(['--snapshot', 'bad.json'], io(files, { isTTY: true, env: { NO_COLOR: '1' } }))).stdout).not.toContain(ESC);
    expect((await runAudit(['--snapshot', 'bad.json'], io(files, { isTTY: false }))).stdout).not.toContain(ESC);
  });

  it('titles the markdown report with the organisation name', async () => {
    const output = await runAudit(['--scenario', 'broken', '--format', 'markdown'], io({}));
    expect(output.exitCode).toBe(1);
    expect(output.stdout.split('\n')[0]).toBe('# Cin7 Core ↔ Xero set-up check: Kauri Coast Outdoor Ltd');
  });
});
