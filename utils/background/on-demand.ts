// What pages ask of the Cin7 API between refreshes (a document, a count of documents), kept so that asking again
// costs nothing, and bounded per tab: a page cannot spend the account's rate limit that refreshes need.
import type { Cin7Purchase, Cin7Sale } from '../schemas/cin7';
import type { ActionContext } from '../protocol/server';
import { DocumentListCache } from './document-lists';
import { RecentCache } from './recent-cache';
import { TabBudget, TAB_BUDGET } from './tab-budget';

/** Recent documents per pair: a page re-rendering or a tab switched back to asks again within minutes. */
export const RECENT_DOCUMENTS = { perPair: 20, ttlMs: 60_000 } as const;

export type FetchedDocument = { kind: 'sale'; sale: Cin7Sale } | { kind: 'purchase'; purchase: Cin7Purchase };

export interface OnDemandCin7 {
  lists: DocumentListCache;
  /** The pair's recently fetched documents, keyed `kind|id`. */
  documentsOf(pairId: string): RecentCache<FetchedDocument>;
  budget: TabBudget;
  /** Charges a content script's request that will call the Cin7 API to its tab; the refusal in words, or undefined. */
  charge(context: ActionContext): string | undefined;
}

export function createOnDemandCin7(now: () => number, tabBudget = TAB_BUDGET): OnDemandCin7 {
  const budget = new TabBudget(now, tabBudget);
  const documents = new Map<string, RecentCache<FetchedDocument>>();
  return {
    lists: new DocumentListCache(now),
    documentsOf(pairId) {
      let cache = documents.get(pairId);
      if (!cache) documents.set(pairId, (cache = new RecentCache(now, RECENT_DOCUMENTS.perPair, RECENT_DOCUMENTS.ttlMs)));
      return cache;
    },
    budget,
    charge(context) {
      if (context.caller !== 'content' || context.tabId === undefined) return undefined;
      const taken = budget.take(context.tabId);
      return taken.ok ? undefined : taken.reason;
    },
  };
}
