// The Markdown export: what the report page shows, as text a partner can paste or send. Every piece of data goes
// through markdownText, so nothing the apps hold becomes markup or a link. Pure.
import { healthLabel } from '../../utils/audit/score';
import type { StatusFinding } from '../../utils/protocol/shapes';
import { safeFixUrl } from '../ui/safe-url';
import { formatWhen } from './dates';
import type { ReportMeta } from './export';
import { checkOutcomes, countBySeverity, groupByArea } from './model';
import { appName, findingsWord, listName, safeSourceUrl } from './words';

/** A zero-width space: breaks what GitHub-flavoured Markdown would otherwise turn into a link, invisibly. */
const NO_LINK = '\u200b';

/**
 * Text safe inside a Markdown table cell: no cell breaks, no markup, no raw HTML, and no autolinks (GFM links bare
 * `https://…`, `www.…` and e-mail addresses, even inside escaped text), so data never becomes a link.
 */
export function markdownText(value: string): string {
  return value
    .replace(/\r?\n|\r/g, ' ')
    .replace(/([\\`*_[\]{}()<>#|!~])/g, '\\$1')
    .replace(/:\/\//g, `:/${NO_LINK}/`)
    .replace(/\bwww\./gi, (www) => `${www.slice(0, 3)}${NO_LINK}.`)
    .replace(/@/g, `@${NO_LINK}`)
    .trim();
}

function markdownLink(fix: { label: string; url: string } | undefined, safe: (url: string) => string | undefined = safeFixUrl): string {
  if (!fix) return '';
  const url = safe(fix.url);
  if (!url) return markdownText(fix.label);
  return `[${markdownText(fix.label)}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`;
}

const SEVERITY_WORD = { error: 'Error', warning: 'Warning', info: 'Note' } as const;
const OUTCOME_WORD = { passed: 'Passed', failed: 'Found problems', notRun: 'Could not run' } as const;

function findingCell(finding: StatusFinding, showCodes: boolean): string {
  const parts = [markdownText(finding.message)];
  if (showCodes) parts.push(`\`${finding.code}\``);
  const suggestion = finding.suggestions?.[0];
  if (suggestion) parts.push(`Map to ${markdownText(`${suggestion.code} ${suggestion.name}`)}`);
  if (finding.source) parts.push(`Source: ${markdownLink({ label: finding.source.label, url: finding.source.url ?? '' }, safeSourceUrl)}`);
  return parts.join('<br>');
}

export function findingsToMarkdown(findings: readonly StatusFinding[], meta: ReportMeta): string {
  const { report, locale } = meta;
  const showCodes = meta.showCodes ?? true;
  const counts = countBySeverity(findings);
  const lines = [
    `# Cin7 Core ↔ Xero integration health: ${markdownText(meta.pairName)}`,
    '',
    `- Cin7 Core: ${markdownText(report.organisations.cin7 ?? 'not known')}`,
    `- Xero: ${markdownText(report.organisations.xero ?? 'not known')}`,
    `- Generated ${formatWhen(meta.generatedAt, locale)}`,
    '',
    report.score === null ? `**Health score: ${healthLabel(null)}**` : `**Health score: ${report.score}/100 (${healthLabel(report.score)})**`,
    '',
    '| Errors | Warnings | Notes | Total |',
    '| ---: | ---: | ---: | ---: |',
    `| ${counts.error} | ${counts.warning} | ${counts.info} | ${findings.length} |`,
    '',
    '## What was checked',
    '',
    '| Check | Result | Detail |',
    '| --- | --- | --- |',
    ...checkOutcomes(report.coverage, report.findings).map(
      (outcome) =>
        `| ${markdownText(outcome.label)} | ${OUTCOME_WORD[outcome.state]} | ${outcome.state === 'notRun' ? markdownText(outcome.reason ?? '') : outcome.state === 'failed' ? markdownText(findingsWord(outcome)) : 'Nothing found'} |`,
    ),
  ];
  const fetched = Object.entries(report.fetched ?? {});
  if (fetched.length > 0) lines.push('', '| List | Fetched |', '| --- | --- |', ...fetched.map(([key, when]) => `| ${markdownText(listName(key))} | ${formatWhen(when, locale)} |`));
  lines.push('', report.documentWindow ? `Documents audited: ${markdownText(report.documentWindow.description)}.` : 'Sales and purchases were not audited as a batch.');
  lines.push('', '## Fix plan');
  if (report.fixPlan.length === 0) lines.push('', 'Nothing to fix.');
  report.fixPlan.forEach((step, index) => {
    lines.push('', `### ${index + 1}. ${markdownText(step.title)}`);
    for (const group of step.groups) {
      lines.push('', `In ${appName(group.app)}:`, '');
      for (const fix of group.fixes) {
        const codes = showCodes ? ` (\`${fix.codes.join('`, `')}\`)` : '';
        lines.push(`- ${SEVERITY_WORD[fix.severity]}: ${fix.subjects.map((subject) => markdownText(subject.label || subject.key)).join(', ')}${codes}`);
      }
    }
  });
  lines.push('', '## Findings');
  if (findings.length === 0) lines.push('', 'No findings: nothing to fix.');
  for (const group of groupByArea(findings)) {
    lines.push('', `### ${group.area}`, '', '| Severity | Subject | Finding | Fix |', '| --- | --- | --- | --- |');
    for (const finding of group.findings) {
      const reviewed = finding.reviewed ? ' (reviewed)' : '';
      lines.push(
        `| ${SEVERITY_WORD[finding.severity]}${reviewed} | ${markdownText(finding.subject.label || finding.subject.key)} | ${findingCell(finding, showCodes)} | ${markdownLink(finding.fix)} |`,
      );
    }
  }
  const checklist = report.checklist ?? [];
  if (checklist.length > 0) {
    lines.push('', '## Checklist decisions', '', '| Item | Status | Decision | Note |', '| --- | --- | --- | --- |');
    for (const entry of checklist) {
      const answers = entry.answers.map((answer) => markdownText(`${answer.channel ? `${answer.channel}, ` : ''}${answer.field}: ${answer.value}`)).join('<br>');
      lines.push(`| ${markdownText(entry.title)} | ${entry.status} | ${answers || '—'} | ${markdownText(entry.note) || '—'} |`);
    }
  }
  return lines.join('\n') + '\n';
}
