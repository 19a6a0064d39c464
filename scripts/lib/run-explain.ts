// The explain command as a function of its inputs (arguments, standard input, file system, clock) so tests can
// drive it without spawning a process. scripts/explain.ts wires it to the real process.
import type { Snapshot } from '../../utils/schemas';
import { explain, MAX_EXPLAIN_TEXT, type ExplainResult } from '../../utils/explain';
import { EXPLAIN_USAGE, parseExplainArgs, UsageError, type ExplainCommand } from './explain-args';
import { formatExplainJson, formatExplainText } from './explain-format';
import { InputError, readSnapshot, type CommandOutput } from './run-audit';

export interface ExplainIo {
  readFile(path: string): Promise<string>;
  /** All of standard input, as text. */
  readStdin(): Promise<string>;
  /** Today's calendar day on this machine (YYYY-MM-DD). */
  today(): string;
}

export async function runExplain(argv: readonly string[], io: ExplainIo): Promise<CommandOutput> {
  let command: ExplainCommand;
  try {
    command = parseExplainArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return { exitCode: 2, stdout: '', stderr: `explain: ${error.message}\n\n${EXPLAIN_USAGE}` };
    throw error;
  }
  if (command.kind === 'help') return { exitCode: 0, stdout: EXPLAIN_USAGE, stderr: '' };

  let snapshot: Snapshot | undefined;
  try {
    if (command.snapshot !== undefined) snapshot = await readSnapshot(command.snapshot, io);
  } catch (error) {
    if (error instanceof InputError) return { exitCode: 2, stdout: '', stderr: `explain: ${error.message}\n` };
    throw error;
  }

  const text = command.texts.length > 0 ? command.texts.join('\n') : await io.readStdin();
  if (text.length > MAX_EXPLAIN_TEXT) {
    return { exitCode: 2, stdout: '', stderr: `explain: the text is ${text.length} characters; give at most ${MAX_EXPLAIN_TEXT} at a time\n` };
  }
  const result: ExplainResult = snapshot ? explain(text, snapshot, { today: command.today ?? io.today() }) : explain(text);
  return { exitCode: 0, stdout: command.format === 'json' ? formatExplainJson(result) : formatExplainText(result), stderr: '' };
}
