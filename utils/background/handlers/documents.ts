// One Cin7 Core document or record, checked on demand: a sale or purchase (fetched now, audited with the stored
// snapshot), a record's tax rules (from the stored snapshot), and how many documents fall in a locked period.
// Documents and lists are kept for a while (on-demand.ts); a tab's requests that call the API are budgeted.
import { auditDocument } from '../../audit';
import { checkRecordTaxRules } from '../../audit/record-tax-rules';
import type { ActionHandlers } from '../../protocol/server';
import type { BackgroundContext } from '../context';
import { withReviewMark } from '../finding-key';
import { tabMismatch } from '../pair-resolution';
import { learnedPagesFor, withLearnedLinks } from '../learned-pages';
import { snapshotToAudit } from '../page-inputs';
import { localDay } from '../refresher';
import { countDocumentsInRange } from '../xero-facts';
import { UserFacingError } from '../../net/user-error';

const NO_PAIR = 'Connect Cin7 Core and Xero in Mapping Guard’s options first.';
const NO_CIN7 = 'Cin7 Core is not connected for this pair.';

export function documentHandlers(
  ctx: BackgroundContext,
): Pick<ActionHandlers, 'getDocument' | 'getRecordTaxRules' | 'countLockedDocuments'> {
  return {
    async getDocument(args, context) {
      const empty = { found: false, kind: args.kind, id: args.id, lines: [], findings: [] };
      const { pair, tab } = await ctx.findPair(context, { pairId: args.pairId });
      if (!pair) return { ...empty, reason: tabMismatch(tab) ?? NO_PAIR };
      const recent = ctx.onDemand.documentsOf(pair.id);
      const key = `${args.kind}|${args.id}`;
      let document = recent.get(key);
      if (!document) {
        const cin7 = await ctx.refresher.cin7Client(pair.cin7AccountId);
        if (!cin7) return { ...empty, reason: NO_CIN7 };
        const refused = ctx.onDemand.charge(context);
        if (refused) return { ...empty, reason: refused };
        document =
          args.kind === 'sale' ? { kind: 'sale', sale: await cin7.sale(args.id) } : { kind: 'purchase', purchase: await cin7.purchase(args.id) };
        recent.set(key, document);
      }
      const stored = await ctx.data.getSnapshot(pair.id);
      const snapshot = await snapshotToAudit(ctx.data, pair.id, stored);
      const checked = auditDocument(document, snapshot, { today: localDay(ctx.now()) });
      const reviewed = await ctx.data.getReviewed(pair.id);
      const learned = await learnedPagesFor(pair.cin7AccountId);
      return {
        found: true,
        kind: args.kind,
        id: args.id,
        lines: checked.lines,
        contactPosting: checked.contactPosting,
        xeroLockDate: checked.xeroLockDate,
        datedParts: checked.datedParts,
        findings: withLearnedLinks(checked.findings.map((finding) => withReviewMark(finding, reviewed)), learned),
        reason: stored ? undefined : 'Nothing fetched from Xero yet: refresh to check this document’s accounts.',
      };
    },
    async getRecordTaxRules(args, context) {
      const empty = { kind: args.kind, id: args.id, found: false, fields: [] };
      const { pair, tab } = await ctx.findPair(context, { pairId: args.pairId });
      if (!pair) return { ...empty, reason: tabMismatch(tab) ?? NO_PAIR };
      const stored = await ctx.data.getSnapshot(pair.id);
      if (!stored) return { ...empty, reason: 'Nothing fetched yet: refresh to check this record’s tax rules.' };
      return checkRecordTaxRules(stored.snapshot, { kind: args.kind, id: args.id });
    },
    async countLockedDocuments(args, context) {
      const notCounted = { counted: false, sales: 0, purchases: 0 };
      const { pair, tab } = await ctx.findPair(context, { pairId: args.pairId });
      if (!pair) return { ...notCounted, reason: tabMismatch(tab) ?? NO_PAIR };
      if (!(await ctx.cin7Keys.get(pair.cin7AccountId))) return { ...notCounted, reason: NO_CIN7 };
      // Only a count that reads the lists is charged; one answered from the kept lists, or joining a read, is free.
      const refused = ctx.onDemand.lists.needsRead(pair.id) ? ctx.onDemand.charge(context) : undefined;
      if (refused) return { ...notCounted, reason: refused };
      const lists = await ctx.onDemand.lists.lists(pair.id, async () => {
        const cin7 = await ctx.refresher.cin7Client(pair.cin7AccountId);
        if (!cin7) throw new UserFacingError(NO_CIN7, 'cin7-not-connected');
        return cin7;
      });
      const counts = countDocumentsInRange(lists.sales, lists.purchases, { from: args.from, to: args.to });
      if (lists.truncatedLists.length === 0) return { counted: true, ...counts };
      return { counted: true, ...counts, truncated: true, truncatedLists: lists.truncatedLists, pagesRead: lists.pagesRead, pageCap: lists.pageCap };
    },
  };
}
