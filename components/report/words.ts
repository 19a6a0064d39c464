// Names the report and its exports share: the two apps, a snapshot list key, a check's findings, in words. Pure.
import type { CheckOutcome } from './model';

export const APP_NAME = { cin7: 'Cin7 Core', xero: 'Xero' } as const;

export function appName(app: 'cin7' | 'xero'): string {
  return APP_NAME[app];
}

/** "cin7.taxRules" → "Cin7 Core tax rules"; an unknown app prefix is kept as written. */
export function listName(key: string): string {
  const [app = '', list = ''] = key.includes('.') ? [key.slice(0, key.indexOf('.')), key.slice(key.indexOf('.') + 1)] : ['', key];
  const words = list.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  const prefix = app === 'cin7' || app === 'xero' ? APP_NAME[app] : app;
  return [prefix, words].filter(Boolean).join(' ');
}

/** The first suggestion as the panel and badges say it: "Map to 631 Inventory Control". */
export function suggestionText(suggestion: { code: string; name: string }): string {
  return `Map to ${suggestion.code} ${suggestion.name}`;
}

/**
 * A rule's source (a Cin7 Core or Xero help article) as a link: HTTPS only, so no `javascript:` or plain-HTTP URL
 * reaches an href. Help sites live on other hosts than the apps, so the fix links' two-app rule does not apply.
 */
export function safeSourceUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** "2 findings", or with codes another check shares "6 findings of its kinds (some may be another check's)". */
export function findingsWord(outcome: CheckOutcome): string {
  const count = `${outcome.findings} finding${outcome.findings === 1 ? '' : 's'}`;
  return outcome.shared ? `${count} of its kinds (some may be another check’s)` : count;
}
