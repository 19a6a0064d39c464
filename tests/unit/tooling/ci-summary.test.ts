import { describe, expect, it } from 'vitest';
import { tallyReport } from '../../../.ci/summarize-results';

const report = (testResults: unknown[], passed: number, failed: number) =>
  JSON.stringify({ numPassedTests: passed, numFailedTests: failed, testResults });

describe('CI summary of vitest JSON reports', () => {
  it('takes the passed and failed counts of a report', () => {
    const raw = report(
      [{ name: 'a.test.ts', status: 'failed', assertionResults: [{ status: 'passed' }, { status: 'failed' }] }],
      1,
      1,
    );
    expect(tallyReport('unit.json', raw)).toEqual({ passed: 1, failed: 1, notes: [] });
  });

  it('counts a file that failed without a failed test (throwing beforeAll, import error) as one failure', () => {
    const raw = report(
      [{ name: 'smoke.e2e.ts', status: 'failed', message: 'hook\nstack', assertionResults: [{ status: 'skipped' }] }],
      0,
      0,
    );
    const tally = tallyReport('e2e.json', raw);
    expect(tally.failed).toBe(1);
    expect(tally.notes).toEqual(['smoke.e2e.ts: failed outside a test: hook']);
  });

  it('counts a missing or unreadable report as a failure', () => {
    expect(tallyReport('e2e.json', undefined)).toMatchObject({ passed: 0, failed: 1 });
    expect(tallyReport('e2e.json', '{"numPassedTests": "many"}')).toMatchObject({ passed: 0, failed: 1 });
  });
});
