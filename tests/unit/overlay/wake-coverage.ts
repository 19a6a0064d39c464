// Shared by each app's feature meta-test: the start script loads the overlay's bundle wherever a feature has work
// (utils/overlay/wake.ts). A feature that runs on every page must be the health panel (the start script's tab stands
// in for it), the arrival highlight (a URL with a target is claimed) or one that finds its page by text, listed in
// the app's `texts` under its id; any other feature's routes are the app's `routes`, and every example URL it runs on
// is claimed.
import { expect } from 'vitest';
import { featureMatches, type FeatureDefinition, type RouteTest } from '../../../utils/overlay/feature-registry';
import { claimsUrl, type OverlayWake } from '../../../utils/overlay/wake';

const STOOD_IN_FOR = ['health-panel', 'arrival-highlight'];

/**
 * `samples`: for each feature in `texts`, lower-case text its page shows (from the sources its own check reads): its
 * check claims it, and no other text the samples hold by accident (an empty page, a list page) is claimed.
 */
export function expectWakeCoversFeatures(
  features: readonly FeatureDefinition<never>[],
  wake: OverlayWake,
  everyPage: RouteTest,
  examples: URL[],
  samples: Readonly<Record<string, string>> = {},
): void {
  const ids = features.map((feature) => feature.id);
  expect(ids).toEqual(expect.arrayContaining(STOOD_IN_FOR));
  for (const id of Object.keys(wake.texts)) expect(ids, `texts lists ${id}, which is no feature`).toContain(id);
  expect(Object.keys(samples).sort(), 'a sample text for each text check').toEqual(Object.keys(wake.texts).sort());
  for (const [id, claims] of Object.entries(wake.texts)) {
    expect(claims(samples[id]!), `${id} claims its own page's text`).toBe(true);
    expect(claims(''), `${id} claims an empty page`).toBe(false);
    expect(claims('products · sku · name · category · stock on hand · price'), `${id} claims a product list`).toBe(false);
  }
  for (const feature of features) {
    const everywhere = feature.include.includes(everyPage);
    if (everywhere) {
      expect(STOOD_IN_FOR.includes(feature.id) || feature.id in wake.texts, `${feature.id} runs on every page: say what claims its pages`).toBe(true);
      continue;
    }
    for (const route of feature.include) expect(wake.routes, `${feature.id}: a route the start script does not claim`).toContain(route);
    for (const url of examples) if (featureMatches(feature as FeatureDefinition<unknown>, url)) expect(claimsUrl(wake, url), `${feature.id} on ${url.href}`).toBe(true);
  }
}
