// The one JSON shape of an audit (issue #14): what `npm run audit -- --format json` prints and what the report page's
// "Export JSON" downloads. Both build it here and print it with formatReportJson, so their findings are
// byte-comparable: the engine's finding fields only (the UI's key and reviewed mark stripped), in the engine's order.
// Fields only the extension knows (reviewed marks, checklist, document window, fetch times) are optional. Pure.
import { z } from 'zod';
import { findingSchema, SEVERITIES } from '../schemas/finding';
import { FIX_STAGES, fixPlan, type PlannedFinding } from './fix-plan';
import { compareFindings, summarise } from './index';
import { healthScore } from './score';
import type { CoverageEntry, Finding } from './types';

const text = (max: number) => z.string().max(max);
const MAX_FINDINGS = 500_000;

const coverageEntrySchema = z.strictObject({
  check: text(100),
  label: text(500).optional(),
  ran: z.boolean(),
  reason: text(2000).optional(),
});

const subjectSchema = findingSchema.shape.subject;

/** One thing to fix, reduced to what a reader needs: the cause, the codes and the subjects it covers. */
const plannedFixSchema = z.strictObject({
  cause: text(500),
  severity: z.enum(SEVERITIES),
  codes: z.array(findingSchema.shape.code).max(50),
  subjects: z.array(subjectSchema).max(MAX_FINDINGS),
});

const fixPlanStepSchema = z.strictObject({
  stage: z.enum(FIX_STAGES),
  title: text(200),
  groups: z.array(z.strictObject({ app: z.enum(['xero', 'cin7']), fixes: z.array(plannedFixSchema).max(MAX_FINDINGS) })).max(2),
});

const checklistEntrySchema = z.strictObject({
  id: text(100),
  title: text(300),
  status: z.enum(['decided', 'partial', 'open']),
  /** Each answered field as the popup shows it: the setting's label, the sales channel when per channel, the choice. */
  answers: z.array(z.strictObject({ field: text(300), channel: text(200).optional(), value: text(300) })).max(500),
  note: text(5000),
  updatedAt: text(40).optional(),
});

export const reportJsonSchema = z.strictObject({
  findings: z.array(findingSchema.strict()).max(MAX_FINDINGS),
  summary: z.strictObject({ errors: z.number().int().min(0), warnings: z.number().int().min(0), infos: z.number().int().min(0), total: z.number().int().min(0) }),
  coverage: z.array(coverageEntrySchema).max(200),
  /** utils/audit/score.ts: null until the Cin7 Core account mapping has been read. */
  score: z.number().int().min(0).max(100).nullable(),
  fixPlan: z.array(fixPlanStepSchema).max(FIX_STAGES.length),
  organisations: z.strictObject({
    cin7: text(300).nullable(),
    xero: text(300).nullable(),
    /** The Xero organisation's CountryCode, when known (dates are written in its locale). */
    xeroCountryCode: text(3).optional(),
  }),
  // ---- what only the extension knows ----
  generatedAt: text(40).optional(),
  /** Keys (`code:subject kind:subject key:message hash`) of the findings the user marked reviewed; they do not count in the score. */
  reviewed: z.array(text(700)).max(MAX_FINDINGS).optional(),
  /** When each list was fetched (ISO), keyed `<app>.<list>`. */
  fetched: z.record(text(60), text(40)).optional(),
  documentWindow: z
    .strictObject({ from: text(40), description: text(500), sales: z.number().int().min(0), purchases: z.number().int().min(0) })
    .optional(),
  checklist: z.array(checklistEntrySchema).max(200).optional(),
});
export type ReportJson = z.infer<typeof reportJsonSchema>;
export type ChecklistEntry = z.infer<typeof checklistEntrySchema>;

export interface ReportJsonInput {
  /** Engine findings, or the status's (with `key` and `reviewed`, which are stripped here). */
  findings: readonly (Finding & { key?: string; reviewed?: boolean })[];
  coverage: readonly CoverageEntry[];
  mappingRead: boolean;
  organisations: ReportJson['organisations'];
  extension?: Pick<ReportJson, 'generatedAt' | 'fetched' | 'documentWindow' | 'checklist'>;
}

/** The engine's fields of a finding, in the schema's order (so both sides print the same bytes). */
export function engineFinding(finding: Finding): Finding {
  return findingSchema.parse(finding);
}

function unique<T>(values: readonly T[], keyOf: (value: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const value of values) if (!seen.has(keyOf(value))) seen.set(keyOf(value), value);
  return [...seen.values()];
}

export function reducedFixPlan(findings: readonly PlannedFinding[]): ReportJson['fixPlan'] {
  return fixPlan(findings).map((step) => ({
    stage: step.stage,
    title: step.title,
    groups: step.groups.map((group) => ({
      app: group.app,
      fixes: group.fixes.map((fix) => ({
        cause: fix.cause,
        severity: fix.severity,
        codes: unique(fix.findings.map((finding) => finding.code), String),
        subjects: unique(
          fix.findings.map(({ subject }) => ({ kind: subject.kind, key: subject.key, label: subject.label })) as Finding['subject'][],
          (subject) => `${subject.kind}|${subject.key}`,
        ),
      })),
    })),
  }));
}

export function buildReportJson(input: ReportJsonInput): ReportJson {
  const ordered = [...input.findings].sort(compareFindings);
  const findings = ordered.map(engineFinding);
  const reviewed = ordered.filter((finding) => finding.reviewed && finding.key).map((finding) => finding.key as string);
  const report: ReportJson = {
    findings,
    summary: summarise(findings),
    coverage: input.coverage.map(({ check, label, ran, reason }) => ({ check, ...(label === undefined ? {} : { label }), ran, ...(reason === undefined ? {} : { reason }) })),
    score: healthScore(ordered, { mappingRead: input.mappingRead }),
    fixPlan: reducedFixPlan(ordered),
    organisations: input.organisations,
  };
  if (input.extension) {
    const { generatedAt, fetched, documentWindow, checklist } = input.extension;
    Object.assign(report, {
      ...(generatedAt === undefined ? {} : { generatedAt }),
      reviewed,
      ...(fetched === undefined ? {} : { fetched }),
      ...(documentWindow === undefined ? {} : { documentWindow }),
      ...(checklist === undefined ? {} : { checklist }),
    });
  }
  return report;
}

/** The printed form: two-space JSON and a final line break, the same for the CLI and the export. */
export function formatReportJson(report: ReportJson): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Reads a report JSON file (the demo's and the e2e's check); throws with zod's first problem. */
export function parseReportJson(textValue: string): ReportJson {
  return reportJsonSchema.parse(JSON.parse(textValue));
}
