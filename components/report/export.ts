// Exports of a pair's report: CSV (RFC 4180, spreadsheet-safe) and Markdown (export-markdown.ts). Both carry the
// facts of the JSON export (utils/audit/report-json.ts): findings with suggestions and sources, what was checked,
// when each list was fetched, the fix plan and the checklist decisions. Pure.
import type { ReportJson } from '../../utils/audit/report-json';
import type { StatusFinding } from '../../utils/protocol/shapes';
import { formatWhen } from './dates';
import { areaOf, checkOutcomes } from './model';
import { appName, findingsWord, listName } from './words';

export interface ReportMeta {
  pairName: string;
  /** ISO time the report was made (injected: pure code reads no clock). */
  generatedAt: string;
  /** The locale dates are written in (dates.ts). */
  locale: string;
  /** The report's JSON: the facts beside the findings (coverage, score, fix plan, organisations, checklist). */
  report: ReportJson;
  /** Finding codes shown (the report's "Show codes" toggle). */
  showCodes?: boolean;
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
  'Suggestion',
  'Source',
  'Source URL',
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
    (finding.suggestions ?? []).map((suggestion) => `${suggestion.code} ${suggestion.name} (${suggestion.reason})`).join('; '),
    finding.source?.label ?? '',
    finding.source?.url ?? '',
  ]);
  return csvRows([CSV_COLUMNS, ...rows]);
}

function csvRows(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const OUTCOME_TEXT = { passed: 'passed', failed: 'found problems', notRun: 'could not run' } as const;

/** The findings table first (what a spreadsheet opens on), then one block per fact, each with its own header row. */
export function reportToCsv(findings: readonly StatusFinding[], meta: ReportMeta): string {
  const { report, locale } = meta;
  const blocks = [
    findingsToCsv(findings),
    csvRows([
      ['Check', 'Result', 'Detail'],
      ...checkOutcomes(report.coverage, report.findings).map((outcome) => [
        outcome.label,
        OUTCOME_TEXT[outcome.state],
        outcome.state === 'notRun' ? (outcome.reason ?? '') : outcome.state === 'failed' ? findingsWord(outcome) : 'nothing found',
      ]),
    ]),
    csvRows([['List', 'Fetched'], ...Object.entries(report.fetched ?? {}).map(([key, when]) => [listName(key), formatWhen(when, locale)])]),
    csvRows([
      ['Fix plan step', 'Stage', 'Fix in', 'Severity', 'Codes', 'Subjects'],
      ...report.fixPlan.flatMap((step, index) =>
        step.groups.flatMap((group) =>
          group.fixes.map((fix) => [String(index + 1), step.title, appName(group.app), fix.severity, fix.codes.join(' '), fix.subjects.map((subject) => subject.label || subject.key).join('; ')]),
        ),
      ),
    ]),
    csvRows([
      ['Checklist item', 'Status', 'Decision', 'Note'],
      ...(report.checklist ?? []).map((entry) => [
        entry.title,
        entry.status,
        entry.answers.map((answer) => `${answer.channel ? `${answer.channel}, ` : ''}${answer.field}: ${answer.value}`).join('; '),
        entry.note,
      ]),
    ]),
    csvRows([
      ['Fact', 'Value'],
      ['Cin7 Core', report.organisations.cin7 ?? ''],
      ['Xero', report.organisations.xero ?? ''],
      ['Health score', report.score === null ? 'not scored until the account mapping is read' : String(report.score)],
      ['Documents audited', report.documentWindow?.description ?? 'not audited as a batch'],
      ['Generated', formatWhen(meta.generatedAt, locale)],
    ]),
  ];
  return blocks.join('\r\n');
}

/** A file name from the pair's name and the day: "mapping-guard-acme-2026-11-21.csv". */
export function exportFileName(pairName: string, generatedAt: string, extension: 'csv' | 'md' | 'json'): string {
  const slug = pairName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'pair';
  return `mapping-guard-${slug}-${generatedAt.slice(0, 10)}.${extension}`;
}
