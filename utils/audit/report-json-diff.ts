// Finding for finding: the extension's exported report against the CLI's (`npm run audit -- --format json`), with
// every difference in words (issue #14 "Done when"). Used by `npm run demo` and the report e2e. Pure.
import type { Finding } from './types';

export interface FindingsDiff {
  /** What makes the two disagree: a finding only one side has, a field that differs, or the order. */
  differences: string[];
  /** Known, expected variations that are not disagreements (a Cin7 Core page link learned in this browser). */
  notes: string[];
}

/** An ISO time in a message ("read 2026-11-20T21:42:07.000Z"): when this browser read a page, not what it found. */
const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})/g;
const withoutTimes = (message: string) => message.replace(ISO_TIME, '(time)');
const identity = (finding: Finding) => `${finding.code}|${finding.subject.kind}|${finding.subject.key}|${withoutTimes(finding.message)}`;
const describe = (finding: Finding) =>
  `${finding.severity.toUpperCase()} ${finding.code} ${finding.subject.kind} "${finding.subject.label || finding.subject.key}": ${finding.message}`;

/**
 * What the two sides must agree on. A fix link to a Cin7 Core page without a published URL (`fix.page`) carries the
 * URL and label this browser learned for the page, where the CLI has the sourced fallback: compared by page. A time
 * in a message is when a page was read (the browser's read against the snapshot's): compared without it. Both are
 * notes, not differences.
 */
function comparable(finding: Finding): Finding {
  const message = withoutTimes(finding.message);
  if (!finding.fix?.page) return { ...finding, message };
  return { ...finding, message, fix: { ...finding.fix, url: `(Cin7 Core page ${finding.fix.page})`, label: '(learned)' } };
}

export function diffReportFindings(extension: readonly Finding[], cli: readonly Finding[], names = { a: 'the extension’s export', b: 'the CLI' }): FindingsDiff {
  const differences: string[] = [];
  const notes: string[] = [];
  const byIdentity = (findings: readonly Finding[]) => {
    const map = new Map<string, Finding[]>();
    for (const finding of findings) map.set(identity(finding), [...(map.get(identity(finding)) ?? []), finding]);
    return map;
  };
  const left = byIdentity(extension);
  const right = byIdentity(cli);
  for (const [key, findings] of left) {
    const others = right.get(key) ?? [];
    findings.slice(others.length).forEach((finding) => differences.push(`only in ${names.a}: ${describe(finding)}`));
    findings.slice(0, others.length).forEach((finding, index) => {
      const other = others[index] as Finding;
      if (JSON.stringify(comparable(finding)) !== JSON.stringify(comparable(other))) {
        differences.push(`fields differ for ${describe(finding)}:\n    ${names.a}: ${JSON.stringify(finding)}\n    ${names.b}: ${JSON.stringify(other)}`);
      } else if (JSON.stringify(finding) !== JSON.stringify(other)) {
        const what = finding.message !== other.message ? 'a page read at another time' : `the Cin7 Core page link learned in this browser (${finding.fix?.url})`;
        notes.push(`${finding.code} ${finding.subject.key}: same finding, with ${what}`);
      }
    });
  }
  for (const [key, findings] of right) {
    const mine = left.get(key) ?? [];
    findings.slice(mine.length).forEach((finding) => differences.push(`only in ${names.b}: ${describe(finding)}`));
  }
  if (differences.length === 0) {
    const order = extension.findIndex((finding, index) => identity(finding) !== identity(cli[index] as Finding));
    if (order >= 0) differences.push(`same findings, different order from position ${order + 1}`);
  }
  return { differences, notes };
}

/** The diff as lines to print: a verdict, then each difference. */
export function describeFindingsDiff(diff: FindingsDiff, counts: { a: number; b: number }): string[] {
  if (diff.differences.length === 0) return [`Findings agree: ${counts.a} in both, finding for finding.`, ...diff.notes.map((note) => `  note: ${note}`)];
  return [
    `Findings DIFFER (${counts.a} in the extension’s export, ${counts.b} from the CLI): ${diff.differences.length} difference(s)`,
    ...diff.differences.map((line) => `  - ${line}`),
    ...diff.notes.map((note) => `  note: ${note}`),
  ];
}
