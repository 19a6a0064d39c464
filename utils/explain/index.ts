// The sync-error explainer (issue #16): a pure function from an error text, as people paste it or pages show it, to
// the causes it names, why each happened, where it is fixed, and the audit findings that predict it. No clock, no
// browser API: the engine's layer, usable by the CLI, the background and page code alike.
import type { Snapshot } from '../schemas/snapshot';
import type { AuditOptions, Finding, FixLink } from '../audit/types';
import { audit } from '../audit';
import { adviceFor, snapshotFacts, type SnapshotFacts } from './advice';
import { CAUSES, findCauses, type CauseId, type ExplainSubject } from './causes';
import { normaliseErrorText } from './normalise';
import { relatedFindings } from './related';

export { CAUSES, type CauseId, type ExplainSubject };
export { normaliseErrorText } from './normalise';
export { keepsFailingUntil } from './until';
export { CAUSE_TITLES, causeInWords, subjectWords } from './words';
export { groupRows, type SeenRow, type SyncErrorGroup } from './group';
export { SYNC_ERROR_SAMPLES, XERO_MESSAGES } from '../audit/xero-messages';
export { parseErrorDate } from './dates';

export interface ExplainMatch {
  cause: CauseId;
  subject: ExplainSubject;
  /** Why it happened and what to do, in one or two sentences. */
  message: string;
  fix?: FixLink;
  /** The audit findings that predict this error (empty without a snapshot). */
  related: Finding[];
}

export interface ExplainResult {
  matches: ExplainMatch[];
}

export interface ExplainOptions extends AuditOptions {
  /** Findings of this snapshot already computed (the background has them); otherwise `audit()` runs here. */
  findings?: readonly Finding[];
}

/** Longer texts are read up to here: a failed list pasted whole fits; the matching stays cheap. */
export const MAX_EXPLAIN_TEXT = 200_000;

/** Every known sync error in `text`, in order; an unknown text gives no match. */
export function explain(text: string): ExplainResult;
export function explain(text: string, snapshot: Snapshot | undefined, options: ExplainOptions): ExplainResult;
export function explain(text: string, snapshot?: Snapshot, options?: ExplainOptions): ExplainResult {
  // The audit runs only when the text names a known error.
  return explainWith(text, () => snapshotFacts(snapshot), () => (snapshot && options ? (options.findings ?? audit(snapshot, { today: options.today }).findings) : []));
}

/**
 * For the panel and the popup, which hold the status's findings but not the snapshot: the same matches, with the
 * findings that predict each as `related` (advice without the snapshot's account names).
 */
export function explainWithFindings<F extends Finding>(text: string, findings: readonly F[]): { matches: (ExplainMatch & { related: F[] })[] } {
  return explainWith(text, () => snapshotFacts(undefined), () => findings) as { matches: (ExplainMatch & { related: F[] })[] };
}

function explainWith(text: string, readFacts: () => SnapshotFacts, readFindings: () => readonly Finding[]): ExplainResult {
  const hits = findCauses(normaliseErrorText(text.slice(0, MAX_EXPLAIN_TEXT)));
  if (hits.length === 0) return { matches: [] };
  const facts = readFacts();
  const findings = readFindings();
  return {
    matches: hits.map(({ cause, subject }) => {
      const { message, fix } = adviceFor(cause, subject, facts);
      return { cause, subject, message, ...(fix ? { fix } : {}), related: relatedFindings(cause, subject, findings, facts) };
    }),
  };
}
