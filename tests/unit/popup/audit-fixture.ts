// One audit both surfaces read (issue #14): the popup and the panel must say the same totals and score for it.
// 820 behind two roles is two findings and one cause; a reviewed warning counts nothing.
import { applyLearnedPages, cin7AccountMappingLink } from '../../../utils/audit/links';
import type { Status, StatusFinding } from '../../../utils/protocol/shapes';

const CIN7 = 'https://inventory.dearsystems.com';
/** A learned Account Mapping URL (the sandbox's shape, as the background would have learned it). */
export const LEARNED_MAPPING = `${CIN7}/Settings#ReferenceBooks/Financial/AccountMapping`;

function f(over: Partial<StatusFinding> & Pick<StatusFinding, 'code' | 'severity' | 'message' | 'key'>): StatusFinding {
  return { subject: { kind: 'organisation', key: 'org', label: 'Organisation' }, reviewed: false, ...over };
}

export const AUDIT_FINDINGS: StatusFinding[] = [
  f({ key: 'doc', code: 'DOCUMENT_IN_LOCKED_PERIOD', severity: 'warning', message: 'Invoice INV-7 is dated in a locked period.', subject: { kind: 'sale', key: 'INV-7', label: 'INV-7' }, fix: { app: 'cin7', url: `${CIN7}/Sale#s7`, label: 'Open sale INV-7' } }),
  f({ key: 'dup-a', code: 'MAPPING_NOT_UNIQUE', severity: 'error', cause: 'account:820', message: '820 is behind Inventory and COGS.', subject: { kind: 'role', key: 'inventory', label: 'Inventory' }, fix: applyLearnedPages(cin7AccountMappingLink('inventory'), { accountMapping: LEARNED_MAPPING }) }),
  f({ key: 'dup-b', code: 'MAPPING_NOT_UNIQUE', severity: 'error', cause: 'account:820', message: '820 is behind COGS and Inventory.', subject: { kind: 'role', key: 'cogs', label: 'COGS' } }),
  f({ key: 'tracked', code: 'TRACKED_INVENTORY', severity: 'error', message: 'Xero item WIDGET is tracked as inventory.', subject: { kind: 'item', key: 'WIDGET', label: 'Widget' }, fix: { app: 'xero', url: 'https://go.xero.com/Accounts/Inventory/', label: 'Open Products and services' } }),
  f({ key: 'lock', code: 'LOCK_DATE_NOT_SET', severity: 'info', message: 'No lock date is set in Xero.' }),
  f({ key: 'pay', code: 'PAYMENTS_NOT_ENABLED', severity: 'warning', reviewed: true, message: 'Bank 090 does not take payments.' }),
  f({ key: 'base', code: 'BASE_CURRENCY_MISMATCH', severity: 'error', message: 'Cin7 Core is in AUD, Xero in NZD.' }),
];

/** Open: 4 errors (3 causes), 1 warning, 1 note; 1 reviewed; 7 in all. Score 100 × 0.85³ × 0.95 = 58. */
export const EXPECTED = {
  open: 'Open: 4 errors · 1 warning · 1 note',
  total: '7 findings in the audit, 1 reviewed (not counted as open)',
  score: /Health score 58\s*\/100: At risk/,
};

const minutesAgo = (minutes: number, now: number) => new Date(now - minutes * 60_000).toISOString();

export function auditStatus(now: number, over: Partial<Status> = {}): Status {
  return {
    connection: { cin7: 'connected', xero: 'connected' },
    pairId: 'pair-a',
    pairName: 'Acme Cin7 ↔ Acme Xero',
    fetchedAt: minutesAgo(120, now),
    fetched: { 'xero.accounts': minutesAgo(5, now), 'cin7.products': minutesAgo(120, now) },
    documentWindow: { from: '2026-07-01', description: 'Sales and purchases dated from 1 Jul 2026 and not completed', sales: 12, purchases: 1 },
    mappingReadAt: minutesAgo(60, now),
    // The background's own summary disagrees on purpose: the surfaces count the findings, not this.
    summary: { errors: 9, warnings: 9, infos: 9, total: 27 },
    findings: AUDIT_FINDINGS,
    coverage: [
      { check: 'mapping-accounts', label: 'Mapped accounts exist in Xero', ran: true },
      { check: 'documents', label: 'Documents in locked periods', ran: false, reason: 'The sales list failed: Cin7 Core answered 503.' },
    ],
    cin7LearnedPages: { accountMapping: LEARNED_MAPPING },
    ...over,
  };
}
