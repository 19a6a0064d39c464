// The audit report for the demo's scenario, made by the audit CLI (`npm run audit`), saved beside the screenshots.
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './build-extension.ts';

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
