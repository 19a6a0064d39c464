// What the collapsed panel says and its colour, from the status alone: shared by the React panel and its plain first
// frame (first-frame.ts), so both show the same words.
// Also the start script's (utils/overlay/start-script.ts): nothing here may import React or zod.
import type { PanelCounts } from '../../utils/protocol/panel-counts';
import { auditTotals, plural } from '../ui/audit-view';

export type PanelTone = 'unknown' | 'error' | 'warning' | 'ok';

/** The open findings decide (the same totals as the popup and the report); reviewed ones do not colour the panel. */
export function panelTone(status: PanelCounts | null): PanelTone {
  const open = status?.summary ? auditTotals(status.findings).open : undefined;
  return !status || isUnbound(status.tab) ? 'unknown' : open && open.error > 0 ? 'error' : open && open.warning > 0 ? 'warning' : 'ok';
}

export function countsText(status: PanelCounts | null): string {
  if (!status) return '…';
  if (isUnbound(status.tab)) return status.tab.state === 'other-organisation' ? 'other organisation' : 'organisation unknown';
  if (!isConnected(status)) return 'not connected';
  if (!status.summary) return 'not checked yet';
  const totals = auditTotals(status.findings);
  const changed = status.mappingChange ? 'mapping changed' : '';
  if (totals.open.error === 0 && totals.open.warning === 0) return changed || 'all good';
  const counts = [totals.open.error ? plural(totals.open.error, 'error') : '', totals.open.warning ? plural(totals.open.warning, 'warning') : ''];
  return [...counts, changed].filter(Boolean).join(' · ');
}

/** The tab shows an organisation without a pair (or one it cannot tell): the panel shows no findings then. */
export function isUnbound<T extends { state: string }>(tab: T | undefined): tab is T {
  return Boolean(tab && tab.state !== 'bound');
}

function isConnected(status: PanelCounts): boolean {
  return status.connection.cin7 === 'connected' && status.connection.xero === 'connected';
}
