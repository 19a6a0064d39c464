// Arrival highlight: a fix link with `mg-target=<kind>:<key>` in its fragment scrolls to and marks that row
// (a mapping role, an account code, a record field) once the page has rendered it.
import { readTarget } from '../../../utils/audit/links';
import { isEveryPage } from '../../../utils/cin7/routes';
import { findTargetElement } from '../../../utils/cin7/readers/targets';
import { defineFeature } from '../../../utils/overlay/feature-registry';
import { highlightWhenPresent } from '../../../utils/overlay/highlight';
import type { Cin7FeatureEnv } from '../environment';

export default defineFeature<Cin7FeatureEnv>({
  id: 'arrival-highlight',
  include: [isEveryPage],
  exclude: [(url) => readTarget(url.href) === null],
  restartOn: 'url',
  async init(signal, env) {
    const target = readTarget(env.url.href);
    if (!target) return;
    const found = await highlightWhenPresent(() => findTargetElement(target, document), { signal, timeoutMs: 15_000 });
    if (!found && !signal.aborted) {
      env.panel.showWhileActive(
        {
          id: 'arrival-highlight',
          title: 'Fix target',
          order: 5,
          content: <p className="mg-muted">Could not find “{target.key}” on this page.</p>,
        },
        signal,
      );
    }
  },
});
