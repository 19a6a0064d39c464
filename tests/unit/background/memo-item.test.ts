// The worker's copies of items read on every page load (memo-item.ts, trusted-items.ts): read once, never stale.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { memoizeItem } from '../../../utils/background/memo-item';
import { defineTrustedItem } from '../../../utils/background/trusted-items';

function countedItem() {
  const item = storage.defineItem<Record<string, number>>('session:memoTest', { fallback: {} });
  const getValue = vi.spyOn(item, 'getValue');
  return { item: memoizeItem(item), reads: () => getValue.mock.calls.length };
}

describe('memoizeItem', () => {
  it('reads storage once, then from memory, and hands out copies', async () => {
    const { item, reads } = countedItem();
    await fakeBrowser.storage.session.set({ memoTest: { a: 1 } });
    const first = await item.getValue();
    first.a = 99;
    expect(await item.getValue()).toEqual({ a: 1 });
    expect(reads()).toBe(1);
  });

  it('reads its own write from memory, the echo of that write included', async () => {
    const { item, reads } = countedItem();
    await item.getValue();
    const written = { b: 2 };
    await item.setValue(written);
    written.b = 3;
    expect(await item.getValue()).toEqual({ b: 2 });
    expect(await fakeBrowser.storage.session.get('memoTest')).toEqual({ memoTest: { b: 2 } });
    expect(reads()).toBe(1);
  });

  it('forgets a write that failed', async () => {
    const { item } = countedItem();
    await fakeBrowser.storage.session.set({ memoTest: { kept: 1 } });
    vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValueOnce(new Error('quota'));
    await expect(item.setValue({ lost: 1 })).rejects.toThrow('quota');
    expect(await item.getValue()).toEqual({ kept: 1 });
  });

  it('drops its copy when another context changes the value', async () => {
    const { item } = countedItem();
    expect(await item.getValue()).toEqual({});
    await fakeBrowser.storage.session.set({ memoTest: { c: 3 } });
    expect(await item.getValue()).toEqual({ c: 3 });
  });

  it('does not keep a read that a write overlapped', async () => {
    const { item } = countedItem();
    await fakeBrowser.storage.session.set({ memoTest: { old: 1 } });
    const reading = item.getValue();
    const writing = item.setValue({ new: 1 });
    await Promise.all([reading, writing]);
    expect(await item.getValue()).toEqual({ new: 1 });
  });
});

describe('defineTrustedItem', () => {
  it('returns what was last written, and copies that callers cannot change', async () => {
    const item = defineTrustedItem<{ id: string }[]>('memoTrusted', []);
    expect(await item.getValue()).toEqual([]);
    await item.setValue([{ id: 'x' }]);
    const read = await item.getValue();
    read.push({ id: 'y' });
    expect(await item.getValue()).toEqual([{ id: 'x' }]);
    await item.removeValue();
    expect(await item.getValue()).toEqual([]);
  });

  it('forgets its copy when the database is deleted (a new generation)', async () => {
    const item = defineTrustedItem<string>('memoTrustedReset', 'fallback');
    await item.setValue('stored');
    expect(await item.getValue()).toBe('stored');
    await new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase('mapping-guard-state');
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    });
    expect(await item.getValue()).toBe('fallback');
  });
});
