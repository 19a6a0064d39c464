// Each pair's history of checks: written when an audit is stored (also for pairs stored by an earlier release, which
// have a result but no history yet), shown by getPractice, forgotten with the pair.
import { beforeEach, describe, expect, it } from 'vitest';
import { pairHandlers } from '@/utils/background/handlers/pairs';
import { practiceHandlers } from '@/utils/background/handlers/practice';
import { historyOf, recordCheck } from '@/utils/background/history';
import { createPracticeQueue } from '@/utils/background/practice-queue';
import type { StoredResult } from '@/utils/background/results';
import { pairsItem } from '@/utils/background/state';
import { fakeContext, pair, storedResult } from './fake-context';

const withFindings = (at: string, ...codes: string[]): StoredResult => {
  const base = storedResult(1);
  const findings = codes.map((code) => ({ code, severity: 'error', subject: { kind: 'role', key: code }, message: code }));
  return { ...base, auditedAt: at, keys: codes.map((code) => `${code}:k`), audit: { ...base.audit, findings } as unknown as StoredResult['audit'] };
};
const extension = { caller: 'extension' as const };

beforeEach(async () => {
  await pairsItem.setValue([pair]);
});

describe('history of checks', () => {
  it('starts from a result stored by an earlier release (no history yet) and records what changed', async () => {
    const earlier = withFindings('2026-12-01T00:00:00.000Z', 'A', 'B'); // today's format: a result, no history
    expect(await historyOf(pair.id)).toEqual([]);
    await recordCheck(pair.id, earlier, withFindings('2026-12-02T00:00:00.000Z', 'B', 'C'));
    const [entry] = await historyOf(pair.id);
    expect(entry).toMatchObject({ errors: 2, addedCount: 1, removedCount: 1 });
    expect(entry?.first).toBeUndefined();
    expect(entry?.added[0]?.code).toBe('C');
  });

  it('keeps both entries when two pairs’ checks end at the same time (one record, writes take turns)', async () => {
    const other = 'other-pair';
    await Promise.all([
      recordCheck(pair.id, withFindings('2026-12-01T00:00:00.000Z', 'A'), withFindings('2026-12-02T00:00:00.000Z', 'A', 'B')),
      recordCheck(other, withFindings('2026-12-01T00:00:00.000Z', 'X'), withFindings('2026-12-02T00:00:00.000Z', 'Y')),
    ]);
    expect((await historyOf(pair.id)).map((entry) => entry.added.map((finding) => finding.code))).toEqual([['B']]);
    expect((await historyOf(other)).map((entry) => entry.added.map((finding) => finding.code))).toEqual([['Y']]);
  });

  it('writes nothing for a refresh that failed before any audit existed', async () => {
    expect(await recordCheck(pair.id, undefined, { ...withFindings('x'), lastError: { message: 'refused' } })).toBeUndefined();
    expect(await historyOf(pair.id)).toEqual([]);
  });

  it('is shown by getPractice and forgotten when the pair is removed', async () => {
    const fake = fakeContext();
    await recordCheck(pair.id, undefined, withFindings('2026-12-01T00:00:00.000Z', 'A'));
    const practice = practiceHandlers(fake.ctx, createPracticeQueue(fake.ctx));
    const { rows } = await practice.getPractice(undefined, extension);
    expect(rows.map((row) => [row.pair.id, row.history.length])).toEqual([[pair.id, 1]]);
    await pairHandlers(fake.ctx).removePair({ pairId: pair.id }, extension);
    expect(await historyOf(pair.id)).toEqual([]);
  });
});
