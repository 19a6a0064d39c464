// The practice view (issue #18): every pair's status and history on one page, "refresh all", and the practice file's
// export and import. Reads build on readStatus, so the practice page counts what the popup and the report count.
import {
  MAX_FILE_REVIEWED,
  parsePracticeFile,
  PracticeFileError,
  practiceFileText,
  PRACTICE_FILE_FORMAT,
  PRACTICE_FILE_VERSION,
  type PracticeFile,
} from '../../practice/file';
import { importLine, mergePair, notImportedLine } from '../practice-merge';
import { UserFacingError } from '../../net/user-error';
import type { ActionHandlers } from '../../protocol/server';
import { checklistStorageKey, loadChecklistRecords, parseRecord, toRecord } from '../../store/checklist-records';
import { browser } from 'wxt/browser';
import type { BackgroundContext } from '../context';
import { allHistories, historyOf } from '../history';
import { readRun, type PracticeQueue } from '../practice-queue';
import { pairsItem, settingsItem, xeroTenantsItem } from '../state';
import { readStatus } from '../status';

type PracticeActions = 'getPractice' | 'getHistory' | 'refreshAll' | 'exportPractice' | 'importPractice';

export function practiceHandlers(ctx: BackgroundContext, queue: PracticeQueue): Pick<ActionHandlers, PracticeActions> {
  return {
    async getPractice() {
      const [pairs, histories, run, tenants] = await Promise.all([pairsItem.getValue(), allHistories(), readRun(), xeroTenantsItem.getValue()]);
      const rows = await Promise.all(pairs.map(async (pair) => ({ pair, status: await readStatus(ctx, pair), history: histories[pair.id] ?? [] })));
      return { rows, ...(run ? { run } : {}), xeroConnections: tenants.length };
    },
    async getHistory(args) {
      return { history: await historyOf(args.pairId) };
    },
    async refreshAll(args) {
      return { run: await queue.enqueue(args?.pairIds, { full: args?.full ?? false }) };
    },
    async exportPractice() {
      const [pairs, records, { refreshHours }] = await Promise.all([pairsItem.getValue(), loadChecklistRecords(), settingsItem.getValue()]);
      const file: PracticeFile = {
        format: PRACTICE_FILE_FORMAT,
        version: PRACTICE_FILE_VERSION,
        exportedAt: new Date(ctx.now()).toISOString(),
        schedule: { refreshHours },
        // Named field by field: a field added to Pair later (the Cin7 Account ID is one today) never leaks into a file.
        pairs: await Promise.all(
          pairs.map(async (pair) => {
            const checklist = parseRecord(records[checklistStorageKey(pair.id)]);
            // Marks of findings the latest audit still has (older ones mark nothing any more), as many as a file holds.
            const latest = new Set((await ctx.data.getResult(pair.id))?.keys);
            const reviewed = [...(await ctx.data.getReviewed(pair.id))].filter((key) => latest.has(key)).slice(0, MAX_FILE_REVIEWED);
            return {
              id: pair.id,
              name: pair.name,
              ...(pair.cin7Company ? { cin7Company: pair.cin7Company } : {}),
              xeroTenantId: pair.xeroTenantId,
              ...(pair.xeroTenantName ? { xeroTenantName: pair.xeroTenantName } : {}),
              ...(pair.xeroShortCode ? { xeroShortCode: pair.xeroShortCode } : {}),
              ...(checklist ? { checklist } : {}),
              reviewed,
            };
          }),
        ),
      };
      return { json: asUserError(() => practiceFileText(file)) };
    },
    async importPractice(args) {
      const file = asUserError(() => parsePracticeFile(args.json, ctx.now()));
      const [pairs, records, settings] = await Promise.all([pairsItem.getValue(), loadChecklistRecords(), settingsItem.getValue()]);
      // A client not set up here is not kept (storage.local is readable by content scripts, and nothing would bound
      // how many a file leaves behind): the import says so; importing again once it is connected brings it in.
      const known = new Set(pairs.map((pair) => pair.id));
      const unknown = file.pairs.filter((filePair) => !known.has(filePair.id));
      // Everything is worked out first, then written: a failure while merging changes nothing.
      const changes = await Promise.all(
        file.pairs
          .filter((filePair) => known.has(filePair.id))
          .map(async (filePair) =>
            mergePair(filePair, {
              checklist: parseRecord(records[checklistStorageKey(filePair.id)]),
              reviewed: await ctx.data.getReviewed(filePair.id),
              latestKeys: (await ctx.data.getResult(filePair.id))?.keys ?? [],
            }),
          ),
      );
      const checklists = Object.fromEntries(
        changes.flatMap((change) => (change.checklist && change.decisionsChanged ? [[checklistStorageKey(change.pairId), toRecord(change.checklist)]] : [])),
      );
      if (Object.keys(checklists).length) await browser.storage.local.set(checklists);
      for (const change of changes) if (change.reviewedChanged) await ctx.data.putReviewed(change.pairId, change.reviewed);
      const lines = [...changes.map(importLine), ...unknown.map(notImportedLine)];
      if (settings.refreshHours !== file.schedule.refreshHours) {
        await settingsItem.setValue({ ...settings, refreshHours: file.schedule.refreshHours });
        ctx.deps.onSettingsChanged?.(file.schedule.refreshHours);
        lines.push(`Schedule: every ${file.schedule.refreshHours} hours (was ${settings.refreshHours})`);
      }
      ctx.statusChanged();
      return { changes: lines };
    },
  };
}

/** The practice file's own refusals reach the page in their words. */
function asUserError<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof PracticeFileError) throw new UserFacingError(error.message, 'invalid-practice-file');
    throw error;
  }
}
