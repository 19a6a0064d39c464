import { browser } from 'wxt/browser';
import { APP_ORIGINS } from '../../utils/apps';

/** The active tab, when it shows Cin7 Core or Xero: its app, and its id (the background knows which pair it shows). */
export async function activeAppTab(): Promise<{ host: 'cin7' | 'xero'; tabId?: number } | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  if (!tab?.url) return undefined;
  const origin = new URL(tab.url).origin;
  const host = (Object.keys(APP_ORIGINS) as ('cin7' | 'xero')[]).find((app) => APP_ORIGINS[app] === origin);
  return host ? { host, tabId: tab.id } : undefined;
}
