// What changed between two checks of a pair (issue #18): new and resolved findings by their stable key, the counts
// after the check, and a short bounded history per pair. Pure: the background stores it, the practice page and the
// report show it.
import { z } from 'zod';

/** A check's change is told in a line or two: more than this many keys is summarised by its count. */
export const MAX_CHANGED_KEYS = 50;
/** Checks kept per pair: enough for a trend over months of daily checks, small enough for storage. */
export const HISTORY_LIMIT = 30;
/** New errors of a check that keep their headline (the notification names the first); the rest keep their code. */
export const HEADLINED_ERRORS = 3;
const HEADLINE_MAX = 160;

const changedSchema = z.strictObject({
  key: z.string().max(2000),
  code: z.string().max(100),
  severity: z.enum(['error', 'warning', 'info']),
  /** The finding's first clause ("Customer Credits is mapped to 810 Customer Credits, which is archived in Xero"). */
  headline: z.string().max(HEADLINE_MAX + 1).optional(),
});
export type ChangedFinding = z.infer<typeof changedSchema>;

export const checkEntrySchema = z.strictObject({
  at: z.string().max(40),
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  infos: z.number().int().nonnegative(),
  /** The pair's first audit: nothing to compare with, so nothing is "new". */
  first: z.boolean().optional(),
  added: z.array(changedSchema).max(MAX_CHANGED_KEYS),
  removed: z.array(changedSchema).max(MAX_CHANGED_KEYS),
  addedCount: z.number().int().nonnegative(),
  removedCount: z.number().int().nonnegative(),
});
export type CheckEntry = z.infer<typeof checkEntrySchema>;
export const historySchema = z.array(checkEntrySchema).max(HISTORY_LIMIT);

/** An audit as change detection needs it: findings (code, severity) index-aligned with their stable keys. */
export interface AuditKeys {
  keys: readonly string[];
  findings: readonly { code: string; severity: 'error' | 'warning' | 'info'; message?: string }[];
}

/** A finding's message up to its first consequence or sentence end, bounded: what changed, in the finding's words. */
export function headlineOf(message: string): string {
  const clause = message.split(/, so |(?<=[^.\d][.!?])\s/)[0] ?? message;
  const text = clause.replace(/[.!?]$/, '').trim();
  return text.length > HEADLINE_MAX ? `${text.slice(0, HEADLINE_MAX - 1).trimEnd()}…` : text;
}

function byKey(result: AuditKeys): Map<string, ChangedFinding> {
  const map = new Map<string, ChangedFinding>();
  result.findings.forEach((finding, index) => {
    const key = result.keys[index];
    if (key !== undefined && !map.has(key)) map.set(key, { key, code: finding.code, severity: finding.severity });
  });
  return map;
}

/** The check `next` compared with the one before it (none: the pair's first check, nothing new or resolved). */
export function detectChange(previous: AuditKeys | undefined, next: AuditKeys, at: string): CheckEntry {
  const after = byKey(next);
  const before = previous ? byKey(previous) : after;
  let headlined = 0;
  const messages = new Map(next.keys.map((key, index) => [key, next.findings[index]?.message]));
  const added = [...after.values()]
    .filter((finding) => !before.has(finding.key))
    .map((finding) => {
      const message = messages.get(finding.key);
      if (finding.severity !== 'error' || !message || headlined >= HEADLINED_ERRORS) return finding;
      headlined++;
      return { ...finding, headline: headlineOf(message) };
    });
  const removed = [...before.values()].filter((finding) => !after.has(finding.key));
  const count = (severity: ChangedFinding['severity']) => next.findings.filter((finding) => finding.severity === severity).length;
  return {
    at,
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
    ...(previous ? {} : { first: true }),
    added: added.slice(0, MAX_CHANGED_KEYS),
    removed: removed.slice(0, MAX_CHANGED_KEYS),
    addedCount: added.length,
    removedCount: removed.length,
  };
}

/** The history with `entry` appended, oldest dropped past the limit. */
export function appendHistory(history: readonly CheckEntry[], entry: CheckEntry, limit = HISTORY_LIMIT): CheckEntry[] {
  return [...history, entry].slice(-limit);
}

/** The last check that changed something (new or resolved findings), for "newest change" sorting and the row. */
export function lastChange(history: readonly CheckEntry[]): CheckEntry | undefined {
  return [...history].reverse().find((entry) => entry.addedCount > 0 || entry.removedCount > 0);
}

/** "2 new errors (ACCOUNT_ARCHIVED), 1 resolved": one line naming the change, or undefined when nothing changed. */
export function changeText(entry: CheckEntry | undefined): string | undefined {
  if (!entry || (entry.addedCount === 0 && entry.removedCount === 0)) return undefined;
  const codes = (list: ChangedFinding[]) => [...new Set(list.map((finding) => finding.code))].slice(0, 3).join(', ');
  const newErrors = entry.added.filter((finding) => finding.severity === 'error');
  const parts: string[] = [];
  if (entry.addedCount) {
    const what = newErrors.length ? `${newErrors.length} new error${newErrors.length === 1 ? '' : 's'}` : '';
    const others = entry.addedCount - newErrors.length;
    const rest = others ? `${others} new warning${others === 1 ? '' : 's'} or note${others === 1 ? '' : 's'}` : '';
    parts.push(`${[what, rest].filter(Boolean).join(' and ')} (${codes(newErrors.length ? newErrors : entry.added)})`);
  }
  if (entry.removedCount) parts.push(`${entry.removedCount} resolved`);
  return parts.join('; ');
}
