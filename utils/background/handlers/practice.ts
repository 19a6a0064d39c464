// The practice view (issue #18): every pair's status and history on one page, "refresh all", and the practice file's
// export and import. Reads build on readStatus, so the practice page counts what the popup and the report count.
import { parsePracticeFile, PracticeFileError, PRACTICE_FILE_FORMAT, PRACTICE_FILE_VERSION, type PracticeFile } from '../../practice/file';
import { importLine, mergePair } from '../practice-merge';
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
            return {
              id: pair.id,
              name: pair.name,
              ...(pair.cin7Company ? { cin7Company: pair.cin7Company } : {}),
              xeroTenantId: pair.xeroTenantId,
              ...(pair.xeroTenantName ? { xeroTenantName: pair.xeroTenantName } : {}),
              ...(pair.xeroShortCode ? { xeroShortCode: pair.xeroShortCode } : {}),
              ...(checklist ? { checklist } : {}),
              reviewed: [...(await ctx.data.getReviewed(pair.id))],
            };
          }),
        ),
      };
      return { json: JSON.stringify(file, null, 2) };
    },
    async importPractice(args) {
      let file: PracticeFile;
      try {
        file = parsePracticeFile(args.json);
      } catch (error) {
        if (error instanceof PracticeFileError) throw new UserFacingError(error.message, 'invalid-practice-file');
        throw error;
      }
      const [pairs, records, settings] = await Promise.all([pairsItem.getValue(), loadChecklistRecords(), settingsItem.getValue()]);
      // Everything is worked out first, then written: a failure while merging changes nothing.
      const changes = await Promise.all(
        file.pairs.map(async (filePair) =>
          mergePair(filePair, {
            checklist: parseRecord(records[checklistStorageKey(filePair.id)]),
            reviewed: await ctx.data.getReviewed(filePair.id),
            known: pairs.some((pair) => pair.id === filePair.id),
          }),
        ),
      );
      const checklists = Object.fromEntries(
        changes.flatMap((change) => (change.checklist && change.decisionsChanged ? [[checklistStorageKey(change.pairId), toRecord(change.checklist)]] : [])),
      );
      if (Object.keys(checklists).length) await browser.storage.local.set(checklists);
      for (const change of changes) if (change.reviewedAdded) await ctx.data.putReviewed(change.pairId, change.reviewed);
      const lines = changes.map(importLine);
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
