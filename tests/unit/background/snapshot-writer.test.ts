// Issue #17: a refresh writes Cin7's big lists page by page as they arrive and merges an incremental answer into the
// stored pages a page at a time; what it writes reads back as a snapshot put whole would, and nothing is left behind.
import { describe, expect, it } from 'vitest';
import { idbKeys, openDatabase } from '@/utils/background/idb';
import { createSnapshotStore, PAGE_RECORDS } from '@/utils/background/snapshot-store';
import { mergeChanged, pageMerge } from '@/utils/background/incremental';
import { refreshSnapshot, type StoredSnapshot } from '@/utils/background/snapshot';
import type { Cin7Client } from '@/utils/cin7/api/client';
import type { XeroClient } from '@/utils/xero/api/client';

const products = (n: number, from = 0, name = 'Tent') => Array.from({ length: n }, (_, i) => ({ ID: `p${from + i}`, SKU: `S${from + i}`, Name: `${name} ${from + i}` }));
const fetched = { 'cin7.products': '2026-11-20T10:00:00.000Z' };

describe('merging changes page by page', () => {
  it('gives what mergeChanged gives: replaced in place, new ones (last copy) at the end, keyless ones kept', () => {
    const cached = [...products(5), { Name: 'no id' }];
    const changed = [{ ID: 'p3', Name: 'changed' }, { ID: 'new', Name: 'first' }, { Name: 'keyless' }, { ID: 'new', Name: 'second' }, { ID: 'p0', Name: 'zero' }];
    const merge = pageMerge<object>(changed);
    const byPages = [...merge.page(cached.slice(0, 2)), ...merge.page(cached.slice(2)), ...merge.rest()];
    expect(byPages).toEqual(mergeChanged<object>(cached, changed));
  });
});

describe('the snapshot writer', () => {
  it('stores a list in pages of PAGE_RECORDS as it arrives; a snapshot naming them reads back, the older pages go', async () => {
    const store = createSnapshotStore('writer-roundtrip');
    await store.put('p', { version: 1, snapshot: { cin7: { products: products(PAGE_RECORDS * 1.5, 0, 'Old') } }, fetched });
    const writer = await store.writer('p');
    const previous: object[] = [];
    for await (const page of writer.previous('cin7.products')) previous.push(...page);
    expect(previous).toEqual(products(PAGE_RECORDS * 1.5, 0, 'Old'));

    const list = writer.list('cin7.products');
    await list.add(products(PAGE_RECORDS * 0.7));
    await list.add(products(PAGE_RECORDS * 1.8, PAGE_RECORDS * 0.7));
    const pages = await list.end();
    expect(pages.pages).toBe(3);
    const stored: StoredSnapshot = { version: 1, snapshot: { cin7: { me: { Company: 'Acme' } as never } }, fetched, pages: { 'cin7.products': pages } };
    // Read back before it is put (a full disk): the pages are there.
    expect((await writer.read(stored)).snapshot.cin7?.products).toEqual(products(PAGE_RECORDS * 2.5));
    await store.put('p', stored);
    const back = await store.get('p');
    expect(back?.snapshot.cin7?.products).toEqual(products(PAGE_RECORDS * 2.5));
    expect(back?.snapshot.cin7?.me).toEqual({ Company: 'Acme' });
    expect(back).not.toHaveProperty('pages');
    expect((await store.get('p', { omit: ['cin7.products'] }))?.snapshot.cin7).not.toHaveProperty('products');
  });

  it('a list kept from the previous snapshot stays readable; pages of an abandoned list are deleted at the next put', async () => {
    const store = createSnapshotStore('writer-kept');
    await store.put('p', { version: 1, snapshot: { cin7: { products: products(PAGE_RECORDS * 1.2), customers: [{ ID: 'c1' }] as never } }, fetched });
    const writer = await store.writer('p');
    const abandoned = writer.list('cin7.products');
    await abandoned.add(products(PAGE_RECORDS, PAGE_RECORDS * 5));
    const kept = writer.kept('cin7.products');
    expect(kept?.pages).toBe(2);
    const customers = writer.list('cin7.customers');
    await customers.add([{ ID: 'c2' }]);
    await store.put('p', { version: 1, snapshot: {}, fetched, pages: { 'cin7.products': kept, 'cin7.customers': await customers.end() } });
    const back = await store.get('p');
    expect(back?.snapshot.cin7?.products).toEqual(products(PAGE_RECORDS * 1.2));
    expect(back?.snapshot.cin7?.customers).toEqual([{ ID: 'c2' }]);
    // Only the pages named are left: 2 of products, 1 of customers, each with its columns kept apart (the ones the
    // audit does not read), and the meta record.
    expect(await idbKeys(await openDatabase('writer-kept', ['parts'], 1), 'parts')).toHaveLength(7);
  });
});

describe('a full refresh with the writer', () => {
  const noDocuments = async () => ({ items: [], pagesRead: 1, truncated: false });
  const cin7 = { me: async () => ({ Company: 'Acme' }), listAll: async () => [], saleSummaries: noDocuments, purchaseSummaries: noDocuments } as unknown as Cin7Client;
  const items = [{ ItemID: 'i1', Code: 'TNT-1', Name: 'Tent' }];

  it('reads the previous snapshot without Xero’s items, and keeps their stored pages when they cannot be fetched', async () => {
    const store = createSnapshotStore('writer-full-xero');
    await store.put('p', { version: 1, snapshot: { xero: { items } }, fetched: { 'xero.items': '2026-11-20T10:00:00.000Z' } });
    const failing = {
      organisation: async () => ({ Name: 'Acme Ltd' }),
      list: async (name: string) => {
        if (name === 'Items') throw new Error('Xero is down');
        return { notModified: false, changedOnly: false, items: [] };
      },
    } as unknown as XeroClient;
    const writer = await store.writer('p');
    // As the refresher reads it for a full refresh.
    const previous = await store.get('p', { omit: ['xero.items'] });
    expect(previous?.snapshot.xero).not.toHaveProperty('items');
    const { stored, failures } = await refreshSnapshot({ cin7, xero: failing, previous, full: true, now: () => Date.parse('2026-12-05T10:00:00Z'), writer });
    expect(failures.map((failure) => failure.list)).toEqual(['xero.items']);
    await store.put('p', stored);
    expect((await store.get('p'))?.snapshot.xero?.items).toEqual(items);
  });
});
