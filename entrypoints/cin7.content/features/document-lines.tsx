// Sale and purchase pages: asks the background for the document in the hash (`getDocument`) and shows, per line,
// the account it will post to and which level decided, with lock-date warnings. Refetches after a refresh.
import { stripTarget } from '../../../utils/audit/links';
import { isPurchase, isSale, recordFromUrl } from '../../../utils/cin7/routes';
import { defineFeature } from '../../../utils/overlay/feature-registry';
import { describeError } from '../../../utils/overlay/panel-state';
import type { Cin7FeatureEnv } from '../environment';
import { DocumentSection, type DocumentSectionState } from '../sections/DocumentSection';

export default defineFeature<Cin7FeatureEnv>({
  id: 'document-lines',
  include: [isSale, isPurchase],
  restartOn: 'url',
  async init(signal, env) {
    const record = recordFromUrl(stripTarget(env.url.href));
    if (!record || (record.kind !== 'sale' && record.kind !== 'purchase')) return;
    const kind = record.kind;
    const show = (state: DocumentSectionState) =>
      env.panel.showWhileActive(
        { id: 'document-lines', title: kind === 'sale' ? 'This sale' : 'This purchase', order: 20, content: <DocumentSection state={state} /> },
        signal,
      );
    const id = record.id;
    if (!id) return show({ kind: 'no-id' });

    const load = async () => {
      try {
        const document = await env.services.getDocument({ kind, id });
        if (!signal.aborted) show({ kind: 'loaded', document });
      } catch (error) {
        if (!signal.aborted) show({ kind: 'failed', message: describeError(error) });
      }
    };
    show({ kind: 'loading' });
    // A finished refresh brings new data: check the document again.
    const unsubscribe = env.status.subscribe((state, previous) => {
      if (state.status?.fetchedAt !== previous.status?.fetchedAt && previous.status) void load();
    });
    signal.addEventListener('abort', unsubscribe, { once: true });
    await load();
  },
});
