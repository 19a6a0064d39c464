// The audit command as a function of its inputs (arguments, file system, clock, terminal) so tests can drive it
// without spawning a process. scripts/audit.ts wires it to the real process.
import { parseSnapshot, SnapshotError, type Snapshot } from '../../utils/schemas';
import type { AuditOptions, AuditResult } from '../../utils/audit/types';
import { loadScenario, SCENARIO_TODAY } from '../../utils/scenarios';
import { AUDIT_USAGE, parseAuditArgs, UsageError, type AuditCommand } from './audit-args';
import { healthScore } from '../../utils/audit/score';
import { formatJson } from './format-json';
import { formatMarkdown } from './format-markdown';
import { formatTable, shouldColor } from './format-table';

export interface AuditIo {
  readFile(path: string): Promise<string>;
  audit(snapshot: Snapshot, options: AuditOptions): AuditResult;
  /** Today's calendar day on this machine (YYYY-MM-DD). */
  today(): string;
  isTTY: boolean | undefined;
  /** The terminal's width, when stdout is one. */
  columns?: number;
  env: Record<string, string | undefined>;
}

export interface CommandOutput {
  exitCode: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

/** An input problem: printed on stderr, exit status 2. */
export class InputError extends Error {
  override name = 'InputError';
}

export async function runAudit(argv: readonly string[], io: AuditIo): Promise<CommandOutput> {
  let command: AuditCommand;
  try {
    command = parseAuditArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return { exitCode: 2, stdout: '', stderr: `audit: ${error.message}\n\n${AUDIT_USAGE}` };
    throw error;
  }
  if (command.kind === 'help') return { exitCode: 0, stdout: AUDIT_USAGE, stderr: '' };

  let snapshot: Snapshot;
  let sourceLabel: string;
  try {
    if (command.source.kind === 'snapshot') {
      snapshot = await readSnapshot(command.source.file, io);
      sourceLabel = command.source.file;
    } else {
      const { name, scale, seed } = command.source;
      snapshot = loadScenario(name, { scale, seed });
      sourceLabel = `scenario ${name}`;
    }
  } catch (error) {
    if (error instanceof InputError) return { exitCode: 2, stdout: '', stderr: `audit: ${error.message}\n` };
    throw error;
  }

  const today = command.today ?? (command.source.kind === 'scenario' ? SCENARIO_TODAY : io.today());
  const result = io.audit(snapshot, { today });
  const organisationName = snapshot.xero?.organisation?.Name ?? snapshot.cin7?.me?.Company ?? undefined;
  const score = healthScore(result.findings, { mappingRead: Boolean(snapshot.cin7?.mapping) });
  const stdout =
    command.format === 'json'
      ? formatJson(result, snapshot)
      : command.format === 'markdown'
        ? formatMarkdown(result, { title: organisationName ?? sourceLabel, today, score })
        : formatTable(result, { color: shouldColor(io.isTTY, io.env), source: organisationName ? `${organisationName} (${sourceLabel})` : sourceLabel, today, width: io.columns, score });
  return { exitCode: result.summary.errors > 0 ? 1 : 0, stdout, stderr: '' };
}

/** Reads and validates a snapshot file; every failure names the file (and the field, when zod found one). */
export async function readSnapshot(file: string, io: Pick<AuditIo, 'readFile'>): Promise<Snapshot> {
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    throw new InputError(`${file}: cannot read the file (${reason})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  try {
    return parseSnapshot(json);
  } catch (error) {
    if (error instanceof SnapshotError) throw new InputError(`${file}: ${error.message}`);
    throw error;
  }
}
