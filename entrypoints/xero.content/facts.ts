// The pair facts the Xero features share (mapped accounts, lock dates), fetched once per page and again when the
// background reports new data (a refresh finished, the mapping was read again).
import { createStore } from 'zustand/vanilla';
import type { XeroPageFacts } from '../../utils/protocol/shapes';
import { describeError } from '../../utils/overlay/panel-state';
import type { StatusStore } from '../../utils/overlay/status-store';

export interface FactsState {
  facts: XeroPageFacts | null;
  error: string | null;
}

export type FactsStore = ReturnType<typeof createFactsStore>;

export function createFactsStore(fetchFacts: () => Promise<XeroPageFacts>, status: StatusStore, signal: AbortSignal) {
  const store = createStore<FactsState>(() => ({ facts: null, error: null }));
  let generation = 0;
  const load = async () => {
    const mine = ++generation;
    try {
      const facts = await fetchFacts();
      if (!signal.aborted && mine === generation) store.setState({ facts, error: null });
    } catch (error) {
      if (!signal.aborted && mine === generation) store.setState({ error: describeError(error) });
    }
  };
  const unsubscribe = status.subscribe((state, previous) => {
    const now = state.status;
    const before = previous.status;
    if (now && (now.fetchedAt !== before?.fetchedAt || now.mappingReadAt !== before?.mappingReadAt || now.pairId !== before?.pairId)) void load();
  });
  signal.addEventListener('abort', unsubscribe, { once: true });
  return Object.assign(store, { load });
}
