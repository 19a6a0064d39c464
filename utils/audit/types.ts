// The engine's output contract (PRODUCT.md "Findings"). Stable API: the UI, storage and CLI depend on it. A finding's
// shape is its zod schema (utils/schemas/finding.ts), defined once for the engine and the protocol.
import type { z } from 'zod';
import { FINDING_CODES, type SEVERITIES, type SUBJECT_KINDS, type findingSchema, type fixLinkSchema } from '../schemas/finding';

export { FINDING_CODES };
export type FindingCode = (typeof FINDING_CODES)[number];
export type Severity = (typeof SEVERITIES)[number];
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
export type FixLink = z.infer<typeof fixLinkSchema>;
export type Finding = z.infer<typeof findingSchema>;

export interface AuditSummary {
  errors: number;
  warnings: number;
  infos: number;
  total: number;
}

export interface CoverageEntry {
  check: string;
  /** What the check verifies, in words ("Mapped accounts exist and are active in Xero"). */
  label?: string;
  ran: boolean;
  /** Why it could not run, in words the UI can show ("Xero chart of accounts not fetched yet"). */
  reason?: string;
}

export interface AuditResult {
  findings: Finding[];
  summary: AuditSummary;
  coverage: CoverageEntry[];
}

export interface AuditOptions {
  /** Today's calendar day (YYYY-MM-DD); the engine never reads the clock. */
  today: string;
}
