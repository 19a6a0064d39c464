// What the popup and the panel say about an audit (issue #14): the totals, the score and the coverage, all read from
// the status's own findings and coverage, so every surface that reads the same status says the same thing. Pure.
import { healthLabel, healthScore } from '../../utils/audit/score';
import type { Severity } from '../../utils/audit/types';
import type { Status, StatusFinding } from '../../utils/protocol/shapes';

export interface AuditTotals {
  /** Open (not reviewed) findings by severity: what is still to be looked at. */
  open: Record<Severity, number>;
  openTotal: number;
  /** Findings the user marked reviewed: shown apart, never counted as open. */
  reviewed: number;
  /** Every finding of the audit, open and reviewed (the report's "N findings"). */
  total: number;
}

export function auditTotals(findings: readonly Pick<StatusFinding, 'severity' | 'reviewed'>[]): AuditTotals {
  const open: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let reviewed = 0;
  for (const finding of findings) {
    if (finding.reviewed) reviewed += 1;
    else open[finding.severity] += 1;
  }
  return { open, openTotal: open.error + open.warning + open.info, reviewed, total: findings.length };
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** "Open: 3 errors · no warnings · 1 note": what is left to look at; reviewed findings are said apart (reviewedText). */
export function openText(totals: AuditTotals): string {
  const parts = [
    totals.open.error ? plural(totals.open.error, 'error') : 'No errors',
    totals.open.warning ? plural(totals.open.warning, 'warning') : 'no warnings',
    totals.open.info ? plural(totals.open.info, 'note') : '',
  ].filter(Boolean);
  return `Open: ${parts.join(' · ')}`;
}

export function reviewedText(totals: AuditTotals): string {
  return `${plural(totals.total, 'finding')} in the audit${totals.reviewed ? `, ${totals.reviewed} reviewed (not counted as open)` : ''}`;
}

export interface ScoreView {
  score: number | null;
  label: string;
  /** The mapping has not been read: no score, and the way to read it is one click away. */
  needsMapping: boolean;
}

export function scoreView(status: Pick<Status, 'findings' | 'mappingReadAt'>): ScoreView {
  const score = healthScore(status.findings, { mappingRead: Boolean(status.mappingReadAt) });
  return { score, label: healthLabel(score), needsMapping: score === null };
}

const APP_NAMES: Record<string, string> = { cin7: 'Cin7 Core', xero: 'Xero' };

/** "cin7.products" → "Cin7 Core products"; "xero.taxRates" → "Xero tax rates". */
export function listLabel(key: string): string {
  const [app = '', ...rest] = key.split('.');
  const words = rest
    .join(' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
    .trim();
  return [APP_NAMES[app] ?? app, words].filter(Boolean).join(' ');
}

export interface CoverageView {
  ran: Status['coverage'];
  notRun: Status['coverage'];
  /** When each list was fetched: the per-list times when the background gives them, else the snapshot's one time. */
  lists: { key: string; label: string; at: string }[];
  window?: NonNullable<Status['documentWindow']>;
}

export function coverageView(status: Pick<Status, 'coverage' | 'fetched' | 'fetchedAt' | 'documentWindow'>): CoverageView {
  const entries = Object.entries(status.fetched ?? {});
  const lists = entries.length
    ? entries.map(([key, at]) => ({ key, label: listLabel(key), at })).sort((a, b) => a.label.localeCompare(b.label, 'en'))
    : status.fetchedAt
      ? [{ key: 'all', label: 'All lists (oldest)', at: status.fetchedAt }]
      : [];
  return {
    ran: status.coverage.filter((entry) => entry.ran),
    notRun: status.coverage.filter((entry) => !entry.ran),
    lists,
    ...(status.documentWindow ? { window: status.documentWindow } : {}),
  };
}

export function checkName(entry: Status['coverage'][number]): string {
  return entry.label ?? entry.check;
}
