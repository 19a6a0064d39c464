// Whether a check is worth a browser notification (issue #18 "told when something changes"), and its words. Pure:
// the background decides with the clock and the settings passed in. One notification per pair per check.
import { changeText, type CheckEntry } from './changes';

/** The settings that decide (utils/protocol/shapes.ts settingsSchema has the same fields). */
export interface NotifySettings {
  notify?: boolean;
  quietFrom?: number;
  quietTo?: number;
}

/** Inside the quiet hours [from, to) local time; from > to wraps midnight (22 → 7); from === to is no quiet hours. */
export function inQuietHours(settings: Pick<NotifySettings, 'quietFrom' | 'quietTo'>, now: Date): boolean {
  const { quietFrom: from, quietTo: to } = settings;
  if (from === undefined || to === undefined || from === to) return false;
  const hour = now.getHours();
  return from < to ? hour >= from && hour < to : hour >= from || hour < to;
}

/** A notification for this check, or undefined: opted in, outside quiet hours, and the check found new errors. */
export function checkNotification(
  pairName: string,
  entry: CheckEntry,
  settings: NotifySettings,
  now: Date,
): { title: string; message: string } | undefined {
  if (!settings.notify || inQuietHours(settings, now)) return undefined;
  const newErrors = entry.added.filter((finding) => finding.severity === 'error');
  if (!newErrors.length) return undefined;
  const headline = newErrors.find((finding) => finding.headline)?.headline;
  if (!headline) return { title: `Mapping Guard: ${pairName}`, message: changeText(entry) ?? 'New errors in the set-up' };
  // Counted from the capped list: more new errors than it holds are counted by the entry's own total.
  const more = (newErrors.length === entry.added.length ? entry.addedCount : newErrors.length) - 1;
  return { title: `Mapping Guard: ${pairName}`, message: more > 0 ? `${headline}. And ${more} more new error${more === 1 ? '' : 's'}.` : `${headline}.` };
}
