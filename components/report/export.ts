// Exports of a pair's findings: CSV (RFC 4180, spreadsheet-safe) and Markdown (a table per area). Pure.
import type { StatusFinding } from '../../utils/protocol/shapes';
import { safeFixUrl } from '../ui/safe-url';
import { areaOf, countBySeverity, groupByArea, healthLabel, healthScore } from './model';

export interface ReportMeta {
  pairName: string;
  /** ISO time the report was made (injected: pure code reads no clock). */
  generatedAt: string;
  /** ISO time the data was fetched, when known. */
  fetchedAt?: string;
}

const CSV_COLUMNS = [
  'Area',
  'Severity',
  'Code',
  'Subject kind',
  'Subject key',
  'Subject',
  'Message',
  'Fix in',
  'Fix',
  'Fix URL',
  'Reviewed',
] as const;

/**
 * A value a spreadsheet would run as a formula: = + - @ first, also after leading spaces or line breaks (which
 * spreadsheets trim), or a tab or CR first (OWASP "CSV injection").
 */
export const FORMULA_START = /^[\t\r]|^\s*[=+\-@]/;

/**
 * One CSV cell. Quotes when the value holds a quote, comma, semicolon or line break, or has edge spaces; doubles
 * inner quotes. A value a spreadsheet would run as a formula gets a leading apostrophe.
 */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",;\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function findingsToCsv(findings: readonly StatusFinding[]): string {
  const rows = findings.map((finding) => [
    areaOf(finding),
    finding.severity,
    finding.code,
    finding.subject.kind,
    finding.subject.key,
    finding.subject.label,
    finding.message,
    finding.fix ? (finding.fix.app === 'cin7' ? 'Cin7 Core' : 'Xero') : '',
    finding.fix?.label ?? '',
    finding.fix?.url ?? '',
    finding.reviewed ? 'yes' : 'no',
  ]);
  return [CSV_COLUMNS, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

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

function markdownLink(fix: StatusFinding['fix']): string {
  if (!fix) return '';
  const url = safeFixUrl(fix.url);
  if (!url) return markdownText(fix.label);
  return `[${markdownText(fix.label)}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`;
}

const SEVERITY_WORD = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

export function findingsToMarkdown(findings: readonly StatusFinding[], meta: ReportMeta): string {
  const counts = countBySeverity(findings);
  const score = healthScore(findings);
  const lines = [
    `# Cin7 Core ↔ Xero integration health: ${markdownText(meta.pairName)}`,
    '',
    `Generated ${meta.generatedAt}${meta.fetchedAt ? `, from data fetched ${meta.fetchedAt}` : ''}.`,
    '',
    `**Health score: ${score}/100 (${healthLabel(score)})**`,
    '',
    '| Errors | Warnings | Notes | Total |',
    '| ---: | ---: | ---: | ---: |',
    `| ${counts.error} | ${counts.warning} | ${counts.info} | ${findings.length} |`,
  ];
  if (findings.length === 0) lines.push('', 'No findings: nothing to fix.');
  for (const group of groupByArea(findings)) {
    lines.push('', `## ${group.area}`, '', '| Severity | Subject | Finding | Fix |', '| --- | --- | --- | --- |');
    for (const finding of group.findings) {
      const reviewed = finding.reviewed ? ' (reviewed)' : '';
      lines.push(
        `| ${SEVERITY_WORD[finding.severity]}${reviewed} | ${markdownText(finding.subject.label || finding.subject.key)} | ${markdownText(finding.message)} | ${markdownLink(finding.fix)} |`,
      );
    }
  }
  return lines.join('\n') + '\n';
}

/** A file name from the pair's name and the day: "mapping-guard-acme-2026-11-21.csv". */
export function exportFileName(pairName: string, generatedAt: string, extension: 'csv' | 'md'): string {
  const slug = pairName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'pair';
  return `mapping-guard-${slug}-${generatedAt.slice(0, 10)}.${extension}`;
}
