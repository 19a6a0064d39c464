// The background's answers to every named action (utils/protocol/actions.ts), composed from one handler group per
// area (handlers/). Wiring to browser events lives in wiring.ts; this module is testable with the fake browser and a
// fetch stub.
import type { ActionHandlers } from '../protocol/server';
import { createBackgroundContext, type ServiceDeps } from './context';
import { connectionHandlers } from './handlers/connections';
import { documentHandlers } from './handlers/documents';
import { learnedPageHandlers } from './handlers/learned-pages';
import { optionsHandlers } from './handlers/options';
import { pageInputHandlers } from './handlers/page-inputs';
import { pairHandlers } from './handlers/pairs';
import { refreshHandlers } from './handlers/refresh';
import { settingsHandlers } from './handlers/settings';
import { statusHandlers } from './handlers/status';
import { syncErrorHandlers } from './handlers/sync-errors';
import type { AppId } from '../apps';
import { tabHandlers } from './handlers/tabs';
import { statusOfBinding } from './handlers/status';
import { createStatusMemo } from './status-memo';
import { refreshIfDue } from './refresh-policy';
import { xeroPageHandlers } from './handlers/xero-page';
import { practiceHandlers } from './handlers/practice';
import { createPracticeQueue } from './practice-queue';
import type { CheckEntry } from '../practice/changes';
import { errorCountForTab } from './status';
import { reauditStoredPairs } from './upgrade';

export type { ServiceDeps } from './context';

export function createBackgroundService(deps: ServiceDeps) {
  // The queue says whether a check was the schedule's (only those notify); checks come after both exist.
  const onChecked = (pairId: string, entry: CheckEntry) =>
    void queue.isScheduled(pairId).then((scheduled) => deps.onChecked?.(pairId, entry, scheduled));
  // A pair's status kept for its tabs' first messages is dropped on any change of that status (status-memo.ts).
  const statuses = createStatusMemo(
    {
      read: (binding) => statusOfBinding(ctx, binding),
      // After the reply has left (a task later): its reads would otherwise queue ahead of it in the browser.
      answeredFromMemory: (pair) => void setTimeout(() => void refreshIfDue(ctx, pair).catch(() => undefined)),
    },
    { now: deps.now ?? Date.now },
  );
  const onStatusChanged: ServiceDeps['onStatusChanged'] = (pairId, progress) => {
    statuses.drop(pairId);
    deps.onStatusChanged?.(pairId, progress);
  };
  const ctx = createBackgroundContext({ ...deps, onChecked, onStatusChanged });
  const queue = createPracticeQueue(ctx);
  const handlers = {
    ...tabHandlers(ctx, statuses),
    ...statusHandlers(ctx),
    ...refreshHandlers(ctx),
    ...pageInputHandlers(ctx),
    ...documentHandlers(ctx),
    ...learnedPageHandlers(ctx),
    ...syncErrorHandlers(ctx),
    ...xeroPageHandlers(ctx),
    ...connectionHandlers(ctx),
    ...pairHandlers(ctx),
    ...settingsHandlers(ctx),
    ...optionsHandlers(ctx),
    ...practiceHandlers(ctx, queue),
  } satisfies ActionHandlers;

  return {
    handlers,
    xeroAuth: ctx.xeroAuth,
    refresher: ctx.refresher,
    data: deps.data,
    /** The periodic alarm: every pair whose data is due joins the practice queue (one per key and organisation). */
    refreshDuePairs: () => queue.enqueueDue(),
    /** After a restart: the pairs a "refresh all" or the schedule had still to refresh. */
    resumeQueue: () => queue.resume(),
    /** After an update: every pair's findings rebuilt from its stored snapshot by this release's engine. */
    reauditStoredPairs: () => reauditStoredPairs(ctx),
    /** A tab began loading a Cin7 Core or Xero page: its status is read ahead of its first message. */
    prefetchStatus: (tabId: number, app: AppId) => statuses.warm(tabId, app),
    /** Extension storage changed (settings, connections, learned pages…): no status is answered from memory. */
    storageChanged: () => statuses.drop(),
    /** The toolbar badge's number for a tab. */
    errorCountForTab: (tabId: number | undefined) => errorCountForTab(ctx, tabId),
    resolvePair: ctx.resolvePair,
  };
}

export type BackgroundService = ReturnType<typeof createBackgroundService>;
