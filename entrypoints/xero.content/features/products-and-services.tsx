// Products and services: items tracked as inventory in Xero are flagged on their row, with why Cin7 Core needs
// them untracked and how to untrack them. Tracked = the page shows it (quantity on hand) or the last check found it.
import { FindingList } from '../../../components/panel/FindingList';
import { renderBadge, type BadgeSpec } from '../../../utils/overlay/badges';
import { defineFeature } from '../../../utils/overlay/feature-registry';
import type { StatusFinding } from '../../../utils/protocol/shapes';
import { readItems } from '../../../utils/xero/page/items';
import { isProductsAndServices } from '../../../utils/xero/page/routes';
import type { XeroFeatureEnv } from '../environment';

const BADGE_KEY = 'tracked-inventory';

export const WHY_UNTRACK =
  'Cin7 Core keeps the stock and posts its value to Xero itself; Xero’s own inventory tracking is not compatible with it, so stock would be counted twice and Cin7 Core’s postings conflict with Xero’s.';
export const HOW_TO_UNTRACK =
  'To untrack: bring the item’s quantity on hand in Xero to zero (an inventory adjustment), then open the item, untick “Track inventory item” and save.';

export function trackedBadge(finding: StatusFinding | undefined): BadgeSpec {
  return {
    tone: 'error',
    text: 'Tracked inventory: untrack for Cin7 Core',
    tooltip: `${WHY_UNTRACK} ${HOW_TO_UNTRACK}`,
    ...(finding?.fix && finding.fix.app !== 'xero' ? { fix: { url: finding.fix.url, label: finding.fix.label, newTab: true } } : {}),
  };
}

export default defineFeature<XeroFeatureEnv>({
  id: 'products-and-services',
  include: [isProductsAndServices],
  restartOn: 'path',
  init(signal, env) {
    let lastSignature = '';
    const update = () => {
      const findings = (env.status.getState().status?.findings ?? []).filter((finding) => finding.code === 'TRACKED_INVENTORY');
      const byCode = new Map(findings.map((finding) => [finding.subject.key.toLowerCase(), finding]));
      const tracked: string[] = [];
      for (const item of readItems(document)) {
        const finding = byCode.get(item.code.toLowerCase());
        if (!item.tracked && !finding) continue;
        tracked.push(item.code);
        renderBadge(item.badgeHost, trackedBadge(finding), BADGE_KEY);
      }
      const signature = JSON.stringify([tracked, findings.map((finding) => finding.key)]);
      if (signature === lastSignature) return;
      lastSignature = signature;
      env.panel.showWhileActive(
        {
          id: 'products-and-services',
          title: 'Tracked inventory',
          order: 20,
          content: (
            <>
              <p className={tracked.length > 0 ? 'mg-error-text' : 'mg-ok-text'}>
                {tracked.length > 0
                  ? `${tracked.length} item${tracked.length === 1 ? ' is' : 's are'} tracked as inventory on this page: ${tracked.join(', ')}.`
                  : 'No item on this page is tracked as inventory.'}
              </p>
              <p className="mg-muted">{WHY_UNTRACK}</p>
              <p className="mg-muted">{HOW_TO_UNTRACK}</p>
              <FindingList findings={findings} currentApp="xero" />
            </>
          ),
        },
        signal,
      );
    };
    env.watch(update, { badgeKey: BADGE_KEY });
  },
});
