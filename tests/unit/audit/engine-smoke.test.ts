// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { runAudit, snapshotWith } from './fixtures';

describe('healthy snapshot', () => {
  it('has nothing to report and runs every check', () => {
    const result = runAudit(snapshotWith());
    expect(result.findings).toEqual([]);
    expect(result.coverage.filter((entry) => !entry.ran)).toEqual([]);
  });
});
