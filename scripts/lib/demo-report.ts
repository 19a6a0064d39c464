// The audit report for the demo's scenario, made by the audit CLI (`npm run audit`), saved beside the screenshots;
// and the check that the extension's own exported report agrees with it finding for finding.
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { audit } from '../../utils/audit/index.ts';
import { parseReportJson, type ReportJson } from '../../utils/audit/report-json.ts';
import { describeFindingsDiff, diffReportFindings, type FindingsDiff } from '../../utils/audit/report-json-diff.ts';
import { SCENARIO_TODAY, type ScenarioName } from '../../utils/scenarios/index.ts';
import { PROJECT_ROOT } from './build-extension.ts';
import { runAudit } from './run-audit.ts';

const AUDIT_CLI = join(PROJECT_ROOT, 'scripts', 'audit.ts');

function runAuditCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', AUDIT_CLI, ...args], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface ReportOutcome {
  written: string[];
  /** Why no report was written (the CLI is missing or failed). */
  problem?: string;
}

/** Writes audit-<scenario>.md and .json into outDir. */
export async function writeAuditReport(scenario: string, outDir: string): Promise<ReportOutcome> {
  if (!existsSync(AUDIT_CLI)) return { written: [], problem: 'scripts/audit.ts does not exist yet' };
  const written: string[] = [];
  for (const [format, extension] of [
    ['markdown', 'md'],
    ['json', 'json'],
  ] as const) {
    const result = await runAuditCli(['--scenario', scenario, '--format', format]);
    // The CLI exits 1 when the audit finds errors (that is the broken scenario's point); other codes are failures.
    if ((result.code !== 0 && result.code !== 1) || result.stdout.trim() === '') {
      return { written, problem: `audit CLI (${format}) exited ${result.code}: ${result.stderr.trim().split('\n')[0]}` };
    }
    const path = join(outDir, `audit-${scenario}.${extension}`);
    writeFileSync(path, result.stdout);
    written.push(path);
  }
  return { written };
}

/**
 * The extension's exported report against `npm run audit -- --scenario <scenario> --format json` (runAudit, in
 * process), finding for finding. The CLI audits as of the day the extension made its export (the extension audits
 * as of its own today, the CLI's scenarios as of the scenario's day otherwise).
 */
export async function compareWithCli(exported: ReportJson, scenario: ScenarioName): Promise<{ day: string; diff: FindingsDiff; lines: string[] }> {
  const day = exported.generatedAt ? localDayOf(new Date(exported.generatedAt)) : SCENARIO_TODAY;
  const output = await runAudit(['--scenario', scenario, '--format', 'json', '--today', day], {
    readFile: () => Promise.reject(new Error('a scenario reads no file')),
    audit,
    today: () => day,
    isTTY: false,
    env: {},
  });
  if (output.exitCode === 2) throw new Error(`audit CLI refused: ${output.stderr.trim()}`);
  const cli = parseReportJson(output.stdout);
  const diff = diffReportFindings(exported.findings, cli.findings);
  const lines = [
    `Compared with npm run audit -- --scenario ${scenario} --format json --today ${day}:`,
    ...describeFindingsDiff(diff, { a: exported.findings.length, b: cli.findings.length }).map((line) => `  ${line}`),
  ];
  return { day, diff, lines };
}

function localDayOf(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
