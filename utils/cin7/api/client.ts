// Cin7 Core API v2 client: fixed endpoints only, Page/Limit paging, ModifiedSince for incremental refreshes,
// 60 calls/minute per application key, backoff on 429/503, zod on every response (research/cin7.md §1).
import { z } from 'zod';
import {
  cin7Envelopes,
  cin7ErrorSchema,
  cin7MeSchema,
  cin7PurchaseSchema,
  cin7SaleSchema,
  type Cin7Account,
  type Cin7Customer,
  type Cin7Me,
  type Cin7Product,
  type Cin7Supplier,
  type Cin7TaxRule,
  type Cin7Purchase,
  type Cin7PurchaseListItem,
  type Cin7Sale,
  type Cin7SaleListItem,
} from '../../schemas';
import { CIN7_LIMIT, QueueRegistry, retryDelayMs, sleep } from '../../net/limits';
import { getWithinLimit, isServerError, type ApiClientOptions } from '../../net/timed-fetch';
import { withheldSiteError } from '../../net/site-access';
import { CIN7_API_BASE } from '../../apps';
import { cin7CredentialsError, cin7HttpError, cin7InvalidResponse, cin7NetworkError, cin7ThrottledTooLong } from './errors';

export { CIN7_API_BASE };
export const CIN7_PAGE_SIZE = 1000;

export interface Cin7Credentials {
  accountId: string;
  applicationKey: string;
}

/** The paged lists we read, their endpoint, list key and whether the endpoint takes `ModifiedSince`. */
export const CIN7_LISTS = {
  accounts: { path: 'ref/account', key: 'AccountsList', incremental: false, label: 'Cin7 chart of accounts' },
  taxRules: { path: 'ref/tax', key: 'TaxRuleList', incremental: false, label: 'Cin7 tax rules' },
  products: { path: 'product', key: 'Products', incremental: true, label: 'Cin7 products' },
  customers: { path: 'customer', key: 'CustomerList', incremental: true, label: 'Cin7 customers' },
  suppliers: { path: 'supplier', key: 'SupplierList', incremental: true, label: 'Cin7 suppliers' },
} as const;
export type Cin7ListName = keyof typeof CIN7_LISTS;
interface Cin7ListItems {
  accounts: Cin7Account;
  taxRules: Cin7TaxRule;
  products: Cin7Product;
  customers: Cin7Customer;
  suppliers: Cin7Supplier;
}
export type Cin7ListItem<L extends Cin7ListName> = Cin7ListItems[L];

export interface DocumentListOptions {
  /** Pages to read at most (CIN7_DOCUMENT_LIST_PAGE_CAP by default). */
  maxPages?: number;
  /** Only documents changed since (ISO 8601, UTC without a zone as the other lists take it). */
  updatedSince?: string;
}

export interface PageProgress {
  list: string;
  page: number;
  pages?: number;
}

/** A page as it arrives: its records and whether it was the last (a refresh persists it before the next call). */
export interface ListPage<T> extends PageProgress {
  items: T[];
  last: boolean;
}

export interface Cin7ClientOptions extends ApiClientOptions {
  /** Queue priority of this client's calls (QUEUE_PRIORITY): a refresh's go before a page's. */
  priority?: number;
}

/** A paged read that may stop at its page cap: `truncated` when the list had more pages than were read. */
export interface PagedList<T> {
  items: T[];
  pagesRead: number;
  truncated: boolean;
}

/** Pages a document-summary list reads at most per call unless told otherwise (1,000 documents per page). */
export const CIN7_DOCUMENT_LIST_PAGE_CAP = 50;

/** Shared by every client in this worker: the limit is per application key, whoever calls. */
export const cin7Queues = new QueueRegistry(CIN7_LIMIT);

export class Cin7Client {
  private readonly fetchFn: typeof fetch;
  private readonly maxRetries: number;
  private readonly now: () => number;
  /** Calls actually sent (for figures and tests). */
  calls = 0;

  constructor(
    private readonly credentials: Cin7Credentials,
    private readonly options: Cin7ClientOptions = {},
  ) {
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
    this.maxRetries = options.maxRetries ?? 6;
    this.now = options.now ?? Date.now;
  }

  /** `GET me`: the company settings; also how credentials are tested. */
  me(): Promise<Cin7Me> {
    return this.get('me', {}, cin7MeSchema);
  }

  sale(id: string): Promise<Cin7Sale> {
    return this.get('sale', { ID: id }, cin7SaleSchema);
  }

  purchase(id: string): Promise<Cin7Purchase> {
    return this.get('purchase', { ID: id }, cin7PurchaseSchema);
  }

  /** Every sale summary (`saleList`) up to the page cap. */
  async saleList(options: DocumentListOptions = {}): Promise<Cin7SaleListItem[]> {
    return (await this.saleSummaries(options)).items;
  }

  /** Every purchase summary (`purchaseList`) up to the page cap. */
  async purchaseList(options: DocumentListOptions = {}): Promise<Cin7PurchaseListItem[]> {
    return (await this.purchaseSummaries(options)).items;
  }

  /** Sale summaries, saying whether the page cap cut the list short; `updatedSince` (spec: saleList UpdatedSince). */
  saleSummaries(options: DocumentListOptions = {}): Promise<PagedList<Cin7SaleListItem>> {
    return this.pageThrough('saleList', cin7Envelopes.saleList, (body) => body.SaleList, options);
  }

  /** Purchase summaries, likewise (spec: purchaseList UpdatedSince). */
  purchaseSummaries(options: DocumentListOptions = {}): Promise<PagedList<Cin7PurchaseListItem>> {
    return this.pageThrough('purchaseList', cin7Envelopes.purchaseList, (body) => body.PurchaseList, options);
  }

  private async pageThrough<B extends { Total?: number }, T>(
    path: string,
    envelope: z.ZodType<B>,
    itemsOf: (body: B) => T[],
    { maxPages = CIN7_DOCUMENT_LIST_PAGE_CAP, updatedSince }: DocumentListOptions,
  ): Promise<PagedList<T>> {
    const items: T[] = [];
    for (let page = 1; ; page++) {
      const query: Record<string, string> = { Page: String(page), Limit: String(CIN7_PAGE_SIZE) };
      if (updatedSince) query.UpdatedSince = updatedSince;
      const body = await this.get(path, query, envelope);
      const pageItems = itemsOf(body);
      items.push(...pageItems);
      const pages = typeof body.Total === 'number' ? Math.ceil(body.Total / CIN7_PAGE_SIZE) : undefined;
      const done = pageItems.length === 0 || (pages !== undefined ? page >= pages : pageItems.length < CIN7_PAGE_SIZE);
      if (done || page >= maxPages) return { items, pagesRead: page, truncated: !done };
    }
  }

  /**
   * Every page of a list. With `modifiedSince` (ISO), only records changed since then, on endpoints that support it;
   * the others are read in full (callers check `CIN7_LISTS[list].incremental`). `fromPage` continues a read that
   * stopped (the pages before it were read earlier); `onPage` is awaited before the next call.
   */
  async listAll<L extends Cin7ListName>(
    list: L,
    options: {
      modifiedSince?: string;
      fromPage?: number;
      /** Deprecated records too (spec: IncludeDeprecated): an incremental read learns which records were deprecated. */
      includeDeprecated?: boolean;
      /** False: the pages are only handed to `onPage` (a big list is not held twice). */
      collect?: boolean;
      onPage?: (page: ListPage<Cin7ListItem<L>>) => void | Promise<void>;
    } = {},
  ): Promise<Cin7ListItem<L>[]> {
    const spec = CIN7_LISTS[list];
    const envelope = cin7Envelopes[list] as z.ZodType<Record<string, unknown> & { Total?: number }>;
    const items: Cin7ListItem<L>[] = [];
    let pages: number | undefined;
    for (let page = options.fromPage ?? 1; ; page++) {
      const query: Record<string, string> = { Page: String(page), Limit: String(CIN7_PAGE_SIZE) };
      if (options.modifiedSince && spec.incremental) query.ModifiedSince = options.modifiedSince;
      if (options.includeDeprecated && spec.incremental) query.IncludeDeprecated = 'true';
      const body = await this.get(spec.path, query, envelope);
      const pageItems = body[spec.key] as Cin7ListItem<L>[];
      if (options.collect !== false) items.push(...pageItems);
      if (typeof body.Total === 'number') pages = Math.max(1, Math.ceil(body.Total / CIN7_PAGE_SIZE));
      const done = (pages !== undefined ? page >= pages : pageItems.length < CIN7_PAGE_SIZE) || pageItems.length === 0;
      await options.onPage?.({ list: spec.label, page, pages, items: pageItems, last: done });
      if (done) return items;
    }
  }

  private async get<T>(path: string, query: Record<string, string>, schema: z.ZodType<T>): Promise<T> {
    const url = new URL(path, CIN7_API_BASE);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    const queue = cin7Queues.get(`${this.credentials.accountId}:${this.credentials.applicationKey}`);
    for (let attempt = 0; ; attempt++) {
      const outcome = await queue.add(() => this.send(url), { priority: this.options.priority ?? 0 });
      if (outcome.kind === 'done') return this.parse(outcome.response, outcome.text, schema, path);
      // A site the browser withholds fails like the network: say so at once, no retry can help.
      const withheld = outcome.kind === 'network' ? await withheldSiteError(url, outcome.detail) : undefined;
      if (withheld) throw withheld;
      if (attempt >= this.maxRetries) {
        if (outcome.kind === 'network') throw cin7NetworkError(outcome.detail);
        if (outcome.kind === 'server') throw cin7HttpError(path, outcome.status, outcome.text);
        throw cin7ThrottledTooLong();
      }
      const wait = retryDelayMs(outcome.kind === 'throttled' ? outcome.retryAfter : null, attempt, this.now(), this.options.retryBaseMs);
      this.options.onWait?.(wait, outcome.kind === 'throttled' ? 'Cin7 rate limit' : 'Cin7 did not answer');
      await sleep(wait);
    }
  }

  private async send(
    url: URL,
  ): Promise<
    | { kind: 'done'; response: Response; text: string }
    | { kind: 'throttled'; retryAfter: string | null }
    | { kind: 'server'; status: number; text: string }
    | { kind: 'network'; detail: string }
  > {
    this.calls++;
    const answer = await getWithinLimit(
      this.fetchFn,
      url,
      {
        Accept: 'application/json',
        'api-auth-accountid': this.credentials.accountId,
        'api-auth-applicationkey': this.credentials.applicationKey,
      },
      this.options.timeoutMs,
    );
    if (answer.kind === 'network') return answer;
    const { response, text } = answer;
    // Cin7 documents 503 for its rate limit, others report 429: both mean "wait and retry".
    if (response.status === 429 || response.status === 503) return { kind: 'throttled', retryAfter: response.headers.get('Retry-After') };
    // Another server error (one bad page of a long list) is retried too, rather than abandoning the list.
    if (isServerError(response.status)) return { kind: 'server', status: response.status, text };
    return { kind: 'done', response, text };
  }

  private parse<T>(response: Response, text: string, schema: z.ZodType<T>, path: string): T {
    if (response.status === 401 || response.status === 403) throw cin7CredentialsError(response.status, text);
    if (!response.ok) throw cin7HttpError(path, response.status, text);
    const contentType = response.headers.get('Content-Type') ?? '';
    if (!contentType.includes('json') || /^\s*</.test(text)) throw cin7InvalidResponse(path, 'not JSON', text);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw cin7InvalidResponse(path, 'unreadable JSON', text);
    }
    // Cin7 sometimes reports errors with status 200, at the top level or as the first item of a list.
    const errorBody = cin7ErrorSchema.safeParse(Array.isArray(json) ? json[0] : json);
    if (errorBody.success) {
      const { ErrorCode, Exception } = errorBody.data;
      if (ErrorCode === 403 || ErrorCode === 401) throw cin7CredentialsError(ErrorCode, Exception ?? text);
      throw cin7HttpError(path, ErrorCode, Exception ?? text);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw cin7InvalidResponse(path, `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`, text);
    }
    return parsed.data;
  }
}
