// Arrival highlight: a fix link with `mg-target=<kind>:<key>` (inside the org wrapper's redirecturl, it reaches the
// page as the fragment) scrolls to and marks that account, item, currency or lock date once the page shows it.
import { readTarget } from '../../../utils/audit/links';
import { defineFeature } from '../../../utils/overlay/feature-registry';
import { highlightWhenPresent } from '../../../utils/overlay/highlight';
import { findXeroTarget } from '../../../utils/xero/readers/targets';
import { isEveryPage } from '../../../utils/xero/routes';
import type { XeroFeatureEnv } from '../environment';

export default defineFeature<XeroFeatureEnv>({
  id: 'arrival-highlight',
  include: [isEveryPage],
  exclude: [(url) => readTarget(url.href) === null],
  restartOn: 'url',
  async init(signal, env) {
    const target = readTarget(env.url.href);
    if (!target) return;
    const found = await highlightWhenPresent(() => findXeroTarget(target, document), { signal, timeoutMs: 15_000 });
    if (!found && !signal.aborted) {
      env.panel.showWhileActive(
        { id: 'arrival-highlight', title: 'Fix target', order: 5, content: <p className="mg-muted">Could not find “{target.key}” on this page.</p> },
        signal,
      );
    }
  },
});
