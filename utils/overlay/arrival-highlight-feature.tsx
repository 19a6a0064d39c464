// The arrival highlight both overlays run: a fix link with `mg-target=<kind>:<key>` in its fragment (inside Xero's org
// wrapper it reaches the page as the fragment) scrolls to and marks that row once the page has rendered it; when the
// row never appears, the panel says so. Each overlay only supplies how to find a target on its pages.
import { readTarget, type LinkTarget } from '../audit/links';
import { defineFeature, type FeatureDefinition, type RouteTest } from './feature-registry';
import { highlightWhenPresent } from './highlight';
import type { PanelContributionStore } from './panel-state';

export interface ArrivalHighlightEnv {
  url: URL;
  panel: PanelContributionStore;
}

export function defineArrivalHighlightFeature<Env extends ArrivalHighlightEnv>(options: {
  include: readonly RouteTest[];
  find: (target: LinkTarget, root: Document) => HTMLElement | null;
}): FeatureDefinition<Env> {
  return defineFeature<Env>({
    id: 'arrival-highlight',
    include: options.include,
    exclude: [(url) => readTarget(url.href) === null],
    restartOn: 'url',
    async init(signal, env) {
      const target = readTarget(env.url.href);
      if (!target) return;
      const found = await highlightWhenPresent(() => options.find(target, document), { signal, timeoutMs: 15_000 });
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
}
