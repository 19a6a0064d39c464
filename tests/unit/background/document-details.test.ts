// A refresh's document details: one document that cannot be read (deleted since it was listed, an unreadable answer)
// is marked, waits out a back-off and blocks nothing; Cin7 failing as a whole stops the list; the details take only
// the time the refresh has left, so the lists already fetched are stored (issue #14 review).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Cin7Client } from '@/utils/cin7/api/client';
import { cin7CredentialsError, cin7HttpError, cin7InvalidResponse } from '@/utils/cin7/api/errors';
import type { Cin7SaleListItem } from '@/utils/schemas/cin7';
import { DETAILS_START_MARGIN_MS, DETAILS_STOP_MARGIN_MS, UNREADABLE_RETRY_MS } from '@/utils/background/document-details';
import { pendingDocuments, refreshDocuments, type DocumentRefreshInput } from '@/utils/background/document-refresh';
import { documentWindow } from '@/utils/background/document-window';
import { refreshCoverage } from '@/utils/background/coverage';

const NOW = Date.parse('2026-11-21T12:00:00Z');
const window = documentWindow({ Currency: 'NZD', LockDate: null }, { Name: 'Acme', BaseCurrency: 'NZD' }, '2026-11-21');
const iso = (ms: number) => new Date(ms).toISOString();

/** Sales s1…sN, s1 changed last (it is asked for first). */
const listed = (count: number): Cin7SaleListItem[] =>
  Array.from({ length: count }, (_, index) => ({
    SaleID: `s${index + 1}`,
    Status: 'INVOICED',
    OrderDate: '2026-11-10T00:00:00',
    InvoiceDate: '2026-11-10T00:00:00',
    Updated: `2026-11-${String(20 - index).padStart(2, '0')}T00:00:00Z`,
  }));

/** A Cin7 client whose `sale` answers through `answer` (default: the sale); records the details asked for. */
function fakeCin7(sales: Cin7SaleListItem[], answer: (id: string) => Promise<unknown> = (id) => Promise.resolve({ ID: id, Status: 'INVOICED' })) {
  const asked: string[] = [];
  const client = {
    saleSummaries: async () => ({ items: sales, pagesRead: 1, truncated: false }),
    purchaseSummaries: async () => ({ items: [], pagesRead: 1, truncated: false }),
    sale: (id: string) => {
      asked.push(id);
      return answer(id);
    },
    purchase: () => Promise.reject(new Error('no purchases listed')),
  } as unknown as Cin7Client;
  return { client, asked };
}

const input = (cin7: Cin7Client, at: number, previous: DocumentRefreshInput['previous'] = {}, extra: Partial<DocumentRefreshInput> = {}): DocumentRefreshInput => ({
  cin7,
  window,
  xeroLock: null,
  previous,
  full: false,
  now: () => at,
  ...extra,
});

const entryOf = (outcome: Awaited<ReturnType<typeof refreshDocuments>>, id: string) => outcome.index.sales.find((entry) => entry.id === id);

afterEach(() => vi.useRealTimers());

describe('a document that cannot be read', () => {
  it('(deleted since it was listed, or unreadable) is marked and the others are fetched; the lists’ times move on', async () => {
    // s1 sorts first and was deleted after the list was read; s3's answer cannot be read.
    const first = fakeCin7(listed(4), (id) =>
      id === 's1' ? Promise.reject(cin7HttpError('sale', 404, 'not found')) : id === 's3' ? Promise.reject(cin7InvalidResponse('sale', 'Lines: invalid', '{}')) : Promise.resolve({ ID: id, Status: 'INVOICED' }),
    );
    const one = await refreshDocuments(input(first.client, NOW, { sales: [{ ID: 's1', Status: 'INVOICED' }] }, { full: true }));
    expect(first.asked.sort()).toEqual(['s1', 's2', 's3', 's4']);
    expect(one.sales.map((sale) => sale.ID).sort()).toEqual(['s2', 's4']); // s1's older copy goes: it no longer exists
    expect(one.failures).toEqual([]);
    expect(one.succeeded).toEqual(['sales', 'purchases']);
    expect(one.index.readAt).toBe(iso(NOW));
    expect(one.index.fullAt).toBe(iso(NOW));
    expect(entryOf(one, 's1')?.failed).toEqual({ at: iso(NOW), times: 1 });
    const coverage = refreshCoverage({ version: 1, snapshot: { cin7: { sales: one.sales } }, fetched: {}, documents: one.index });
    expect(coverage.find((entry) => entry.check === 'documents-unreadable')?.reason).toMatch(/^2 sales and purchases in the window could not be read from Cin7 Core/);
    expect(coverage.some((entry) => entry.check === 'documents-pending')).toBe(false);

    // The next refresh does not ask for them during the back-off; after it, it does (and s3 now reads).
    const second = fakeCin7(listed(4));
    const two = await refreshDocuments(input(second.client, NOW + 10 * 60_000, { index: one.index, sales: one.sales }));
    expect(second.asked).toEqual([]);
    const third = fakeCin7(listed(4), (id) => (id === 's1' ? Promise.reject(cin7HttpError('sale', 404, 'not found')) : Promise.resolve({ ID: id, Status: 'INVOICED' })));
    const three = await refreshDocuments(input(third.client, NOW + UNREADABLE_RETRY_MS + 1000, { index: two.index, sales: two.sales }));
    expect(third.asked.sort()).toEqual(['s1', 's3']);
    expect(entryOf(three, 's1')?.failed?.times).toBe(2);
    expect(entryOf(three, 's3')?.failed).toBeUndefined();
    expect(three.sales.map((sale) => sale.ID).sort()).toEqual(['s2', 's3', 's4']);
  });

  it('a server error after the retries stops the list, but that document waits its turn so the next refresh gets the rest', async () => {
    const previousIndex = (await refreshDocuments(input(fakeCin7([]).client, NOW - 3_600_000))).index;
    const first = fakeCin7(listed(5), () => Promise.reject(cin7HttpError('sale', 500, 'boom')));
    const one = await refreshDocuments(input(first.client, NOW, { index: previousIndex }, { cap: 1 }));
    expect(one.failures.map((failure) => failure.list)).toEqual(['sales']);
    expect(one.index.readAt).toBe(previousIndex.readAt);
    const second = fakeCin7(listed(5));
    const two = await refreshDocuments(input(second.client, NOW + 60_000, { index: one.index, sales: one.sales }));
    expect(second.asked.sort()).toEqual(['s2', 's3', 's4', 's5']);
    expect(two.failures).toEqual([]);
    expect(two.index.readAt).toBe(iso(NOW + 60_000));
  });

  it('a refused key stops the list’s details and marks no document', async () => {
    const { client, asked } = fakeCin7(listed(6), () => Promise.reject(cin7CredentialsError(401, 'no')));
    const outcome = await refreshDocuments(input(client, NOW));
    expect(asked).toHaveLength(2); // the two already started; nothing after
    expect(outcome.failures.map((failure) => failure.list)).toEqual(['sales', 'sales']);
    expect(outcome.index.sales.some((entry) => entry.failed)).toBe(false);
    expect(pendingDocuments(outcome.index)).toBe(6);
  });
});

describe('the details and the refresh’s deadline', () => {
  it('start only while the time left allows; what is left waits for the next refresh', async () => {
    let clock = NOW;
    const endsAt = NOW + DETAILS_START_MARGIN_MS + 3 * 60_000;
    const { client, asked } = fakeCin7(listed(20), (id) => {
      clock += 60_000; // each detail takes a minute of the refresh (a big account's rate-limit waits)
      return Promise.resolve({ ID: id, Status: 'INVOICED' });
    });
    const outcome = await refreshDocuments(input(client, NOW, {}, { now: () => clock, timeLeft: () => endsAt - clock }));
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.length).toBeLessThanOrEqual(4);
    expect(pendingDocuments(outcome.index)).toBe(20 - asked.length);
    expect(outcome.succeeded).toEqual(['sales', 'purchases']);
    expect(outcome.index.readAt).toBe(iso(NOW));
  });

  it('a detail still in flight near the deadline is given up: what was fetched is returned in time', async () => {
    vi.useFakeTimers({ now: NOW });
    const endsAt = NOW + DETAILS_START_MARGIN_MS + 60_000;
    const { client } = fakeCin7(listed(5), (id) => (id === 's1' ? new Promise(() => undefined) : Promise.resolve({ ID: id, Status: 'INVOICED' })));
    let finished = false;
    const pending = refreshDocuments(input(client, NOW, {}, { now: Date.now, timeLeft: () => endsAt - Date.now() })).finally(() => (finished = true));
    await vi.advanceTimersByTimeAsync(endsAt - DETAILS_STOP_MARGIN_MS - NOW - 1000);
    expect(finished).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(finished).toBe(true);
    const outcome = await pending;
    expect(outcome.sales.map((sale) => sale.ID).sort()).toEqual(['s2', 's3', 's4', 's5']);
    expect(pendingDocuments(outcome.index)).toBe(1);
    expect(outcome.succeeded).toEqual(['sales', 'purchases']);
  });
});
