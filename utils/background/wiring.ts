// Connects the background service to browser events: messages, the refresh alarm, the toolbar badge, broadcasts.
import { createJournalStore } from './refresh-journal';
import { browser } from 'wxt/browser';
import { broadcastStatusChanged, registerActionHandlers, sendTogglePanel } from '../protocol/server';
import { TOGGLE_PANEL_COMMAND } from '../protocol/events';
import { type Progress } from '../protocol/shapes';
import { cin7Queues } from '../cin7/api/client';
import { xeroQueues } from '../xero/api/client';
import { createPairDataStore } from './results';
import { createSecretStore } from './secrets';
import { createBackgroundService, type BackgroundService } from './service';
import { forgetTab, tabsShowing } from './pair-resolution';
import { migrateLegacyPairIds } from './pair-ids';
import { listenToNotificationClicks, notifyCheck } from './notifier';
import { pairsItem, settingsItem, TAB_IDENTITIES_KEY } from './state';
import { describeError } from '../net/user-error';
import { writeWhatsNew } from '../store/whats-new';
import { handleInstalled, WELCOME_PATH } from './install';
import { appOfUrl, OVERLAY_SCRIPTS } from '../apps';

export const REFRESH_ALARM = 'mapping-guard-refresh';

/** Progress can come many times a second during a big refresh: broadcast at most this often per pair. */
const BROADCAST_INTERVAL_MS = 250;
/** How long a tab's badge waits after the tab identified itself (its first message is answered first). */
const BADGE_AFTER_IDENTIFY_MS = 200;

export async function scheduleRefreshAlarm(refreshHours: number): Promise<void> {
  await browser.alarms.clear(REFRESH_ALARM);
  await browser.alarms.create(REFRESH_ALARM, { periodInMinutes: refreshHours * 60, delayInMinutes: refreshHours * 60 });
}

/** The badge shows the error count of the pair the tab shows (the selected pair when the tab is not an app tab). */
export async function updateBadge(service: BackgroundService, tabId?: number): Promise<void> {
  const errors = await service.errorCountForTab(tabId);
  const text = errors ? String(Math.min(errors, 999)) : '';
  await browser.action.setBadgeBackgroundColor({ color: '#c62828', ...(tabId === undefined ? {} : { tabId }) });
  await browser.action.setBadgeText({ text, ...(tabId === undefined ? {} : { tabId }) });
}

/** The panel shortcut (manifest `commands`): content scripts cannot see browser-level keys, so it is relayed. */
export async function handleCommand(command: string): Promise<void> {
  if (command !== TOGGLE_PANEL_COMMAND) return;
  const tabId = await activeTabId();
  if (tabId !== undefined) await sendTogglePanel(tabId);
}

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/**
 * Chrome stops an idle MV3 worker after 30 s, and timers do not count as activity; a refresh waiting out a rate-limit
 * window would die. Calling an extension API resets the idle timer, so do that while a refresh runs.
 */
const KEEP_ALIVE_MS = 20_000;

export function startBackground(): BackgroundService {
  const lastBroadcast = new Map<string, number>();
  let keepAlive: ReturnType<typeof setInterval> | undefined;
  const holdWorker = (refreshing: boolean) => {
    if (refreshing && !keepAlive) {
      keepAlive = setInterval(() => void browser.runtime.getPlatformInfo().catch(() => undefined), KEEP_ALIVE_MS);
    } else if (!refreshing && keepAlive) {
      clearInterval(keepAlive);
      keepAlive = undefined;
    }
  };
  const broadcast = async (pairId: string | undefined, progress: Progress | undefined) => {
    holdWorker(service.refresher.anyRunning());
    const key = pairId ?? '';
    const now = Date.now();
    if (progress && now - (lastBroadcast.get(key) ?? 0) < BROADCAST_INTERVAL_MS) return;
    lastBroadcast.set(key, now);
    const tabs = await tabsShowing(pairId);
    await broadcastStatusChanged({ pairId, refreshing: progress }, tabs);
    if (!progress) {
      await updateBadge(service).catch(() => undefined);
      const tabId = await activeTabId().catch(() => undefined);
      if (tabId !== undefined) await updateBadge(service, tabId).catch(() => undefined);
    }
  };

  const service = createBackgroundService({
    secrets: createSecretStore(),
    data: createPairDataStore(),
    journal: createJournalStore(),
    redirectUrl: browser.identity.getRedirectURL(),
    launchWebAuthFlow: (url) => browser.identity.launchWebAuthFlow({ url, interactive: true }),
    onStatusChanged: (pairId, progress) => void broadcast(pairId, progress).catch(() => undefined),
    onSettingsChanged: (hours) => void scheduleRefreshAlarm(hours),
    openOptionsPage: () => browser.runtime.openOptionsPage(),
    openSetUpPage: async () => void (await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PATH) })),
    // After the tab's first answer has left: the badge's reads would otherwise queue with the status's.
    onTabIdentified: (tabId) => void setTimeout(() => void updateBadge(service, tabId).catch(() => undefined), BADGE_AFTER_IDENTIFY_MS),
    injectOverlay: async ({ tabId, frameId, app }) => {
      await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [OVERLAY_SCRIPTS[app]] });
    },
    onChecked: (pairId, entry, scheduled) => {
      if (scheduled) void notifyCheck(pairId, entry, new Date()).catch(() => undefined);
    },
  });
  // Once after an update from a release whose pair ids held the Cin7 Account ID (a no-op afterwards). Actions and the
  // alarm wait for it, so nothing is written under an old id while the records move.
  const pairIdsReady = migrateLegacyPairIds(service.data).catch(() => undefined);
  registerActionHandlers(service.handlers, describeError, { ready: pairIdsReady });
  // Whatever woke this worker (startup, the alarm, a message), a refresh the previous worker left unfinished resumes.
  void pairIdsReady.then(async () => service.refresher.resumeUnfinished(await pairsItem.getValue())).catch(() => undefined);

  browser.runtime.onInstalled.addListener((details) => {
    void handleInstalled(details, {
      openPage: (path) => browser.tabs.create({ url: browser.runtime.getURL(path as typeof WELCOME_PATH) }),
      version: browser.runtime.getManifest().version,
      noteWhatsNew: writeWhatsNew,
      reaudit: () => pairIdsReady.then(() => service.reauditStoredPairs()).then(() => broadcast(undefined, undefined)),
    }).catch(() => undefined);
  });
  // A "refresh all" or scheduled run the browser closed half-way goes on where it stopped.
  void pairIdsReady.then(() => service.resumeQueue()).catch(() => undefined);
  listenToNotificationClicks();
  browser.permissions?.onAdded?.addListener(() => listenToNotificationClicks());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) void pairIdsReady.then(() => service.refreshDuePairs());
  });
  void browser.alarms.get(REFRESH_ALARM).then(async (existing) => {
    if (!existing) await scheduleRefreshAlarm((await settingsItem.getValue()).refreshHours);
  });
  // A Cin7 Core or Xero page starts loading: its first message will ask for the status (status-memo.ts).
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    const app = change.status === 'loading' ? appOfUrl(tab.url) : undefined;
    if (app) service.prefetchStatus(tabId, app);
  });
  // What a status is built from changed; what tabs show (written on each new page) is not part of a pair's status.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'session' || Object.keys(changes).some((key) => key !== TAB_IDENTITIES_KEY)) service.storageChanged();
  });
  browser.tabs.onActivated.addListener(({ tabId }) => void updateBadge(service, tabId).catch(() => undefined));
  browser.commands?.onCommand.addListener((command) => void handleCommand(command).catch(() => undefined));
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId).catch(() => undefined));

  // For e2e tests and the bench, reachable only from the service worker itself (never from a page or content script).
  Object.assign(globalThis, { mappingGuard: { service, cin7Queues, xeroQueues } });
  return service;
}
