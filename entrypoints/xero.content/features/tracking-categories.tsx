// Tracking categories: Cin7 Core maps at most two of Xero's tracking categories (Category 1 and Category 2 in its
// Xero settings); archived ones cannot be used. Flags a third active category and the archived ones.
import { removeBadges, renderBadge } from '../../../utils/overlay/badges';
import { defineFeature } from '../../../utils/overlay/feature-registry';
import { observeChanges } from '../../../utils/overlay/observe';
import { readTrackingCategories } from '../../../utils/xero/readers/tracking';
import { isTracking } from '../../../utils/xero/routes';
import type { XeroFeatureEnv } from '../environment';
import { guarded } from '../guard';

const BADGE_KEY = 'tracking';
export const CIN7_TRACKING_LIMIT = 2;

export default defineFeature<XeroFeatureEnv>({
  id: 'tracking-categories',
  include: [isTracking],
  restartOn: 'path',
  init(signal, env) {
    let lastSignature = '';
    const update = guarded(env.reportProblem, () => {
      const categories = readTrackingCategories(document);
      const active = categories.filter((category) => !category.archived);
      const tooMany = active.length > CIN7_TRACKING_LIMIT;
      for (const category of categories) {
        const host = category.element.querySelector('h2, h3, h4, [role="heading"]') ?? category.element;
        if (category.archived) {
          renderBadge(host, { tone: 'neutral', text: 'Archived: not available to Cin7 Core', tooltip: 'Cin7 Core can only map active tracking categories and options.' }, BADGE_KEY);
        } else if (tooMany) {
          renderBadge(
            host,
            { tone: 'warning', text: `Cin7 Core maps only ${CIN7_TRACKING_LIMIT} of ${active.length}`, tooltip: `Cin7 Core maps at most two tracking categories (Category 1 and Category 2). ${active.length} are active, so at least one is never filled from Cin7 Core.` },
            BADGE_KEY,
          );
        } else {
          renderBadge(host, { tone: 'ok', text: 'Cin7 Core can map this', tooltip: 'Cin7 Core maps up to two active tracking categories (Category 1 and Category 2 in its Xero integration settings).' }, BADGE_KEY);
        }
      }
      const signature = JSON.stringify(categories.map((category) => [category.name, category.archived]));
      if (signature === lastSignature) return;
      lastSignature = signature;
      env.panel.showWhileActive(
        {
          id: 'tracking-categories',
          title: 'Tracking categories',
          order: 20,
          content: (
            <>
              <p className="mg-muted">
                Cin7 Core maps at most two tracking categories, as Category 1 and Category 2 in its Xero integration settings; only active categories and
                options can be used.
              </p>
              <p className={tooMany ? 'mg-error-text' : 'mg-ok-text'}>
                {active.length} active: {active.map((category) => category.name).join(', ') || 'none'}.
                {tooMany ? ` Cin7 Core can fill only two of them; choose which two in Cin7 Core or archive the others.` : ''}
              </p>
            </>
          ),
        },
        signal,
      );
    });
    observeChanges(document.body, update, { signal, waitMs: 300, immediate: true });
    signal.addEventListener('abort', () => removeBadges(document, BADGE_KEY), { once: true });
  },
});
