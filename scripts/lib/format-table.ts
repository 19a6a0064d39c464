// Terminal output for people: findings grouped by area, most severe first, each message wrapped to the terminal's
// width with its fix link underneath. Colour only when asked (a TTY without NO_COLOR).
import type { AuditResult, Finding, Severity } from '../../utils/audit/types';
import { healthLabel } from '../../utils/audit/score';
import { groupByArea, plural } from './areas';
import { planLines } from './plan-lines';

export interface TableOptions {
  color: boolean;
  /** What was audited ("snap.json", "scenario broken"), shown in the heading. */
  source: string;
  today: string;
  /** Wrap width in columns (the terminal's width when known). */
  width?: number;
  /** The health score (utils/audit/score.ts): null until the mapping has been read. Not printed when absent. */
  score?: number | null;
}

const ANSI = { reset: '\u001b[0m', bold: '\u001b[1m', dim: '\u001b[2m', red: '\u001b[31m', yellow: '\u001b[33m', cyan: '\u001b[36m', green: '\u001b[32m' };
const SEVERITY_COLOUR: Record<Severity, string> = { error: ANSI.red, warning: ANSI.yellow, info: ANSI.cyan };
const SEVERITY_LABEL: Record<Severity, string> = { error: 'ERROR', warning: 'WARN ', info: 'INFO ' };
const INDENT = '         ';

/** Whether to colour: stdout is a terminal and NO_COLOR (https://no-color.org) is unset or empty. */
export function shouldColor(isTTY: boolean | undefined, env: Record<string, string | undefined>): boolean {
  return Boolean(isTTY) && !env.NO_COLOR;
}

export function formatTable(result: AuditResult, options: TableOptions): string {
  const paint = (style: string, text: string) => (options.color ? `${style}${text}${ANSI.reset}` : text);
  const width = Math.max(60, options.width ?? 100);
  const lines: string[] = [paint(ANSI.bold, `Mapping Guard audit of ${options.source}, as of ${options.today}`), ''];
  const groups = groupByArea(result.findings);
  if (groups.length === 0) lines.push(paint(ANSI.green, 'No findings: the set-up passes every check that could run.'), '');
  for (const group of groups) {
    lines.push(paint(ANSI.bold, `${group.area} (${group.findings.length})`));
    for (const finding of group.findings) {
      lines.push(`  ${paint(SEVERITY_COLOUR[finding.severity], SEVERITY_LABEL[finding.severity])}  ${paint(ANSI.bold, finding.code)}  ${subjectText(finding)}`);
      for (const line of wrap(finding.message, width - INDENT.length)) lines.push(`${INDENT}${line}`);
      const first = finding.suggestions?.[0];
      if (first) lines.push(`${INDENT}Suggested: map to ${first.code} ${first.name} (${first.reason})`);
      if (finding.fix) lines.push(`${INDENT}${paint(ANSI.dim, `→ ${finding.fix.label}: ${finding.fix.url}`)}`);
      if (finding.source) lines.push(`${INDENT}${paint(ANSI.dim, `Source: ${finding.source.label}${finding.source.url ? ` ${finding.source.url}` : ''}`)}`);
    }
    lines.push('');
  }
  const plan = planLines(result.findings);
  if (plan.length > 0) lines.push(paint(ANSI.bold, 'Fix plan (in this order)'), ...plan.map((line) => `  ${line}`), '');
  const skipped = result.coverage.filter((entry) => !entry.ran);
  lines.push(`Checks: ${result.coverage.length - skipped.length} of ${result.coverage.length} ran.`);
  if (skipped.length > 0) {
    lines.push(paint(ANSI.bold, `Not checked (${skipped.length})`));
    for (const entry of skipped) lines.push(`  - ${entry.label ?? entry.check}${entry.reason ? `: ${entry.reason}` : ''}`);
    lines.push('');
  }
  const { errors, warnings, infos, total } = result.summary;
  const summary = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info', 'info')} (${plural(total, 'finding')})`;
  lines.push(paint(errors > 0 ? ANSI.red : warnings > 0 ? ANSI.yellow : ANSI.green, summary));
  if (options.score !== undefined) lines.push(`Health score: ${options.score === null ? healthLabel(null) : `${options.score} (${healthLabel(options.score)})`}`);
  return `${lines.join('\n')}\n`;
}

function subjectText(finding: Finding): string {
  const { key, label } = finding.subject;
  return label && label !== key ? `${label} (${key})` : key;
}

/** Greedy word wrap; a word longer than the width gets a line of its own. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  if (current) lines.push(current);
  return lines;
}
