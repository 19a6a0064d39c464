// The checklist decisions and notes a person recorded in the popup, as the report and its exports carry them. Pure.
import type { ChecklistEntry } from '../../utils/audit/report-json';
import { decisionStatus, type Channel, type Decision } from '../../utils/checklist/decisions';
import { CHECKLIST_ITEMS, type DecisionItem } from '../../utils/checklist/items';

function answersOf(item: DecisionItem, decision: Decision | undefined, channels: readonly Channel[]): ChecklistEntry['answers'] {
  if (!decision) return [];
  const answers: ChecklistEntry['answers'] = [];
  for (const [key, value] of Object.entries(decision.values)) {
    const split = key.indexOf(':');
    const fieldId = split >= 0 ? key.slice(split + 1) : key;
    const field = item.fields.find((candidate) => candidate.id === fieldId);
    // A stale value of an older version (no such field or choice) is not a decision.
    if (!field || !field.choices.includes(value)) continue;
    const channelId = split >= 0 ? key.slice(0, split) : undefined;
    const channel = channelId === undefined ? undefined : (channels.find((candidate) => candidate.id === channelId)?.name ?? channelId);
    answers.push({ field: field.label, ...(channel === undefined ? {} : { channel }), value });
  }
  return answers;
}

/** Every item only a person can decide, in checklist order, with its answers and note. */
export function checklistEntries(pair: { decisions: Readonly<Record<string, Decision>>; channels: readonly Channel[] } | undefined): ChecklistEntry[] {
  const channels = pair?.channels ?? [];
  return CHECKLIST_ITEMS.filter((item): item is DecisionItem => item.decidedBy === 'person').map((item) => {
    const decision = pair?.decisions[item.id];
    return {
      id: item.id,
      title: item.title,
      status: decisionStatus(item, decision, channels),
      answers: answersOf(item, decision, channels),
      note: decision?.note.trim() ?? '',
      ...(decision?.updatedAt ? { updatedAt: decision.updatedAt } : {}),
    };
  });
}
