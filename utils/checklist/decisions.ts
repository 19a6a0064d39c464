// What a person records for a checklist item, and when that counts as decided. Pure.
import type { DecisionItem } from './items';

/** A sales channel row of Cin7's "Sale channel sync type" table, as the user names it. */
export interface Channel {
  id: string;
  name: string;
}

export interface Decision {
  /** Field id (or `<channelId>:<fieldId>` for per-channel items) → the chosen option, exactly as Cin7 labels it. */
  values: Record<string, string>;
  note: string;
  /** ISO time of the last edit. */
  updatedAt?: string;
}

export type DecisionItemStatus = 'decided' | 'partial' | 'open';

/** A note's and a chosen value's longest text: the store, the note field and the practice file share these limits. */
export const MAX_NOTE_CHARS = 20_000;
export const MAX_VALUE_CHARS = 500;

export const EMPTY_DECISION: Decision = { values: {}, note: '' };

export function valueKey(fieldId: string, channelId?: string): string {
  return channelId ? `${channelId}:${fieldId}` : fieldId;
}

/** The keys an item needs answered: each field, or each field for each channel. */
export function requiredKeys(item: DecisionItem, channels: readonly Channel[]): string[] {
  if (!item.perChannel) return item.fields.map((field) => field.id);
  return channels.flatMap((channel) => item.fields.map((field) => valueKey(field.id, channel.id)));
}

/** A value counts only if it is one of the field's choices (a stale value from an old version does not). */
function isAnswered(item: DecisionItem, decision: Decision, key: string): boolean {
  const fieldId = key.includes(':') ? key.slice(key.indexOf(':') + 1) : key;
  const field = item.fields.find((candidate) => candidate.id === fieldId);
  const value = decision.values[key];
  return field !== undefined && value !== undefined && field.choices.includes(value);
}

export function decisionStatus(
  item: DecisionItem,
  decision: Decision | undefined,
  channels: readonly Channel[],
): DecisionItemStatus {
  const keys = requiredKeys(item, channels);
  if (!decision || keys.length === 0) return 'open';
  const answered = keys.filter((key) => isAnswered(item, decision, key)).length;
  if (answered === keys.length) return 'decided';
  return answered > 0 || decision.note.trim() !== '' ? 'partial' : 'open';
}
