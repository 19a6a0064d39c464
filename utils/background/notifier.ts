// Browser notifications for scheduled checks that found new errors (optional `notifications` permission, asked for
// on the options page when the user turns them on). Clicking one opens the pair's report.
import { browser } from 'wxt/browser';
import type { CheckEntry } from '../practice/changes';
import { checkNotification } from '../practice/notify';
import { pairsItem, settingsItem } from './state';

const PREFIX = 'mapping-guard-pair:';

export async function notifyCheck(pairId: string, entry: CheckEntry, now: Date): Promise<boolean> {
  const pair = (await pairsItem.getValue()).find((p) => p.id === pairId);
  const notification = pair && checkNotification(pair.name, entry, await settingsItem.getValue(), now);
  if (!notification || !browser.notifications) return false;
  if (!(await browser.permissions.contains({ permissions: ['notifications'] }))) return false;
  // One id per pair: a later check's notification replaces an unread one rather than piling up.
  await browser.notifications.create(`${PREFIX}${pairId}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: notification.title,
    message: notification.message,
  });
  return true;
}

/** Clicking a notification opens its pair's report. Listens only when the API exists (the permission is granted). */
let listening = false;
export function listenToNotificationClicks(): void {
  if (listening || !browser.notifications) return;
  listening = true;
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith(PREFIX)) return;
    const pairId = id.slice(PREFIX.length);
    void browser.tabs.create({ url: browser.runtime.getURL(`/report.html?pair=${encodeURIComponent(pairId)}`) });
    void browser.notifications.clear(id);
  });
}
