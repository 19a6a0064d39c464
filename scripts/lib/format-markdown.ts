// A report a partner can paste into an email, a ticket or a wiki: summary, then one table per area.
import type { AuditResult, Finding, Severity } from '../../utils/audit/types';
import { healthLabel } from '../../utils/audit/score';
import { groupByArea, plural } from './areas';
import { planLines } from './plan-lines';

export interface MarkdownOptions {
  /** What was audited, e.g. the organisation's name or the file name. */
  title: string;
  today: string;
  /** The health score: null until the mapping has been read. Not printed when absent. */
  score?: number | null;
}

const SEVERITY_LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };

/** Text safe inside a Markdown table cell: no pipes or line breaks, no stray emphasis or HTML. */
export function escapeCell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/([*_`[\]<>])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
}

function fixCell(finding: Finding): string {
  if (!finding.fix) return '';
  // Angle brackets keep URLs with parentheses or spaces intact inside the link.
  return `[${escapeCell(finding.fix.label)}](<${finding.fix.url.replace(/[<>\s]/g, encodeURIComponent)}>)`;
}

function sourceCell(finding: Finding): string {
  if (!finding.source) return '';
  return finding.source.url ? `[${escapeCell(finding.source.label)}](<${finding.source.url.replace(/[<>\s]/g, encodeURIComponent)}>)` : escapeCell(finding.source.label);
}

export function formatMarkdown(result: AuditResult, options: MarkdownOptions): string {
  const { errors, warnings, infos, total } = result.summary;
  const verdict =
    errors > 0
      ? 'The integration set-up has errors that will make syncs fail or post to the wrong accounts.'
      : warnings > 0
        ? 'No errors; some warnings deserve a look before the next sync.'
        : 'No errors or warnings.';
  const lines: string[] = [
    `# Cin7 Core ↔ Xero set-up check: ${options.title}`,
    '',
    `Checked on ${options.today} by Mapping Guard. ${verdict}`,
    '',
    '| Errors | Warnings | Info | Total |',
    '| ---: | ---: | ---: | ---: |',
    `| ${errors} | ${warnings} | ${infos} | ${total} |`,
    '',
  ];
  if (options.score !== undefined) {
    lines.push(`Health score: ${options.score === null ? healthLabel(null) : `**${options.score}** (${healthLabel(options.score)})`}.`, '');
  }
  const plan = planLines(result.findings);
  if (plan.length > 0) lines.push('## Fix plan', '', ...plan.map(escapeCell), '');
  for (const group of groupByArea(result.findings)) {
    lines.push(`## ${group.area} (${plural(group.findings.length, 'finding')})`, '');
    lines.push('| Severity | Code | Subject | Finding | Where to fix | Source |', '| --- | --- | --- | --- | --- | --- |');
    for (const finding of group.findings) {
      const first = finding.suggestions?.[0];
      const message = first ? `${finding.message} Suggested: map to ${first.code} ${first.name}.` : finding.message;
      lines.push(
        `| ${SEVERITY_LABEL[finding.severity]} | \`${finding.code}\` | ${escapeCell(finding.subject.label || finding.subject.key)} | ${escapeCell(message)} | ${fixCell(finding)} | ${sourceCell(finding)} |`,
      );
    }
    lines.push('');
  }
  const skipped = result.coverage.filter((entry) => !entry.ran);
  if (skipped.length > 0) {
    lines.push('## Not checked', '');
    for (const entry of skipped) lines.push(`- ${escapeCell(entry.label ?? entry.check)}${entry.reason ? `: ${escapeCell(entry.reason)}` : ''}`);
    lines.push('');
  }
  return `${lines.join('\n')}`;
}
