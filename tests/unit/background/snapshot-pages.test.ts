// Issue #17: the snapshot is stored by list and page with shared strings, reads back as it was written, and a
// snapshot in the single record of older releases is still read (then replaced by pages on the next write).
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { idbDelete, idbGet, idbKeys, idbPut, openDatabase } from '@/utils/background/idb';
import { decodePage, encodePage, type EncodedColumns } from '@/utils/background/page-codec';
import { createPairDataStore } from '@/utils/background/results';
import { AUDIT_READ } from '@/utils/background/snapshot-store';
import type { StoredSnapshot } from '@/utils/background/snapshot';
import { loadScenario } from '@/utils/scenarios';

describe('pages with shared strings', () => {
  it('decode to the records encoded (nested objects, nulls, arrays, absent fields)', () => {
    const records = [
      { Code: '200', Name: 'Sales', SalesDetails: { AccountCode: '200', TaxType: 'OUTPUT2' }, Tags: ['a'], Note: null },
      { Code: '201', Name: 'Sales', IsSold: false, UnitPrice: 1.5 },
      { Code: '202', Empty: {} },
    ];
    expect(decodePage(encodePage(records))).toEqual(records);
  });

  it('keeps a page whose keys hold a dot as it is', () => {
    const records = [{ 'a.b': 1 }];
    expect(encodePage(records)).toEqual(records);
    expect(decodePage(encodePage(records))).toEqual(records);
  });

  it('stores the APIs’ lower-case UUIDs in 16 bytes and reads them back as the same strings; other ids as they are', () => {
    const ids = ['6a1f7bd0-2c3e-4d5f-8a9b-0c1d2e3f4a5b', '00000000-0000-4000-8000-ffffffffffff'];
    const page = encodePage(ids.map((ID) => ({ ID, Name: 'n' }))) as EncodedColumns;
    expect(page.columns[0]).toEqual({ uuids: expect.any(Uint8Array) });
    expect(decodePage(page)).toEqual(ids.map((ID) => ({ ID, Name: 'n' })));
    const other = ['6A1F7BD0-2C3E-4D5F-8A9B-0C1D2E3F4A5B', '{00000000-0000-4000-8000-ffffffffffff}', 'c1'].map((ID) => ({ ID }));
    expect(decodePage(encodePage(other))).toEqual(other);
    expect(decodePage(encodePage([{ ID: ids[0] }, { Name: 'no id' }]))).toEqual([{ ID: ids[0] }, { Name: 'no id' }]);
  });

  it('stores each column in its cheaper form: distinct values in row order, repeated ones as one-byte indices', () => {
    const records = Array.from({ length: 300 }, (_, row) => ({ SKU: `SKU-${row}`, Status: row % 3 ? 'Active' : 'Deprecated', Flag: row % 2 === 0 }));
    const page = encodePage(records) as EncodedColumns;
    expect(page.columns[0]).toHaveProperty('values');
    expect((page.columns[1] as { cells: unknown }).cells).toBeInstanceOf(Uint8Array);
    expect(decodePage(page)).toEqual(records);
  });

  it('stores a page of products in well under half the bytes of the records themselves', () => {
    const products = (loadScenario('large', { scale: 0.02 }).cin7?.products ?? []).slice(0, 1000);
    const encoded = serialize(encodePage(products)).length;
    expect(encoded / serialize(products).length).toBeLessThan(0.5);
    expect(decodePage(encodePage(products))).toEqual(products);
  });
});

describe('the pair store keeps the snapshot by page', () => {
  const snapshot = loadScenario('large', { scale: 0.25 }); // more products than a page holds (PAGE_RECORDS)
  const stored: StoredSnapshot = { version: 1, snapshot, fetched: { 'cin7.products': '2026-11-20T10:00:00.000Z' }, fullAt: { 'cin7.products': '2026-11-20T10:00:00.000Z' } };

  it('reads back what it stored', async () => {
    const data = createPairDataStore('pages-roundtrip');
    await data.putSnapshot('p1', stored);
    const back = await data.getSnapshot('p1');
    expect(back?.snapshot.cin7?.products).toEqual(snapshot.cin7?.products);
    expect(back?.snapshot.xero?.items).toEqual(snapshot.xero?.items);
    expect(back?.snapshot.cin7?.me).toEqual(snapshot.cin7?.me);
    expect(back?.fullAt).toEqual(stored.fullAt);
    await data.forget('p1');
    expect(await data.getSnapshot('p1')).toBeUndefined();
  });

  it('treats a snapshot with a page missing as absent rather than reading part of a list', async () => {
    const data = createPairDataStore('pages-missing');
    await data.putSnapshot('p1', stored);
    const parts = await openDatabase('pages-missing-snapshots', ['parts'], 1);
    const productPage = (await idbKeys(parts, 'parts')).find((key) => key.includes('cin7.products') && key.endsWith('000002'));
    expect(productPage).toBeDefined();
    await idbDelete(parts, 'parts', productPage ?? '');
    expect(await data.getSnapshot('p1')).toBeUndefined();
  });

  it('keeps the columns the audit does not read in records of their own: the audit reads without them, others with them', async () => {
    const data = createPairDataStore('pages-apart');
    await data.putSnapshot('p1', stored);
    const parts = await openDatabase('pages-apart-snapshots', ['parts'], 1);
    const apart = (await idbKeys(parts, 'parts')).filter((key) => key.includes('xero.items') && key.includes('~'));
    expect(apart.length).toBeGreaterThan(0);
    const page = (await idbGet(parts, 'parts', apart[0] ?? '')) as EncodedColumns;
    expect(page.fields).toContain('ItemID');
    expect(page.fields).not.toContain('Code');
    expect((await data.getSnapshot('p1'))?.snapshot.xero?.items).toEqual(snapshot.xero?.items);
    for (const key of apart) await idbDelete(parts, 'parts', key);
    // The audit's read never needed them; a full read finds the list incomplete.
    const lean = await data.getSnapshot('p1', AUDIT_READ);
    expect(lean?.snapshot.xero?.items).toHaveLength(snapshot.xero?.items?.length ?? -1);
    expect(lean?.snapshot.xero?.items?.[0]).not.toHaveProperty('ItemID');
    expect(await data.getSnapshot('p1')).toBeUndefined();
  });

  it('reads an older release’s single-record snapshot, and replaces it by pages on the next write', async () => {
    const data = createPairDataStore('pages-legacy');
    const db = await openDatabase('pages-legacy', ['snapshots', 'results', 'mappings', 'reviewed', 'features', 'previousMappings'], 3);
    await idbPut(db, 'snapshots', 'p1', stored);
    expect((await data.getSnapshot('p1'))?.snapshot.cin7?.products).toHaveLength(snapshot.cin7?.products?.length ?? -1);
    await data.putSnapshot('p1', stored);
    expect(await idbGet(db, 'snapshots', 'p1')).toBeUndefined();
    expect((await data.getSnapshot('p1'))?.snapshot.cin7?.products).toHaveLength(snapshot.cin7?.products?.length ?? -1);
  });
});
