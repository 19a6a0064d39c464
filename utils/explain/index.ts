// The sync-error explainer (issue #16): a pure function from an error text, as people paste it or pages show it, to
// the causes it names, why each happened, where it is fixed, and the audit findings that predict it. No clock, no
// browser API: the engine's layer, usable by the CLI, the background and page code alike.
import type { Snapshot } from '../schemas/snapshot';
import type { AuditOptions, Finding, FixLink } from '../audit/types';
import { audit } from '../audit';
import { adviceFor, snapshotFacts } from './advice';
import { CAUSES, findCauses, type CauseId, type ExplainSubject } from './causes';
import { normaliseErrorText } from './normalise';
import { relatedFindings } from './related';

export { CAUSES, type CauseId, type ExplainSubject };
export { normaliseErrorText } from './normalise';
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
  const hits = findCauses(normaliseErrorText(text.slice(0, MAX_EXPLAIN_TEXT)));
  if (hits.length === 0) return { matches: [] };
  const facts = snapshotFacts(snapshot);
  const findings = snapshot && options ? (options.findings ?? audit(snapshot, { today: options.today }).findings) : [];
  return {
    matches: hits.map(({ cause, subject }) => {
      const { message, fix } = adviceFor(cause, subject, facts);
      return { cause, subject, message, ...(fix ? { fix } : {}), related: relatedFindings(cause, subject, findings, facts) };
    }),
  };
}
