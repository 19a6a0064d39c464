// Sale and purchase pages: asks the background for the document in the hash (`getDocument`) and shows, on each
// row of the page's own lines grids, the account the line will post to and which level decided, with a warning
// when that account is a problem or the line's invoice, credit note or shipment falls in Xero's locked period.
// The panel keeps the same facts as a table (the accessible summary). Badges are re-applied through the throttled
// observer when the grid re-renders, and removed when the feature stops. Refetches after a refresh.
import { stripTarget } from '../../../utils/audit/links';
import { describeLine, matchDocumentLines, type DocumentLine } from '../../../utils/cin7/page/document-lines';
import { readLineGrids } from '../../../utils/cin7/page/line-grids';
import { isPurchase, isSale, recordFromUrl } from '../../../utils/cin7/page/routes';
import type { DocumentResult } from '../../../utils/protocol/shapes';
import { BADGE_ATTRIBUTE, renderBadge, type BadgeSpec } from '../../../utils/overlay/badges';
import { defineFeature } from '../../../utils/overlay/feature-registry';
import { describeError } from '../../../utils/overlay/panel-state';
import type { Cin7FeatureEnv } from '../environment';
import {
  DocumentSection,
  POSTING_LABEL,
  accountText,
  levelLabel,
  type DocumentSectionState,
  type InlineSummary,
} from '../sections/DocumentSection';

/** The badge key of these badges (the Account Mapping feature's are `status`). */
export const LINE_BADGE_KEY = 'document-line';

type Posting = DocumentLine['postings'][number];

/** Where this document's invoices, credit notes and shipment fall in Xero's locked period (the engine's dated parts). */
export interface LockedParts {
  /** Lower-case `where` of the locked invoices / credit notes / bills ("invoice inv-0012"). */
  groups: Set<string>;
  /** The shipment (COGS journal) is dated on or before the lock date. */
  shipment: boolean;
  day: string | null;
}

export function lockedParts(document: DocumentResult): LockedParts {
  const locked: LockedParts = { groups: new Set(), shipment: false, day: document.xeroLockDate?.day ?? null };
  for (const part of document.datedParts ?? []) {
    if (!part.locked) continue;
    // The engine names shipments "shipment (COGS journal)" and the rest like the line groups ("invoice INV-0012").
    if (part.what.toLowerCase().startsWith('shipment')) locked.shipment = true;
    else locked.groups.add(part.what.toLowerCase());
  }
  return locked;
}

/** What is wrong with one posting's account, or null when nothing is. */
function postingProblem(posting: Posting, kind: DocumentResult['kind']): string | null {
  const role = POSTING_LABEL[posting.role] ?? posting.role;
  if (!posting.code) return `${role}: no account is set at any level and no default is mapped, so Cin7 Core cannot post it.`;
  if (!posting.account) return `${role}: ${posting.code} is not in Xero’s chart of accounts, so Xero will reject it.`;
  const status = posting.account.status?.toUpperCase();
  if (status && status !== 'ACTIVE') return `${role}: ${accountText(posting)} is ${status.toLowerCase()} in Xero, so Xero will reject it.`;
  // The engine's override judgement of the field that decided (wrong class, Inventory type).
  if (posting.problem) return `${role}: the ${levelLabel(posting.level, kind)} account is ${posting.problem.text}`;
  return null;
}

function postingSummary(posting: Posting, kind: DocumentResult['kind']): string {
  return `${POSTING_LABEL[posting.role] ?? posting.role} → ${accountText(posting)} (decided by ${levelLabel(posting.level, kind)})`;
}

/** The badge of one matched line row: its main posting as text, every posting and problem as the tooltip. */
export function lineBadge(line: DocumentLine, document: DocumentResult, locked: LockedParts = lockedParts(document)): BadgeSpec {
  const main = line.postings[0];
  const problems = line.postings.map((posting) => postingProblem(posting, document.kind)).filter((text): text is string => text !== null);
  const lockDay = locked.day ? ` ${locked.day}` : '';
  if (locked.groups.has(line.where.toLowerCase())) {
    problems.push(`${line.where.charAt(0).toUpperCase()}${line.where.slice(1)} is dated on or before Xero’s lock date${lockDay}, so Xero will reject it.`);
  }
  if (locked.shipment && line.postings.some((posting) => posting.role === 'cogs')) {
    problems.push(`The shipment’s COGS journal is dated on or before Xero’s lock date${lockDay}, so Xero will reject it.`);
  }
  const account = !main ? 'nothing to post' : main.account ? `${main.account.code} ${main.account.name}` : main.code ? `${main.code} (not in Xero)` : 'no account';
  const decided = main ? ` · decided by ${levelLabel(main.level, document.kind)}` : '';
  const text = `${problems.length > 0 ? '⚠ ' : ''}→ ${account}${decided}`;
  const tooltip = [
    `${describeLine(line)}: ${line.postings.map((posting) => postingSummary(posting, document.kind)).join('; ')}.`,
    ...problems,
  ].join(' ');
  return { tone: problems.length > 0 ? 'warning' : 'ok', text, tooltip };
}

/**
 * Grid cells are narrow and `nowrap` with hidden overflow (Ext JS): let the badge wrap onto its own lines inside
 * the cell instead of being cut off. Writes only when renderBadge has just (re)built the badge's styles.
 */
function fitInCell(badge: HTMLElement): void {
  if (badge.style.whiteSpace === 'normal') return;
  badge.style.whiteSpace = 'normal';
  badge.style.display = 'flex';
  badge.style.flexWrap = 'wrap';
  badge.style.margin = '2px 0 0';
  const pill = badge.firstElementChild;
  if (pill instanceof HTMLElement) pill.style.whiteSpace = 'normal';
}

export default defineFeature<Cin7FeatureEnv>({
  id: 'document-lines',
  include: [isSale, isPurchase],
  restartOn: 'url',
  async init(signal, env) {
    const record = recordFromUrl(stripTarget(env.url.href));
    if (!record || (record.kind !== 'sale' && record.kind !== 'purchase')) return;
    const kind = record.kind;
    const show = (state: DocumentSectionState) =>
      env.panel.showWhileActive(
        { id: 'document-lines', title: kind === 'sale' ? 'This sale' : 'This purchase', order: 20, content: <DocumentSection state={state} /> },
        signal,
      );
    const id = record.id;
    if (!id) return show({ kind: 'no-id' });

    let current: DocumentResult | null = null;
    let inline: InlineSummary | undefined;
    let inlineSignature = '';
    const showLoaded = () => {
      if (current) show({ kind: 'loaded', document: current, inline });
    };

    /** Reads the grids, matches rows to lines, then writes every badge in one pass (no layout reads). */
    const annotate = () => {
      const loaded = current;
      const ours = [...document.querySelectorAll<HTMLElement>(`[${BADGE_ATTRIBUTE}="${LINE_BADGE_KEY}"]`)];
      if (!loaded?.found || loaded.lines.length === 0) {
        for (const badge of ours) badge.remove();
        return;
      }
      const grids = readLineGrids(document);
      const result = matchDocumentLines(grids, loaded.lines);
      const locked = lockedParts(loaded);
      const writes = result.matches.map((match) => [match.row.anchor, lineBadge(match.line, loaded, locked)] as const);
      const hosts = new Set(writes.map(([anchor]) => anchor));
      for (const badge of ours) if (!badge.parentElement || !hosts.has(badge.parentElement)) badge.remove();
      for (const [anchor, spec] of writes) fitInCell(renderBadge(anchor, spec, LINE_BADGE_KEY));

      const next: InlineSummary = {
        grids: grids.length,
        matched: new Set(result.matches.map((match) => match.line)).size,
        lines: loaded.lines.length,
        notes: [...result.unmatchedLines.map((item) => item.reason), ...result.unmatchedRows.map((item) => item.reason)],
      };
      const signature = JSON.stringify(next);
      if (signature !== inlineSignature) {
        inlineSignature = signature;
        inline = next;
        showLoaded();
      }
    };

    const load = async () => {
      try {
        const result = await env.background.getDocument({ kind, id });
        if (signal.aborted) return;
        current = result;
        inline = undefined;
        inlineSignature = '';
        showLoaded();
        env.guard(annotate)();
      } catch (error) {
        if (!signal.aborted) show({ kind: 'failed', message: describeError(error) });
      }
    };
    show({ kind: 'loading' });
    // A finished refresh brings new data: check the document again.
    env.listen(env.status.subscribe, (state, previous) => {
      if (state.status?.fetchedAt !== previous.status?.fetchedAt && previous.status) void load();
    });
    // The page renders (and re-renders) its grids on its own schedule: re-apply the badges when it does.
    env.watch(annotate, { badgeKey: LINE_BADGE_KEY });
    await load();
  },
});
