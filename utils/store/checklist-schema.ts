// The stored shapes of the checklist store, every version, and the migrations between them.
// Version 1 was the first release: one checklist for whatever pair was set up, one choice per item.
// Version 2 keeps a checklist per Cin7 ↔ Xero pair, several choices per item, and per-channel sync types. Versions 1
// and 2 first stored everything under one key; each pair's version-2 checklist now has a record of its own
// (checklist-records.ts), and a record's `version` is the version of the checklist it holds.
import { z } from 'zod';
import { findChecklistItem } from '../checklist/items';
import { MAX_NOTE_CHARS, valueKey, type Channel, type Decision } from '../checklist/decisions';

export const CHECKLIST_STORE_VERSION = 2;

// ---- version 1 (read only: what an older install may still have stored) ----

export const checklistV1Schema = z.object({
  items: z.record(
    z.string(),
    z.object({ choice: z.string().optional(), note: z.string().optional(), updatedAt: z.string().optional() }),
  ),
});
export type ChecklistStateV1 = z.infer<typeof checklistV1Schema>;

/** Item ids that were renamed after version 1. */
const V1_ITEM_RENAMES: Record<string, string> = {
  payments: 'paymentsFromXero',
  invoiceStatus: 'approvalWorkflow',
  lockDates: 'periodLockDates',
  proForma: 'proFormaInvoices',
};

// ---- version 2 (current) ----

export const DEFAULT_CHANNELS: readonly Channel[] = [{ id: 'all', name: 'All channels' }];

const decisionSchema = z.object({
  values: z.record(z.string(), z.string()).catch({}),
  // Capped like the practice file's notes, so whatever the store holds can be exported and imported again.
  note: z
    .string()
    .catch('')
    .transform((note) => note.slice(0, MAX_NOTE_CHARS)),
  updatedAt: z.string().optional().catch(undefined),
});

export const pairChecklistSchema = z.object({
  decisions: z.record(z.string(), decisionSchema).catch({}),
  channels: z
    .array(z.object({ id: z.string(), name: z.string() }))
    .min(1)
    .catch(() => [...DEFAULT_CHANNELS]),
});
export type PairChecklist = z.infer<typeof pairChecklistSchema>;

export const checklistV2Schema = z.object({
  pairs: z.record(z.string(), pairChecklistSchema).catch({}),
  /** Decisions made before any pair existed (or migrated from version 1): adopted by the first pair opened. */
  unassigned: pairChecklistSchema.optional().catch(undefined),
});
export type ChecklistStateV2 = z.infer<typeof checklistV2Schema>;

export function emptyPairChecklist(): PairChecklist {
  return { decisions: {}, channels: [...DEFAULT_CHANNELS] };
}

/**
 * Version 1 → 2. Nothing typed is dropped: a choice that still fits the item's first field becomes that field's
 * value; one that does not (the item became audit-decided, or the choices changed) is kept in the note.
 */
export function migrateV1ToV2(input: ChecklistStateV1): ChecklistStateV2 {
  const decisions: Record<string, Decision> = {};
  for (const [oldId, entry] of Object.entries(input.items)) {
    const id = V1_ITEM_RENAMES[oldId] ?? oldId;
    const item = findChecklistItem(id);
    const values: Record<string, string> = {};
    const noteParts = entry.note?.trim() ? [entry.note.trim()] : [];
    if (entry.choice) {
      const field = item?.decidedBy === 'person' ? item.fields[0] : undefined;
      if (item?.decidedBy === 'person' && field?.choices.includes(entry.choice)) {
        values[item.perChannel ? valueKey(field.id, DEFAULT_CHANNELS[0]?.id) : field.id] = entry.choice;
      } else {
        noteParts.push(`Earlier choice: ${entry.choice}`);
      }
    }
    const key = item ? id : `legacy:${oldId}`;
    decisions[key] = { values, note: noteParts.join('\n'), ...(entry.updatedAt ? { updatedAt: entry.updatedAt } : {}) };
  }
  return { pairs: {}, unassigned: { decisions, channels: [...DEFAULT_CHANNELS] } };
}

/** Brings any stored version up to the current one; anything unreadable becomes an empty state. */
export function migrateChecklistState(persisted: unknown, fromVersion: number): ChecklistStateV2 {
  if (fromVersion <= 1) {
    const v1 = checklistV1Schema.safeParse(persisted);
    return v1.success ? migrateV1ToV2(v1.data) : { pairs: {} };
  }
  return checklistV2Schema.parse(persisted ?? {});
}

function newer(local: Decision, remote: Decision): Decision {
  return (remote.updatedAt ?? '') > (local.updatedAt ?? '') ? remote : local;
}

/**
 * Two contexts (popup, options, report) may edit before either has written. When this context writes, what the
 * other one stored meanwhile is merged in item by item, the later edit winning, so neither loses what was typed.
 * Channel lists are this context's (adding and removing them is deliberate).
 */
export function mergePairChecklists(mine: PairChecklist, theirs: PairChecklist): PairChecklist {
  const decisions: Record<string, Decision> = { ...theirs.decisions };
  for (const [itemId, decision] of Object.entries(mine.decisions)) {
    const other = theirs.decisions[itemId];
    decisions[itemId] = other ? newer(decision, other) : decision;
  }
  return { decisions, channels: mine.channels };
}

function mergeOptional(mine: PairChecklist | undefined, theirs: PairChecklist | undefined): PairChecklist | undefined {
  return mine && theirs ? mergePairChecklists(mine, theirs) : (mine ?? theirs);
}

/** Every pair's checklist merged as above; pairs (and unassigned decisions) only one side has are kept. */
export function mergeChecklistStates(local: ChecklistStateV2, remote: ChecklistStateV2): ChecklistStateV2 {
  const pairs: Record<string, PairChecklist> = { ...remote.pairs };
  for (const [pairId, mine] of Object.entries(local.pairs)) {
    const theirs = remote.pairs[pairId];
    pairs[pairId] = theirs ? mergePairChecklists(mine, theirs) : mine;
  }
  const unassigned = mergeOptional(local.unassigned, remote.unassigned);
  return unassigned ? { pairs, unassigned } : { pairs };
}
