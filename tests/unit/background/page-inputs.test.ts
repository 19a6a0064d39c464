// The mapping's one home is the pair's mappings store: a refresh never writes it into the stored snapshot, an older
// snapshot's copy is dropped on refresh and ignored when auditing.
import { describe, expect, it } from 'vitest';
import type { Cin7Client } from '@/utils/cin7/api/client';
import type { XeroClient } from '@/utils/xero/api/client';
import { withPageInputs } from '@/utils/background/page-inputs';
import { refreshSnapshot, type StoredSnapshot } from '@/utils/background/snapshot';
import type { Mapping } from '@/utils/schemas';
import { NOW } from './fake-context';

const stale: Mapping = { readAt: '2025-01-01T00:00:00Z', rows: [{ label: 'COGS', account: '999: Old' }] };
const current: Mapping = { readAt: '2026-11-21T10:00:00Z', rows: [{ label: 'COGS', account: '500: Cost of Goods Sold' }] };

describe('withPageInputs', () => {
  it('audits the given mapping, never a copy inside the snapshot', () => {
    const snapshot = { cin7: { me: null, mapping: stale } };
    expect(withPageInputs(snapshot, current, undefined).cin7?.mapping).toEqual(current);
    expect(withPageInputs(snapshot, undefined, undefined).cin7?.mapping).toBeUndefined();
    expect(withPageInputs(snapshot, undefined, { giftCards: true }).cin7).toEqual({ me: null, features: { giftCards: true } });
  });

  it('leaves a snapshot without Cin7 data as it is when there is nothing to add', () => {
    const snapshot = { xero: { accounts: [] } };
    expect(withPageInputs(snapshot, undefined, {})).toBe(snapshot);
  });
});

describe('refreshSnapshot', () => {
  const noDocuments = async () => ({ items: [], pagesRead: 1, truncated: false });
  const cin7 = {
    me: async () => ({ Company: 'Acme' }),
    listAll: async () => [],
    saleSummaries: noDocuments,
    purchaseSummaries: noDocuments,
  } as unknown as Cin7Client;
  const xero = {
    organisation: async () => ({ Name: 'Acme Ltd' }),
    list: async () => ({ notModified: false, changedOnly: false, items: [] }),
  } as unknown as XeroClient;

  it('stores what the APIs gave and drops an older snapshot’s mapping copy', async () => {
    const previous: StoredSnapshot = { version: 1, snapshot: { cin7: { me: null, mapping: stale, products: [] } }, fetched: {} };
    const { stored, failures } = await refreshSnapshot({ cin7, xero, previous, full: false, now: () => NOW });
    expect(failures).toEqual([]);
    expect(stored.snapshot.cin7).not.toHaveProperty('mapping');
    expect(stored.snapshot.cin7?.me).toEqual({ Company: 'Acme' });
  });
});
