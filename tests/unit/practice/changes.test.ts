// Change detection between two checks, and the bounded history it feeds (issue #18).
import { describe, expect, it } from 'vitest';
import { appendHistory, changeText, detectChange, HISTORY_LIMIT, lastChange, MAX_CHANGED_KEYS, type CheckEntry } from '@/utils/practice/changes';

type Sev = 'error' | 'warning' | 'info';
const audit = (...findings: [key: string, code: string, severity: Sev][]) => ({
  keys: findings.map(([key]) => key),
  findings: findings.map(([, code, severity]) => ({ code, severity })),
});

describe('detectChange', () => {
  it('names new and resolved findings by key, with the counts after the check', () => {
    const before = audit(['a', 'ACCOUNT_ARCHIVED', 'error'], ['b', 'LOCK_DATE', 'warning']);
    const after = audit(['b', 'LOCK_DATE', 'warning'], ['c', 'ACCOUNT_TYPE', 'error'], ['d', 'NOTE', 'info']);
    const entry = detectChange(before, after, '2026-12-01T00:00:00.000Z');
    expect(entry).toMatchObject({ errors: 1, warnings: 1, infos: 1, addedCount: 2, removedCount: 1 });
    expect(entry.added.map((f) => f.key)).toEqual(['c', 'd']);
    expect(entry.removed).toEqual([{ key: 'a', code: 'ACCOUNT_ARCHIVED', severity: 'error' }]);
    expect(entry.first).toBeUndefined();
  });

  it('calls nothing new on a pair’s first check', () => {
    const entry = detectChange(undefined, audit(['a', 'X', 'error']), 'now');
    expect(entry).toMatchObject({ first: true, addedCount: 0, removedCount: 0, errors: 1 });
  });

  it('finds no change when the same findings come back in another order', () => {
    const entry = detectChange(audit(['a', 'X', 'error'], ['b', 'Y', 'warning']), audit(['b', 'Y', 'warning'], ['a', 'X', 'error']), 'now');
    expect(entry.addedCount + entry.removedCount).toBe(0);
    expect(changeText(entry)).toBeUndefined();
  });

  it('keeps at most MAX_CHANGED_KEYS keys but counts them all', () => {
    const many = audit(...Array.from({ length: MAX_CHANGED_KEYS + 10 }, (_, i): [string, string, Sev] => [`k${i}`, 'X', 'error']));
    const entry = detectChange(audit(), many, 'now');
    expect(entry.added).toHaveLength(MAX_CHANGED_KEYS);
    expect(entry.addedCount).toBe(MAX_CHANGED_KEYS + 10);
  });
});

describe('history', () => {
  const entry = (at: string, added = 0): CheckEntry => ({
    at, errors: 0, warnings: 0, infos: 0, added: [], removed: [], addedCount: added, removedCount: 0,
  });

  it('drops the oldest checks past the limit', () => {
    let history: CheckEntry[] = [];
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) history = appendHistory(history, entry(String(i).padStart(3, '0')));
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history[0]?.at).toBe('005');
  });

  it('finds the last check that changed something', () => {
    expect(lastChange([entry('1', 2), entry('2', 1), entry('3')])?.at).toBe('2');
    expect(lastChange([entry('1')])).toBeUndefined();
  });

  it('says the change in words, new errors first', () => {
    const text = changeText(detectChange(audit(['a', 'OLD', 'error']), audit(['b', 'ACCOUNT_ARCHIVED', 'error'], ['c', 'W', 'warning']), 'now'));
    expect(text).toBe('1 new error and 1 new warning or note (ACCOUNT_ARCHIVED); 1 resolved');
  });
});
