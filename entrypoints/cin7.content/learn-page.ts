// Tells the background that this tab shows one of the Cin7 Core pages without a published URL, so fix links can
// use the URL the user's own Cin7 Core gives it. The background takes the URL from the tab, not from us; we only
// say which page, once per address (a hub that changes its fragment per tab says it again).
import { stripTarget } from '../../utils/audit/links';
import type { Cin7PageKind } from '../../utils/cin7/page/recognise';
import type { Cin7FeatureEnv } from './environment';
import { pageVisible } from './page-spotter';

export function reportWhileShown(env: Cin7FeatureEnv, page: Cin7PageKind): void {
  let reported = '';
  env.watch(
    () => {
      const address = stripTarget(location.href);
      if (address === reported || !pageVisible(page)) return;
      reported = address;
      // Nothing to show for it: a failure only means the links keep their menu-path fallback.
      env.background.pageRecognised({ page }).catch(() => undefined);
    },
    { followStatus: false, waitMs: 1000 },
  );
}
