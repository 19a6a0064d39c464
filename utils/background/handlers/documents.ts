// One Cin7 Core document or record, checked on demand: a sale or purchase (fetched now, audited with the stored
// snapshot), a record's tax rules (from the stored snapshot), and how many documents fall in a locked period.
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
      const cin7 = await ctx.refresher.cin7Client(pair.cin7AccountId);
      if (!cin7) return { ...empty, reason: NO_CIN7 };
      const document =
        args.kind === 'sale'
          ? { kind: 'sale' as const, sale: await cin7.sale(args.id) }
          : { kind: 'purchase' as const, purchase: await cin7.purchase(args.id) };
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
      const cin7 = await ctx.refresher.cin7Client(pair.cin7AccountId);
      if (!cin7) return { ...notCounted, reason: NO_CIN7 };
      const [sales, purchases] = await Promise.all([cin7.saleList(), cin7.purchaseList()]);
      return { counted: true, ...countDocumentsInRange(sales, purchases, { from: args.from, to: args.to }) };
    },
  };
}
