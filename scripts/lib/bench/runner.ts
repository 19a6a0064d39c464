// Finds the bench sections, runs the chosen ones in order, and renders the report as text or one JSON object.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkResult, sectionFromModule, type BenchContext, type BenchResult, type BenchSection } from './section';

export const BENCH_FILE = /\.bench\.ts$/;

export async function discoverSections(directory: string): Promise<BenchSection[]> {
  const files = (await readdir(directory)).filter((file) => BENCH_FILE.test(file)).sort();
  const sections: BenchSection[] = [];
  for (const file of files) {
    const path = join(directory, file);
    sections.push(sectionFromModule(path, (await import(pathToFileURL(path).href)) as Record<string, unknown>));
  }
  const names = sections.map((section) => section.name);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate) throw new Error(`two bench sections are named "${duplicate}"`);
  return sections;
}

export function selectSections(sections: readonly BenchSection[], only: readonly string[]): BenchSection[] {
  if (only.length === 0) return [...sections];
  const unknown = only.filter((name) => !sections.some((section) => section.name === name));
  if (unknown.length > 0) {
    throw new Error(`no bench section named ${unknown.join(', ')} (have: ${sections.map((section) => section.name).join(', ')})`);
  }
  return sections.filter((section) => only.includes(section.name));
}

export interface BenchReport {
  /** True when every target of every section passed. */
  passed: boolean;
  environment: { node: string; platform: string; cpus: number; loadAverage: number; quick: boolean; iterations: number };
  sections: Record<string, BenchResult>;
}

export async function runSections(sections: readonly BenchSection[], context: BenchContext, environment: Omit<BenchReport['environment'], 'quick' | 'iterations'>): Promise<BenchReport> {
  const results: Record<string, BenchResult> = {};
  for (const section of sections) {
    context.log(`▶ ${section.name}${section.description ? `: ${section.description}` : ''}`);
    results[section.name] = checkResult(section.name, await section.run(context));
  }
  const passed = Object.values(results).every((result) => (result.targets ?? []).every((target) => target.pass));
  return { passed, environment: { ...environment, quick: context.quick, iterations: context.iterations }, sections: results };
}

/** The report for people: each section's rows as an aligned table, its other scalar figures, then its targets. */
export function formatReport(report: BenchReport): string {
  const lines: string[] = [];
  const { node, platform, cpus, loadAverage, quick, iterations } = report.environment;
  lines.push(
    `Mapping Guard benchmark · node ${node} · ${platform} · ${cpus} CPUs (load ${loadAverage} at start) · median of ≥ ${iterations} runs${quick ? ' · QUICK (sizes reduced)' : ''}`,
    '',
  );
  for (const [name, result] of Object.entries(report.sections)) {
    lines.push(`== ${name} ==`);
    if (result.rows && result.rows.length > 0) lines.push(...formatRows(result.rows));
    for (const [key, value] of Object.entries(result)) {
      if (key === 'rows' || key === 'targets') continue;
      if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) lines.push(`${key}: ${String(value)}`);
    }
    for (const target of result.targets ?? []) lines.push(`${target.pass ? 'PASS' : 'FAIL'}  ${target.name}  (${target.detail})`);
    lines.push('');
  }
  lines.push(report.passed ? 'All targets met.' : 'Some targets were missed.');
  return `${lines.join('\n')}\n`;
}

function formatRows(rows: NonNullable<BenchResult['rows']>): string[] {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cell = (value: unknown) => (value === undefined || value === null ? '' : String(value));
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => cell(row[column]).length)));
  const line = (values: string[]) => values.map((value, index) => value.padStart(widths[index] ?? 0)).join('  ');
  return [line(columns), line(widths.map((width) => '-'.repeat(width))), ...rows.map((row) => line(columns.map((column) => cell(row[column]))))];
}
