// Content-script actions cannot burn the rate limit (issue #15 item 4): a tab's Cin7 look-ups are budgeted, recent
// documents are kept, one count reads the sale and purchase lists for every caller and then only what changed, a list
// longer than the page cap answers `truncated`, and a refresh's calls go before a page's in the queue.
import { beforeEach, describe, expect, it } from 'vitest';
import type { BackgroundContext } from '@/utils/background/context';
import { documentHandlers } from '@/utils/background/handlers/documents';
import { createOnDemandCin7 } from '@/utils/background/on-demand';
import { LISTS_FRESH_MS } from '@/utils/background/document-lists';
import { pairsItem } from '@/utils/background/state';
import { TAB_BUDGET } from '@/utils/background/tab-budget';
import { CIN7_DOCUMENT_LIST_PAGE_CAP, Cin7Client, cin7Queues } from '@/utils/cin7/api/client';
import { QUEUE_PRIORITY } from '@/utils/net/limits';
import type { ActionContext } from '@/utils/protocol/server';
import { fakeContext, NOW, pair } from './fake-context';

const credentials = { accountId: 'acc', applicationKey: 'key' };
const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
const cin7Tab = (tabId: number): ActionContext => ({ caller: 'content', app: 'cin7', tabId });
const xeroTab = (tabId: number): ActionContext => ({ caller: 'content', app: 'xero', tabId });

/** A Cin7 API of `sales` sale summaries (all dated 2026-01-15) and 3 purchases; records every URL asked for. */
function cin7Api(options: { sales: number; delayMs?: number }) {
  const urls: URL[] = [];
  let changed: { SaleID: string; Status: string; OrderDate: string }[] = [];
  const fetchFn = (async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    urls.push(url);
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    const page = Number(url.searchParams.get('Page') ?? '1');
    const path = url.pathname.split('/').pop()?.toLowerCase();
    if (path === 'sale') return json({ ID: url.searchParams.get('ID'), Customer: 'Acme', Status: 'ORDERED' });
    if (path === 'salelist') {
      if (url.searchParams.has('UpdatedSince')) return json({ Total: changed.length, SaleList: changed });
      const from = (page - 1) * 1000;
      const count = Math.max(0, Math.min(1000, options.sales - from));
      const SaleList = Array.from({ length: count }, (_, i) => ({ SaleID: `s${from + i}`, Status: 'INVOICED', OrderDate: '2026-01-15' }));
      return json({ Total: options.sales, SaleList });
    }
    if (path === 'purchaselist') {
      const PurchaseList = url.searchParams.has('UpdatedSince') ? [] : [1, 2, 3].map((n) => ({ ID: `p${n}`, Status: 'ORDERED', OrderDate: '2026-01-20' }));
      return json({ Total: PurchaseList.length, PurchaseList });
    }
    return new Response('not found', { status: 404 });
  }) as typeof fetch;
  const calls = (name: string) => urls.filter((url) => url.pathname.toLowerCase().endsWith(`/${name.toLowerCase()}`));
  return { fetchFn, calls, change: (sales: typeof changed) => void (changed = sales) };
}

let clock = NOW;
beforeEach(async () => {
  clock = NOW;
  cin7Queues.configure({ perWindow: 1000, windowMs: 1000, concurrency: 2 });
  await pairsItem.setValue([pair]);
});

function context(api: ReturnType<typeof cin7Api>) {
  const fake = fakeContext();
  const now = () => clock;
  const refresher = { ...fake.refresher, cin7Client: async () => new Cin7Client(credentials, { fetch: api.fetchFn, retryBaseMs: 1 }) };
  const ctx = { ...fake.ctx, now, refresher, onDemand: createOnDemandCin7(now) } as unknown as BackgroundContext;
  return documentHandlers(ctx);
}

describe('getDocument from a content script', () => {
  it('40 random ids from one tab make at most the budget’s calls; the rest are refused in words', async () => {
    const api = cin7Api({ sales: 0 });
    const handlers = context(api);
    const ids = Array.from({ length: 40 }, () => crypto.randomUUID());
    const answers = [];
    for (const id of ids) answers.push(await handlers.getDocument({ kind: 'sale', id }, cin7Tab(5)));
    expect(api.calls('sale')).toHaveLength(TAB_BUDGET.perWindow);
    expect(answers.filter((answer) => answer.found)).toHaveLength(TAB_BUDGET.perWindow);
    const refused = answers.filter((answer) => !answer.found);
    expect(refused[0]?.reason).toMatch(/more than 20 Cin7 Core look-ups in a minute.*Try again in \d+ s/);
    // Another tab has its own budget; the extension's own pages have none.
    expect((await handlers.getDocument({ kind: 'sale', id: 'other-tab' }, cin7Tab(6))).found).toBe(true);
    expect((await handlers.getDocument({ kind: 'sale', id: 'options-page' }, { caller: 'extension' })).found).toBe(true);
    // After the minute, the tab may ask again.
    clock += TAB_BUDGET.windowMs;
    expect((await handlers.getDocument({ kind: 'sale', id: 'later' }, cin7Tab(5))).found).toBe(true);
  });

  it('a document asked for again within a minute is answered without a call, and costs no budget', async () => {
    const api = cin7Api({ sales: 0 });
    const handlers = context(api);
    for (let i = 0; i < 30; i++) expect((await handlers.getDocument({ kind: 'sale', id: 'S-1' }, cin7Tab(5))).found).toBe(true);
    expect(api.calls('sale')).toHaveLength(1);
    clock += 61_000;
    await handlers.getDocument({ kind: 'sale', id: 'S-1' }, cin7Tab(5));
    expect(api.calls('sale')).toHaveLength(2);
  });
});

describe('countLockedDocuments', () => {
  it('two concurrent counts make one pass over the lists; a count soon after makes none; later, only changes are read', async () => {
    const api = cin7Api({ sales: 2500, delayMs: 5 });
    const handlers = context(api);
    const [first, second] = await Promise.all([
      handlers.countLockedDocuments({ to: '2026-01-31' }, xeroTab(1)),
      handlers.countLockedDocuments({ from: '2026-01-16', to: '2026-01-31' }, xeroTab(2)),
    ]);
    expect(first).toEqual({ counted: true, sales: 2500, purchases: 3 });
    expect(second).toEqual({ counted: true, sales: 0, purchases: 3 });
    expect(api.calls('saleList')).toHaveLength(3);
    expect(api.calls('purchaseList')).toHaveLength(1);

    await handlers.countLockedDocuments({ to: '2026-01-31' }, xeroTab(1));
    expect(api.calls('saleList')).toHaveLength(3);

    // One sale voided, one added: read with UpdatedSince and merged into the kept list.
    api.change([
      { SaleID: 's0', Status: 'VOIDED', OrderDate: '2026-01-15' },
      { SaleID: 'new', Status: 'INVOICED', OrderDate: '2026-01-10' },
    ]);
    clock += LISTS_FRESH_MS;
    expect(await handlers.countLockedDocuments({ to: '2026-01-31' }, xeroTab(1))).toEqual({ counted: true, sales: 2500, purchases: 3 });
    const incremental = api.calls('saleList').slice(3);
    expect(incremental).toHaveLength(1);
    expect(incremental[0]?.searchParams.get('UpdatedSince')).toBe(new Date(NOW - 5 * 60_000).toISOString().replace(/\.\d{3}Z$/, ''));
    expect(await handlers.countLockedDocuments({ to: '2026-01-12' }, xeroTab(1))).toEqual({ counted: true, sales: 1, purchases: 0 });
  });

  it('a list longer than the page cap answers truncated, with the pages read, after reading only the cap', async () => {
    const api = cin7Api({ sales: (CIN7_DOCUMENT_LIST_PAGE_CAP + 2) * 1000 });
    const result = await context(api).countLockedDocuments({ to: '2026-01-31' }, xeroTab(1));
    expect(result).toEqual({
      counted: true,
      sales: CIN7_DOCUMENT_LIST_PAGE_CAP * 1000,
      purchases: 3,
      truncated: true,
      truncatedLists: ['sales'],
      pagesRead: { sales: CIN7_DOCUMENT_LIST_PAGE_CAP, purchases: 1 },
      pageCap: CIN7_DOCUMENT_LIST_PAGE_CAP,
    });
    expect(api.calls('saleList')).toHaveLength(CIN7_DOCUMENT_LIST_PAGE_CAP);
  });
});

describe('the Cin7 queue', () => {
  it('runs a refresh’s calls before the calls pages queued earlier', async () => {
    cin7Queues.configure({ perWindow: 1000, windowMs: 1000, concurrency: 1 });
    const order: string[] = [];
    const fetchFn = (async (input: RequestInfo | URL) => {
      order.push(new URL(String(input)).searchParams.get('ID') ?? 'me');
      await new Promise((resolve) => setTimeout(resolve, 5));
      return json({ ID: 'x', Company: 'Acme', Currency: 'NZD' });
    }) as typeof fetch;
    const page = new Cin7Client(credentials, { fetch: fetchFn, priority: QUEUE_PRIORITY.onDemand });
    const refresh = new Cin7Client(credentials, { fetch: fetchFn, priority: QUEUE_PRIORITY.refresh });
    await Promise.all([page.sale('page-1'), page.sale('page-2'), page.sale('page-3'), refresh.me()]);
    // page-1 was already running; the refresh's call jumps the two that waited.
    expect(order).toEqual(['page-1', 'me', 'page-2', 'page-3']);
  });
});
