// The fix plan (issue #14): fixes ordered by what unblocks what, grouped by the app where each is made. Base
// currency comes before anything is loaded, tracked items are untracked before inventory is mapped, the chart is
// right before accounts are chosen, then mappings, tax, record overrides, and lock dates and documents last.
import { openCauses, type ScoredFinding } from './score';
import type { FindingCode, FixLink, Severity } from './types';

export const FIX_STAGES = ['currency', 'inventory', 'chart', 'mapping', 'tax', 'overrides', 'documents'] as const;
export type FixStage = (typeof FIX_STAGES)[number];

export const FIX_STAGE_TITLE: Readonly<Record<FixStage, { title: string; why: string }>> = Object.freeze({
  currency: { title: 'Base currency and currencies', why: 'Cin7 Core cannot change its base currency once data is loaded, and every amount follows it.' },
  inventory: { title: 'Tracked inventory in Xero', why: 'Xero refuses inventory postings to tracked items; untrack them before mapping inventory.' },
  chart: { title: 'Chart of accounts', why: 'Accounts need codes before Cin7 Core can map to them.' },
  mapping: { title: 'Account mapping', why: 'Every sale and purchase posts through the mapped accounts.' },
  tax: { title: 'Tax rules', why: 'Tax rules post to accounts and must exist in Xero.' },
  overrides: { title: 'Products, customers and suppliers', why: 'Record-level accounts and tax rules override the mapping.' },
  documents: { title: 'Lock dates and documents', why: 'Once the set-up is right, documents that Xero will refuse are fixed or re-dated.' },
});

const STAGE_OF_CODE: Record<FindingCode, FixStage> = {
  BASE_CURRENCY_MISMATCH: 'currency',
  CURRENCY_NOT_ENABLED: 'currency',
  TRACKED_INVENTORY: 'inventory',
  ACCOUNT_WITHOUT_CODE: 'chart',
  BANK_ACCOUNT_WITHOUT_CODE: 'chart',
  MAPPING_UNKNOWN: 'mapping',
  MAPPING_MISSING: 'mapping',
  MAPPING_NOT_UNIQUE: 'mapping',
  ACCOUNT_NOT_FOUND: 'mapping',
  ACCOUNT_ARCHIVED: 'mapping',
  ACCOUNT_TYPE_MISMATCH: 'mapping',
  PAYMENTS_NOT_ENABLED: 'mapping',
  PAYMENTS_ENABLED: 'mapping',
  SYSTEM_ACCOUNT_MAPPED: 'mapping',
  TAX_RULE_ACCOUNT_INVALID: 'tax',
  TAX_RULE_NOT_IN_XERO: 'tax',
  TAX_RATE_NOT_APPLICABLE: 'tax',
  OVERRIDE_ACCOUNT_INVALID: 'overrides',
  OVERRIDE_ACCOUNT_TYPE: 'overrides',
  SERVICE_PRODUCT_NO_EXPENSE_ACCOUNT: 'overrides',
  RECORD_TAX_RULE_INVALID: 'overrides',
  LOCK_DATE_NOT_SET: 'documents',
  LOCK_DATE_MISALIGNED: 'documents',
  DOCUMENT_IN_LOCKED_PERIOD: 'documents',
};

/** Where a code is fixed when its finding carries no link. */
const APP_OF_CODE: Record<FindingCode, 'xero' | 'cin7'> = {
  BASE_CURRENCY_MISMATCH: 'cin7',
  CURRENCY_NOT_ENABLED: 'xero',
  TRACKED_INVENTORY: 'xero',
  ACCOUNT_WITHOUT_CODE: 'xero',
  BANK_ACCOUNT_WITHOUT_CODE: 'xero',
  MAPPING_UNKNOWN: 'cin7',
  MAPPING_MISSING: 'cin7',
  MAPPING_NOT_UNIQUE: 'cin7',
  ACCOUNT_NOT_FOUND: 'cin7',
  ACCOUNT_ARCHIVED: 'cin7',
  ACCOUNT_TYPE_MISMATCH: 'cin7',
  PAYMENTS_NOT_ENABLED: 'xero',
  PAYMENTS_ENABLED: 'xero',
  SYSTEM_ACCOUNT_MAPPED: 'cin7',
  TAX_RULE_ACCOUNT_INVALID: 'cin7',
  TAX_RULE_NOT_IN_XERO: 'cin7',
  TAX_RATE_NOT_APPLICABLE: 'xero',
  OVERRIDE_ACCOUNT_INVALID: 'cin7',
  OVERRIDE_ACCOUNT_TYPE: 'cin7',
  SERVICE_PRODUCT_NO_EXPENSE_ACCOUNT: 'cin7',
  RECORD_TAX_RULE_INVALID: 'cin7',
  LOCK_DATE_NOT_SET: 'xero',
  LOCK_DATE_MISALIGNED: 'xero',
  DOCUMENT_IN_LOCKED_PERIOD: 'cin7',
};

export interface PlannedFinding extends ScoredFinding {
  message: string;
  subject: { kind: string; key: string; label: string };
  fix?: FixLink;
}

/** One thing to fix: a cause and every open finding that describes it. */
export interface PlannedFix<F extends PlannedFinding> {
  cause: string;
  severity: Severity;
  /** The first finding (by engine order) speaks for the cause. */
  lead: F;
  findings: F[];
}

export interface FixPlanStep<F extends PlannedFinding> {
  stage: FixStage;
  title: string;
  why: string;
  /** Who fixes it: Xero first within a stage only when Xero's fixes unblock Cin7's (never here), so in app order. */
  groups: { app: 'xero' | 'cin7'; fixes: PlannedFix<F>[] }[];
}

export function stageOf(code: FindingCode): FixStage {
  return STAGE_OF_CODE[code];
}

export function appOf(finding: Pick<PlannedFinding, 'code' | 'fix'>): 'xero' | 'cin7' {
  return finding.fix?.app ?? APP_OF_CODE[finding.code];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const APP_ORDER = ['xero', 'cin7'] as const;

/**
 * Open (unreviewed) findings as ordered steps. Within a step: grouped by app (Xero, then Cin7 Core), errors before
 * warnings before notes, each cause once, in the order the findings came (the engine's order).
 */
export function fixPlan<F extends PlannedFinding>(findings: readonly F[]): FixPlanStep<F>[] {
  const causes = openCauses(findings);
  const steps: FixPlanStep<F>[] = [];
  for (const stage of FIX_STAGES) {
    const groups: FixPlanStep<F>['groups'] = [];
    for (const app of APP_ORDER) {
      const fixes: PlannedFix<F>[] = [];
      for (const [cause, entry] of causes) {
        const lead = entry.findings[0];
        if (!lead || stageOf(lead.code) !== stage || appOf(lead) !== app) continue;
        fixes.push({ cause, severity: entry.severity, lead, findings: entry.findings });
      }
      fixes.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
      if (fixes.length > 0) groups.push({ app, fixes });
    }
    if (groups.length > 0) steps.push({ stage, ...FIX_STAGE_TITLE[stage], groups });
  }
  return steps;
}

