// Terminal output for people: findings grouped by area and severity, aligned columns, colour only when asked.
import type { AuditResult, Finding, Severity } from '../../utils/audit/types';
import { groupByArea, plural } from './areas';

export interface TableOptions {
  color: boolean;
  /** What was audited ("snap.json", "scenario broken"), shown in the heading. */
  source: string;
  today: string;
}

const ANSI = { reset: '\u001b[0m', bold: '\u001b[1m', dim: '\u001b[2m', red: '\u001b[31m', yellow: '\u001b[33m', cyan: '\u001b[36m', green: '\u001b[32m' };
const SEVERITY_COLOUR: Record<Severity, string> = { error: ANSI.red, warning: ANSI.yellow, info: ANSI.cyan };
const SEVERITY_LABEL: Record<Severity, string> = { error: 'ERROR', warning: 'WARN', info: 'INFO' };

/** Whether to colour: stdout is a terminal and NO_COLOR (https://no-color.org) is unset or empty. */
export function shouldColor(isTTY: boolean | undefined, env: Record<string, string | undefined>): boolean {
  return Boolean(isTTY) && !env.NO_COLOR;
}

export function formatTable(result: AuditResult, options: TableOptions): string {
  const paint = (style: string, text: string) => (options.color ? `${style}${text}${ANSI.reset}` : text);
  const lines: string[] = [paint(ANSI.bold, `Mapping Guard audit of ${options.source} (as of ${options.today})`), ''];
  const groups = groupByArea(result.findings);
  if (groups.length === 0) lines.push(paint(ANSI.green, 'No findings: the set-up passes every check that could run.'), '');
  for (const group of groups) {
    lines.push(paint(ANSI.bold, `${group.area} (${group.findings.length})`));
    const codeWidth = Math.max(...group.findings.map((finding) => finding.code.length));
    const subjectWidth = Math.min(32, Math.max(...group.findings.map((finding) => subjectText(finding).length)));
    for (const finding of group.findings) {
      const severity = SEVERITY_LABEL[finding.severity].padEnd(5);
      lines.push(
        `  ${paint(SEVERITY_COLOUR[finding.severity], severity)}  ${finding.code.padEnd(codeWidth)}  ${truncate(subjectText(finding), subjectWidth).padEnd(subjectWidth)}  ${finding.message}`,
      );
      if (finding.fix) lines.push(`  ${' '.repeat(5 + 2 + codeWidth + 2 + subjectWidth + 2)}${paint(ANSI.dim, `→ ${finding.fix.label}: ${finding.fix.url}`)}`);
    }
    lines.push('');
  }
  const skipped = result.coverage.filter((entry) => !entry.ran);
  if (skipped.length > 0) {
    lines.push(paint(ANSI.bold, 'Not checked'));
    for (const entry of skipped) lines.push(`  - ${entry.check}${entry.reason ? `: ${entry.reason}` : ''}`);
    lines.push('');
  }
  const { errors, warnings, infos, total } = result.summary;
  const summary = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')} (${plural(total, 'finding')})`;
  lines.push(paint(errors > 0 ? ANSI.red : warnings > 0 ? ANSI.yellow : ANSI.green, summary));
  return `${lines.join('\n')}\n`;
}

function subjectText(finding: Finding): string {
  const { key, label } = finding.subject;
  return label && label !== key ? `${label} [${key}]` : key;
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
