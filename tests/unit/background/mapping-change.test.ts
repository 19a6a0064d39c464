// Issue #15 item 5: page script can edit the Account Mapping inputs before they are read, so a mapping that changes
// is visible ("The Account Mapping changed: N rows", old → new) and reversible (the previous one is kept, one level).
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPairDataStore } from '@/utils/background/results';
import { pageInputHandlers } from '@/utils/background/handlers/page-inputs';
import { mappingDiff, MAX_CHANGED_ROWS_SHOWN } from '@/utils/background/mapping-change';
import { pairsItem } from '@/utils/background/state';
import { readStatus } from '@/utils/background/status';
import { actions } from '@/utils/protocol/actions';
import { statusSchema } from '@/utils/protocol/shapes';
import { fakeContext, pair } from './fake-context';

const cin7Tab = { caller: 'content' as const, app: 'cin7' as const, tabId: 7 };
const options = { caller: 'extension' as const };
const rows = (accounts: Record<string, string | null>) => Object.entries(accounts).map(([label, account]) => ({ label, account }));
const ORIGINAL = { 'Cost of goods sold': '500: COGS', Inventory: '630: Inventory', Sales: '200: Sales' };

let fake: ReturnType<typeof fakeContext>;
let handlers: ReturnType<typeof pageInputHandlers>;
let audited: ReturnType<typeof vi.fn>;
const save = (accounts: Record<string, string | null>, caller: typeof cin7Tab | typeof options = cin7Tab) =>
  handlers.saveMapping({ rows: rows(accounts), readAt: new Date().toISOString() }, caller);
const status = () => readStatus(fake.ctx, pair);

beforeEach(async () => {
  fake = fakeContext();
  audited = vi.fn(async () => undefined);
  Object.assign(fake.refresher, { reaudit: audited });
  handlers = pageInputHandlers(fake.ctx);
  await pairsItem.setValue([pair]);
});

describe('mappingDiff', () => {
  it('names each role whose account differs, added and removed roles included, ignoring spacing and case of labels', () => {
    const before = { readAt: 'a', rows: rows({ ...ORIGINAL, 'Gift card liability': '820: Gift cards' }) };
    const after = { readAt: 'b', rows: rows({ 'cost of goods  sold': '500: COGS', Inventory: '631: Stock', Sales: '200: Sales', Rounding: '860: Rounding' }) };
    expect(mappingDiff(before, after)).toEqual([
      { label: 'Inventory', from: '630: Inventory', to: '631: Stock' },
      { label: 'Rounding', from: null, to: '860: Rounding' },
      { label: 'Gift card liability', from: '820: Gift cards', to: null },
    ]);
  });

  it('treats an empty account as not mapped', () => {
    expect(mappingDiff({ readAt: 'a', rows: rows({ Sales: null }) }, { readAt: 'b', rows: rows({ Sales: ' ' }) })).toEqual([]);
  });
});

describe('a mapping saved from a Cin7 tab', () => {
  it('the first read is not a change', async () => {
    await save(ORIGINAL);
    expect((await status()).mappingChange).toBeUndefined();
  });

  it('a read that differs keeps the previous mapping and the status says which rows changed', async () => {
    await save(ORIGINAL);
    await save({ ...ORIGINAL, Inventory: '999: Suspense', Sales: '999: Suspense' });
    const current = await status();
    expect(statusSchema.parse(current).mappingChange).toMatchObject({
      count: 2,
      rows: [
        { label: 'Inventory', from: '630: Inventory', to: '999: Suspense' },
        { label: 'Sales', from: '200: Sales', to: '999: Suspense' },
      ],
    });
    expect((await fake.store.getMappingChange(pair.id))?.previous.rows).toEqual(rows(ORIGINAL));
  });

  it('the same mapping read again is no change', async () => {
    await save(ORIGINAL);
    await save(ORIGINAL);
    expect(await fake.store.getMappingChange(pair.id)).toBeUndefined();
  });

  it('keeps the last accepted mapping through several changes, and a read back to it clears the notice', async () => {
    await save(ORIGINAL);
    await save({ ...ORIGINAL, Sales: '999: One' });
    await save({ ...ORIGINAL, Sales: '999: Two' });
    expect((await status()).mappingChange?.rows).toEqual([{ label: 'Sales', from: '200: Sales', to: '999: Two' }]);
    await save(ORIGINAL);
    expect((await status()).mappingChange).toBeUndefined();
  });

  it('bounds the rows a status carries but counts them all', async () => {
    const many = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`Role ${i}`, `${i}: Account`]));
    await save(many);
    await save(Object.fromEntries(Object.keys(many).map((label) => [label, '999: Suspense'])));
    const change = statusSchema.parse(await status()).mappingChange;
    expect(change?.count).toBe(60);
    expect(change?.rows).toHaveLength(MAX_CHANGED_ROWS_SHOWN);
  });

  it('restore puts the previous mapping back, re-audits and clears the notice', async () => {
    await save(ORIGINAL);
    await save({ ...ORIGINAL, Inventory: '999: Suspense' });
    expect(await handlers.restorePreviousMapping({ pairId: pair.id }, options)).toEqual({ restored: true });
    expect((await fake.store.getMapping(pair.id))?.rows).toEqual(rows(ORIGINAL));
    expect((await status()).mappingChange).toBeUndefined();
    expect(audited).toHaveBeenCalledTimes(3); // two saves and the restore
    expect(await handlers.restorePreviousMapping({ pairId: pair.id }, options)).toEqual({ restored: false });
  });

  it('accept keeps the new mapping and forgets the previous one', async () => {
    await save(ORIGINAL);
    await save({ ...ORIGINAL, Inventory: '631: Stock' });
    await handlers.acceptMappingChange({ pairId: pair.id }, options);
    expect((await fake.store.getMapping(pair.id))?.rows).toEqual(rows({ ...ORIGINAL, Inventory: '631: Stock' }));
    expect((await status()).mappingChange).toBeUndefined();
  });

  it('an edit saved in the options page is the user’s own: no notice, and a pending one is accepted', async () => {
    await save(ORIGINAL);
    await save({ ...ORIGINAL, Sales: '201: Other' }, options);
    expect(await fake.store.getMappingChange(pair.id)).toBeUndefined();
    await save({ ...ORIGINAL, Sales: '999: Page' });
    await save({ ...ORIGINAL, Sales: '202: Mine' }, options);
    expect(await fake.store.getMappingChange(pair.id)).toBeUndefined();
  });

  it('accept and restore are for extension pages only, with strict arguments', () => {
    expect(actions.acceptMappingChange.sender).toBe('extension');
    expect(actions.restorePreviousMapping.sender).toBe('extension');
    expect(actions.restorePreviousMapping.args.safeParse({ pairId: 'p', mapping: {} }).success).toBe(false);
  });
});

describe('the pair store keeps the previous mapping (IndexedDB)', () => {
  it('stores, reads back, deletes, and forgets it with the pair; a record it cannot read is absent', async () => {
    const store = createPairDataStore('mapping-change-test');
    const change = { previous: { readAt: 'a', rows: rows(ORIGINAL) }, changedAt: '2026-11-21T12:00:00.000Z' };
    await store.putMappingChange('p1', change);
    expect(await store.getMappingChange('p1')).toEqual(change);
    await store.putMappingChange('p1', undefined);
    expect(await store.getMappingChange('p1')).toBeUndefined();
    await store.putMappingChange('p2', change);
    await store.forget('p2');
    expect(await store.getMappingChange('p2')).toBeUndefined();
    await store.putMappingChange('p3', { previous: 'junk' } as never);
    // As a restarted worker reads it (the first one remembers what it wrote: record-memo.ts).
    expect(await createPairDataStore('mapping-change-test').getMappingChange('p3')).toBeUndefined();
  });
});
