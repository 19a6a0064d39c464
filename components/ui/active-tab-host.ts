import { browser } from 'wxt/browser';
import { APP_ORIGINS } from '../../utils/apps';

/** Which app the active tab shows, if it is Cin7 Core or Xero (so the popup shows that tab's pair first). */
export async function activeTabHost(): Promise<'cin7' | 'xero' | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  if (!tab?.url) return undefined;
  const origin = new URL(tab.url).origin;
  return (Object.keys(APP_ORIGINS) as ('cin7' | 'xero')[]).find((app) => APP_ORIGINS[app] === origin);
}
