// Tracking categories: how Cin7 Core uses them (Category 1 and Category 2 of its Xero settings, each filled from one
// Cin7 Core field) and, per category on this page, its status, its options and whether Cin7 Core fills it. Xero itself
// never allows more than two active categories, so there is nothing to count; what can break is archived categories and
// options, renames, and values that are no option (sources in ../sections/TrackingSection.tsx).
// Which Cin7 Core field fills which category is in no API, so the panel shows the checklist's answers (if recorded)
// and says "cannot tell" otherwise.
import { renderBadge } from '../../../utils/overlay/badges';
import { defineFeature } from '../../../utils/overlay/feature-registry';
import { readTrackingCategories } from '../../../utils/xero/page/tracking';
import { isTracking } from '../../../utils/xero/page/routes';
import { HEADING } from '../../../utils/xero/page/selectors';
import { selectPairChecklist, UNASSIGNED_PAIR } from '../../../utils/store/checklist';
import { readChecklistState, watchChecklist } from '../../../utils/store/checklist-records';
import type { ChecklistStateV2 } from '../../../utils/store/checklist-schema';
import type { XeroFeatureEnv } from '../environment';
import { TrackingSection, type RecordedTracking, type TrackingCategoryView } from '../sections/TrackingSection';

const BADGE_KEY = 'tracking';

// The checklist (utils/store/checklist.ts) lives in storage.local, which content scripts may read; only its
// "trackingCategories" answers are used, and anything unreadable counts as "nothing recorded".
export function recordedTracking(checklist: ChecklistStateV2 | null, pairId: string | undefined): RecordedTracking | null {
  if (!checklist) return null;
  const values = selectPairChecklist(checklist, pairId ?? UNASSIGNED_PAIR)?.decisions.trackingCategories?.values ?? {};
  const recorded: RecordedTracking = {
    ...(values.category1 ? { category1: values.category1 } : {}),
    ...(values.category2 ? { category2: values.category2 } : {}),
  };
  return recorded.category1 || recorded.category2 ? recorded : null;
}

export default defineFeature<XeroFeatureEnv>({
  id: 'tracking-categories',
  include: [isTracking],
  restartOn: 'path',
  init(signal, env) {
    let stored: ChecklistStateV2 | null = null;
    let lastSignature = '';
    const update = () => {
      const read = readTrackingCategories(document);
      const categories: TrackingCategoryView[] = read.map((category) => ({ name: category.name, archived: category.archived, options: category.options }));
      read.forEach((category, index) => {
        const view = categories[index]!;
        const host = category.element.querySelector(HEADING) ?? category.element;
        const archivedOptions = view.options?.filter((item) => item.archived).length ?? 0;
        if (view.archived) {
          renderBadge(host, { tone: 'neutral', text: 'Archived: Cin7 Core cannot fill it', tooltip: 'Archived categories cannot be chosen for new transactions.' }, BADGE_KEY);
        } else {
          renderBadge(
            host,
            {
              tone: 'ok',
              text: archivedOptions > 0 ? `Active: Cin7 Core can fill it · ${archivedOptions} archived ${archivedOptions === 1 ? 'option' : 'options'}` : 'Active: Cin7 Core can fill it',
              tooltip: 'One of the two active categories Cin7 Core can fill (Category 1 and 2 in its Xero settings). Which Cin7 Core field fills it is not in Cin7 Core’s API.',
            },
            BADGE_KEY,
          );
        }
      });
      const pairId = env.status.getState().status?.pairId;
      const recorded = recordedTracking(stored, pairId);
      const signature = JSON.stringify([categories, recorded]);
      if (signature === lastSignature) return;
      lastSignature = signature;
      env.panel.showWhileActive(
        { id: 'tracking-categories', title: 'Tracking categories', order: 20, content: <TrackingSection categories={categories} recorded={recorded} /> },
        signal,
      );
    };
    const load = async () => {
      try {
        stored = await readChecklistState();
      } catch (error) {
        env.reportProblem(error);
      }
      if (!signal.aborted) env.guard(update)();
    };
    env.watch(update, { badgeKey: BADGE_KEY });
    env.listen(watchChecklist, () => void load());
    return load();
  },
});
