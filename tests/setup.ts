import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetMemoizedItems } from '../utils/background/memo-item';

beforeEach(async () => {
  fakeBrowser.reset();
  // The reset drops the storage listeners that keep the worker's copies of some items honest (memo-item.ts).
  forgetMemoizedItems();
  // The background's trusted store (pairs, Cin7 accounts: utils/background/trusted-items.ts) lives in IndexedDB.
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase('mapping-guard-state');
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
});
