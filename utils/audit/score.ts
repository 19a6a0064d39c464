// The health score (issue #14): one number that moves in step with the fixes. A cause counts once however many
// findings describe it (one account behind two roles is one thing to fix), reviewed findings count nothing, and a
// client whose mapping was never read gets no score at all rather than a flattering one.
import type { FindingCode, Severity } from './types';

/** What scoring needs of a finding (engine findings and the status's findings both fit). */
export interface ScoredFinding {
  code: FindingCode;
  severity: Severity;
  subject: { kind: string; key: string };
  cause?: string;
  reviewed?: boolean;
}

/** The thing to fix a finding describes: its `cause` when the engine set one, else the finding itself. */
export function causeOf(finding: Pick<ScoredFinding, 'code' | 'subject' | 'cause'>): string {
  return finding.cause ?? `${finding.code}|${finding.subject.kind}|${finding.subject.key}`;
}

const WEIGHT: Record<Severity, number> = { error: 0.85, warning: 0.95, info: 1 };
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Open causes with the worst severity among their unreviewed findings. */
export function openCauses<F extends ScoredFinding>(findings: readonly F[]): Map<string, { severity: Severity; findings: F[] }> {
  const causes = new Map<string, { severity: Severity; findings: F[] }>();
  for (const finding of findings) {
    if (finding.reviewed) continue;
    const key = causeOf(finding);
    const entry = causes.get(key);
    if (!entry) causes.set(key, { severity: finding.severity, findings: [finding] });
    else {
      entry.findings.push(finding);
      if (RANK[finding.severity] < RANK[entry.severity]) entry.severity = finding.severity;
    }
  }
  return causes;
}

/**
 * 0–100, or null until the mapping has been read (no mapping, no verdict). Each open error cause takes 15 % of what
 * is left, each open warning cause 5 %; notes cost nothing. Multiplicative: never below zero, first problems weigh most.
 */
export function healthScore(findings: readonly ScoredFinding[], coverage: { mappingRead: boolean }): number | null {
  if (!coverage.mappingRead) return null;
  let score = 100;
  for (const { severity } of openCauses(findings).values()) score *= WEIGHT[severity];
  return Math.round(score);
}

export function healthLabel(score: number | null): string {
  if (score === null) return 'Not scored until the account mapping is read';
  if (score >= 90) return 'Healthy';
  if (score >= 60) return 'Needs attention';
  return 'At risk';
}
