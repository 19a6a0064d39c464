// The refresh's documents on a big account: the window from the lock dates, a cap on details per refresh (likely
// locked-period documents first), the next refresh continuing, a failed list keeping its copy, all said in coverage.
import { describe, expect, it } from 'vitest';
import type { Cin7Client } from '@/utils/cin7/api/client';
import type { Cin7PurchaseListItem, Cin7SaleListItem } from '@/utils/schemas/cin7';
import { refreshDocuments, type DocumentIndex } from '@/utils/background/document-refresh';
import { documentWindow } from '@/utils/background/document-window';
import { refreshCoverage } from '@/utils/background/coverage';
import type { StoredSnapshot } from '@/utils/background/snapshot';

const NOW = Date.parse('2026-11-21T12:00:00Z');
const window = documentWindow({ Currency: 'NZD', LockDate: '2026-09-30T00:00:00' }, { Name: 'Acme', BaseCurrency: 'NZD', PeriodLockDate: '/Date(1782777600000+0000)/' }, '2026-11-21');

function fakeCin7(sales: Cin7SaleListItem[], purchases: Cin7PurchaseListItem[] = [], failPurchases = false) {
  const calls: string[] = [];
  const client = {
    saleSummaries: async (options: { updatedSince?: string }) => {
      calls.push(`saleList ${options.updatedSince ?? 'all'}`);
      return { items: sales, pagesRead: 1, truncated: false };
    },
    purchaseSummaries: async () => {
      calls.push('purchaseList');
      if (failPurchases) throw new Error('purchaseList down');
      return { items: purchases, pagesRead: 1, truncated: false };
    },
    sale: async (id: string) => {
      calls.push(`sale ${id}`);
      return { ID: id, Status: 'INVOICED', Invoices: [], Order: { SaleOrderNumber: `SO-${id}` }, Unprojected: 'dropped' };
    },
    purchase: async (id: string) => {
      calls.push(`purchase ${id}`);
      return { ID: id, Status: 'INVOICED' };
    },
  } as unknown as Cin7Client;
  return { client, calls };
}

const sale = (id: string, day: string, updated: string, status = 'INVOICED'): Cin7SaleListItem => ({
  SaleID: id,
  Status: status,
  OrderDate: `${day}T00:00:00`,
  InvoiceDate: `${day}T00:00:00`,
  Updated: updated,
});

describe('the document window', () => {
  it('starts after the earliest lock date, and says so in words', () => {
    // Cin7 30 Sep 2026; Xero's period lock 30 Jun 2026 (the earlier one).
    expect(window.from).toBe('2026-07-01');
    expect(window.description).toMatch(/^Sales and purchases dated or changed from 1 Jul 2026 \(after the earliest lock date, Xero’s period lock date 30 Jun 2026\)/);
  });

  it('reaches back 90 days when neither app has a lock date', () => {
    const open = documentWindow({ Currency: 'NZD', LockDate: null }, { Name: 'Acme', BaseCurrency: 'NZD' }, '2026-11-21');
    expect(open.from).toBe('2026-08-23');
    expect(open.description).toContain('neither Cin7 Core nor Xero has a lock date');
  });
});

describe('refreshDocuments', () => {
  const listed = [
    sale('old', '2026-05-01', '2026-05-02T00:00:00Z'), // dated and changed before the window: never fetched
    sale('backdated', '2026-06-15', '2026-11-19T00:00:00Z'), // changed since: may post into the locked period
    sale('draft', '2026-11-10', '2026-11-10T00:00:00Z', 'DRAFT'), // posts nothing
    sale('voided', '2026-11-10', '2026-11-10T00:00:00Z', 'VOIDED'),
    sale('recent-1', '2026-11-01', '2026-11-01T00:00:00Z', 'COMPLETED'),
    sale('recent-2', '2026-11-20', '2026-11-20T00:00:00Z'),
  ];

  it('fetches at most the cap, likely locked documents first, and the next refresh continues without fetching again', async () => {
    const first = fakeCin7(listed);
    const progress: string[] = [];
    const one = await refreshDocuments({
      cin7: first.client,
      window,
      xeroLock: '2026-06-30',
      previous: {},
      full: false,
      now: () => NOW,
      cap: 2,
      onProgress: (list, done, of) => progress.push(`${list} ${done}/${of}`),
    });
    expect(first.calls.filter((c) => c.startsWith('sale '))).toEqual(['sale backdated', 'sale recent-2']);
    expect(one.index.sales.map((s) => s.id).sort()).toEqual(['backdated', 'recent-1', 'recent-2']);
    expect(one.sales).toEqual([
      { ID: 'backdated', Status: 'INVOICED', Invoices: [], Order: { SaleOrderNumber: 'SO-backdated' } },
      { ID: 'recent-2', Status: 'INVOICED', Invoices: [], Order: { SaleOrderNumber: 'SO-recent-2' } },
    ]);
    expect(progress).toEqual(['Cin7 sales and purchases 1/2', 'Cin7 sales and purchases 2/2']);
    const stored: StoredSnapshot = { version: 1, snapshot: { cin7: { sales: one.sales, purchases: one.purchases } }, fetched: {}, documents: one.index };
    expect(refreshCoverage(stored).find((e) => e.check === 'documents-pending')?.reason).toMatch(/^1 of 3 sales and purchases in the window are not checked yet: a refresh fetches at most 2/);

    const second = fakeCin7(listed);
    const two = await refreshDocuments({ cin7: second.client, window, xeroLock: '2026-06-30', previous: { index: one.index, sales: one.sales }, full: false, now: () => NOW + 60_000, cap: 2 });
    expect(second.calls).toEqual(['saleList 2026-11-21T11:55:00', 'purchaseList', 'sale recent-1']);
    expect(two.sales.map((s) => s.ID)).toEqual(['backdated', 'recent-2', 'recent-1']);
    const done: StoredSnapshot = { version: 1, snapshot: { cin7: { sales: two.sales, purchases: two.purchases } }, fetched: {}, documents: two.index };
    expect(refreshCoverage(done).some((e) => e.check === 'documents-pending')).toBe(false);
  });

  it('a failed list keeps its copy, its fetch time is not renewed, and a voided document leaves the audit', async () => {
    const previousIndex: DocumentIndex = {
      window,
      readAt: new Date(NOW - 3_600_000).toISOString(),
      fullAt: new Date(NOW - 3_600_000).toISOString(),
      sales: [{ id: 'recent-2', updated: '2026-11-20T00:00:00Z', status: 'INVOICED', days: ['2026-11-20'], detail: '2026-11-20T00:00:00Z' }],
      purchases: [{ id: 'p1', updated: '2026-11-02T00:00:00Z', status: 'INVOICED', days: ['2026-11-02'], detail: '2026-11-02T00:00:00Z' }],
      truncated: [],
      cap: 100,
    };
    const { client } = fakeCin7([sale('recent-2', '2026-11-20', '2026-11-21T10:00:00Z', 'VOIDED')], [], true);
    const outcome = await refreshDocuments({
      cin7: client,
      window,
      xeroLock: '2026-06-30',
      previous: { index: previousIndex, sales: [{ ID: 'recent-2' }], purchases: [{ ID: 'p1' }] },
      full: false,
      now: () => NOW,
    });
    expect(outcome.sales).toEqual([]);
    expect(outcome.purchases).toEqual([{ ID: 'p1' }]);
    expect(outcome.succeeded).toEqual(['sales']);
    expect(outcome.failures.map((f) => f.list)).toEqual(['purchases']);
    expect(outcome.index.readAt).toBe(previousIndex.readAt); // the next read asks again from before the failure

    const stored: StoredSnapshot = {
      version: 1,
      snapshot: { cin7: { sales: [], purchases: outcome.purchases } },
      fetched: { 'cin7.purchases': '2026-11-21T11:00:00.000Z' },
      failed: { 'cin7.purchases': { message: 'Cin7 Core did not answer.' } },
      documents: outcome.index,
    };
    expect(refreshCoverage(stored).find((e) => e.check === 'fetch:cin7.purchases')).toEqual({
      check: 'fetch:cin7.purchases',
      label: 'Cin7 purchases fetched',
      ran: false,
      reason: 'Not fetched at the last refresh (Cin7 Core did not answer.): its checks used the copy fetched 21 Nov 2026, 11:00 UTC.',
    });
  });
});
