// Scheduling a refresh of every pair within each Cin7 key's and each Xero organisation's limits (issue #18).
import { describe, expect, it } from 'vitest';
import { pairsToStart } from '@/utils/practice/schedule';

const pair = (id: string, cin7AccountId: string, xeroTenantId: string) => ({ id, cin7AccountId, xeroTenantId });
const ids = (list: { id: string }[]) => list.map((p) => p.id);

describe('pairsToStart', () => {
  const a1 = pair('a1', 'keyA', 'org1');
  const a2 = pair('a2', 'keyA', 'org2'); // shares A's Cin7 key
  const b1 = pair('b1', 'keyB', 'org1'); // shares org1 with a1
  const c3 = pair('c3', 'keyC', 'org3');
  const all = [a1, a2, b1, c3];

  it('never starts two pairs sharing a Cin7 key or a Xero organisation together', () => {
    expect(ids(pairsToStart(['a1', 'a2', 'b1', 'c3'], all, new Set(), 4))).toEqual(['a1', 'c3']);
  });

  it('waits behind a running pair of the same key or organisation', () => {
    expect(ids(pairsToStart(['a2', 'b1', 'c3'], all, new Set(['a1']), 4))).toEqual(['c3']);
    expect(ids(pairsToStart(['a2', 'b1'], all, new Set(['c3']), 4))).toEqual(['a2', 'b1']);
  });

  it('runs no more than the parallel limit in all', () => {
    const unrelated = [pair('x', 'k1', 'o1'), pair('y', 'k2', 'o2'), pair('z', 'k3', 'o3')];
    expect(ids(pairsToStart(['x', 'y', 'z'], unrelated, new Set(), 2))).toEqual(['x', 'y']);
    expect(ids(pairsToStart(['y', 'z'], unrelated, new Set(['x']), 2))).toEqual(['y']);
  });

  it('skips ids of pairs that no longer exist and pairs already running', () => {
    expect(ids(pairsToStart(['gone', 'a1', 'c3'], all, new Set(['c3']), 4))).toEqual(['a1']);
  });

  it('works through a queue of pairs sharing one key one at a time, in order', () => {
    const shared = [pair('p1', 'key', 'o1'), pair('p2', 'key', 'o2'), pair('p3', 'key', 'o3')];
    const order: string[] = [];
    const queue = ['p1', 'p2', 'p3'];
    while (queue.length) {
      const [next, ...rest] = pairsToStart(queue, shared, new Set(), 3);
      expect(rest).toEqual([]);
      order.push(next!.id);
      queue.splice(queue.indexOf(next!.id), 1);
    }
    expect(order).toEqual(['p1', 'p2', 'p3']);
  });
});
