// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../utils/scenarios';
import { parseExplainArgs, UsageError } from '../../../scripts/lib/explain-args';
import { runExplain, type ExplainIo } from '../../../scripts/lib/run-explain';

function io(files: Record<string, string>, stdin = ''): ExplainIo {
  return {
    readFile: async (path) => {
      if (path in files) return files[path] as string;
      throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
    },
    readStdin: async () => stdin,
    today: () => '2026-11-21',
  };
}

const brokenJson = JSON.stringify(loadScenario('broken'));
const ARCHIVED = "A validation exception occurred: Account code '810' has been archived, or has been deleted.";

describe('parseExplainArgs', () => {
  it('reads options and texts', () => {
    expect(parseExplainArgs(['--snapshot', 's.json', '--today', '2026-11-21', '--format', 'json', 'one', 'two'])).toEqual({
      kind: 'explain',
      snapshot: 's.json',
      today: '2026-11-21',
      format: 'json',
      texts: ['one', 'two'],
    });
    expect(parseExplainArgs([])).toEqual({ kind: 'explain', snapshot: undefined, today: undefined, format: 'text', texts: [] });
    expect(parseExplainArgs(['-h'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['--format', 'xml'], /--format/],
    [['--today', '2026-02-30', '--snapshot', 's.json'], /--today: not a real calendar day/],
    [['--today', '2026-11-21'], /--today applies only with --snapshot/],
    [['--scenario', 'broken'], /scenario/],
    [['--snapshot'], /snapshot/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseExplainArgs(argv)).toThrow(UsageError);
    expect(() => parseExplainArgs(argv)).toThrow(message);
  });
});

describe('runExplain', () => {
  it('prints exactly { matches } as JSON, with cause, subject, message, fix and related findings', async () => {
    const output = await runExplain(['--snapshot', 'broken.json', '--today', '2026-11-21', '--format', 'json', ARCHIVED], io({ 'broken.json': brokenJson }));
    expect(output.exitCode).toBe(0);
    expect(output.stderr).toBe('');
    const parsed = JSON.parse(output.stdout) as { matches: Record<string, unknown>[] };
    expect(Object.keys(parsed)).toEqual(['matches']);
    expect(parsed.matches).toHaveLength(1);
    const [match] = parsed.matches;
    expect(Object.keys(match!)).toEqual(['cause', 'subject', 'message', 'fix', 'related']);
    expect(match).toMatchObject({ cause: 'account-archived', subject: { account: '810' }, related: [{ code: 'ACCOUNT_ARCHIVED', subject: { key: 'customerCredits' } }] });
  });

  it('leaves fix out where there is none, and related empty without a snapshot', async () => {
    const output = await runExplain(['--format', 'json', 'Invoice not of valid status for modification'], io({}));
    const [match] = (JSON.parse(output.stdout) as { matches: Record<string, unknown>[] }).matches;
    expect(Object.keys(match!)).toEqual(['cause', 'subject', 'message', 'related']);
    expect(match!.related).toEqual([]);
  });

  it('reads standard input when no text is given, several errors giving several matches', async () => {
    const stdin = "Organisation is not subscribed to currency GBP\nThe TaxType code 'OUTPUT2' cannot be used with account code '090'.\n";
    const output = await runExplain(['--format', 'json'], io({}, stdin));
    expect((JSON.parse(output.stdout) as { matches: { cause: string }[] }).matches.map((match) => match.cause)).toEqual(['currency-not-enabled', 'tax-type-not-allowed']);
  });

  it('exits 0 with no matches on a text it does not know', async () => {
    const json = await runExplain(['--format', 'json', 'Stripe: Your card was declined.'], io({}));
    expect(json).toEqual({ exitCode: 0, stdout: '{\n  "matches": []\n}\n', stderr: '' });
    const text = await runExplain([], io({}, ''));
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toContain('No known');
  });

  it('prints text for people: cause, subject, message, fix and what will keep failing', async () => {
    const output = await runExplain(['--snapshot', 'broken.json', ARCHIVED], io({ 'broken.json': brokenJson }));
    expect(output.exitCode).toBe(0);
    expect(output.stdout).toMatch(/^1\. account-archived \(account 810\)\n/);
    expect(output.stdout).toContain('Fix: Open the Archive tab of the chart of accounts in Xero: https://go.xero.com/');
    expect(output.stdout).toContain('Will keep failing until these are fixed:\n   - [error] ACCOUNT_ARCHIVED Customer Credits:');
  });

  it('exits 2 on an unreadable snapshot, naming the file and the field', async () => {
    const missing = await runExplain(['--snapshot', 'nope.json', ARCHIVED], io({}));
    expect(missing).toEqual({ exitCode: 2, stdout: '', stderr: 'explain: nope.json: cannot read the file (no such file)\n' });
    const invalid = await runExplain(['--snapshot', 'bad.json', ARCHIVED], io({ 'bad.json': JSON.stringify({ xero: { accounts: 'none' } }) }));
    expect(invalid.exitCode).toBe(2);
    expect(invalid.stderr).toContain('bad.json: xero.accounts: expected an array');
    const notJson = await runExplain(['--snapshot', 'x.json', ARCHIVED], io({ 'x.json': '{' }));
    expect(notJson.exitCode).toBe(2);
    expect(notJson.stderr).toContain('x.json: not valid JSON');
  });

  it('exits 2 on bad arguments with the usage, and 0 with it on --help', async () => {
    const bad = await runExplain(['--format', 'yaml', ARCHIVED], io({}));
    expect(bad.exitCode).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^explain: --format: .*\n\nUsage:\n {2}npm run explain -- /);
    const help = await runExplain(['--help'], io({}));
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('Usage:');
  });

  it('exits 2 on a text longer than it reads', async () => {
    const output = await runExplain([], io({}, 'x'.repeat(200_001)));
    expect(output.exitCode).toBe(2);
    expect(output.stderr).toContain('at most 200000');
  });
});
