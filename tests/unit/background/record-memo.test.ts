// The small per-pair records are kept in memory for the worker's life (record-memo.ts): read once, then answered
// without IndexedDB; a write is remembered once stored, a failed one is not; forgetting a pair drops its records.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createRecordMemo } from '@/utils/background/record-memo';
import { createPairDataStore } from '@/utils/background/results';

describe('record memo', () => {
  it('loads a record once, then answers from memory; a write replaces it once saved', async () => {
    const memo = createRecordMemo<'results'>();
    let loads = 0;
    const load = async () => ++loads;
    expect(await memo.read('results', 'p1', load)).toBe(1);
    expect(await memo.read('results', 'p1', load)).toBe(1);
    expect(loads).toBe(1);
    await memo.write('results', 'p1', 42, async () => undefined);
    expect(await memo.read('results', 'p1', load)).toBe(42);
    expect(loads).toBe(1);
  });

  it('remembers neither a failed read nor a failed write', async () => {
    const memo = createRecordMemo<'results'>();
    await expect(memo.read('results', 'p1', () => Promise.reject(new Error('busy')))).rejects.toThrow('busy');
    expect(await memo.read('results', 'p1', async () => 'stored')).toBe('stored');
    await expect(memo.write('results', 'p1', 'new', () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    expect(await memo.read('results', 'p1', async () => 'stored again')).toBe('stored again');
  });

  it('forgets every record of one pair only', async () => {
    const memo = createRecordMemo<'results' | 'mappings'>();
    await memo.write('results', 'p1', 'r1', async () => undefined);
    await memo.write('mappings', 'p1', 'm1', async () => undefined);
    await memo.write('results', 'p2', 'r2', async () => undefined);
    memo.forget('p1');
    expect(await memo.read('results', 'p1', async () => 'loaded')).toBe('loaded');
    expect(await memo.read('mappings', 'p1', async () => 'loaded')).toBe('loaded');
    expect(await memo.read('results', 'p2', async () => 'loaded')).toBe('r2');
  });
});

describe('the pair data store with it', () => {
  it('answers what it wrote, hands out reviewed keys as a copy, and reads what another worker stored after a restart', async () => {
    const store = createPairDataStore('record-memo-store');
    await store.putFeatures('p1', { assemblies: true } as never);
    expect(await store.getFeatures('p1')).toEqual({ assemblies: true });
    await store.putReviewed('p1', new Set(['a']));
    const reviewed = await store.getReviewed('p1');
    reviewed.add('b');
    expect([...(await store.getReviewed('p1'))]).toEqual(['a']);
    const restarted = createPairDataStore('record-memo-store');
    expect([...(await restarted.getReviewed('p1'))]).toEqual(['a']);
    await store.forget('p1');
    expect(await store.getFeatures('p1')).toEqual({});
  });
});
