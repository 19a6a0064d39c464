// AMO's linter (web-ext lint = addons-linter) on a built Firefox extension, with the one warning we accept listed
// here and nowhere else. Importing this file does nothing: `npm run lint:amo` (scripts/lint-amo.ts) and the Firefox
// suite call `lintAmoBuild`.
import { readFileSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { z } from 'zod';

// addons-linter's message shape (addons-linter `toJSON`). Not strict: a newer linter may add keys we do not read.
const messageSchema = z.object({
  code: z.string().max(200),
  message: z.string().max(2_000),
  description: z.union([z.string(), z.array(z.string()).max(50)]).optional(),
  file: z.string().max(1_000).optional(),
  line: z.number().int().nonnegative().optional(),
  column: z.number().int().nonnegative().optional(),
});
const reportSchema = z.object({
  errors: z.array(messageSchema).max(10_000),
  warnings: z.array(messageSchema).max(10_000),
  notices: z.array(messageSchema).max(10_000),
});

export type AmoLintMessage = z.infer<typeof messageSchema>;
export type AmoLintReport = z.infer<typeof reportSchema>;

export interface AmoLintResult {
  errors: AmoLintMessage[];
  /** Warnings no allowlist entry covers: each one fails `npm run lint:amo`. */
  warnings: AmoLintMessage[];
  allowedWarnings: AmoLintMessage[];
  notices: AmoLintMessage[];
}

interface AllowedWarning {
  code: string;
  /** Build files that may carry it (bundled copies of the library, exact names or hashed chunk names). */
  file: RegExp;
  /** The library's own code, read at the reported line and column: a warning elsewhere in the file stays a warning. */
  source: RegExp;
  why: string;
}

/** The only accepted warnings. Keep this narrow: a new entry needs the same kind of reason. */
export const AMO_LINT_ALLOWLIST: readonly AllowedWarning[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    // React DOM is bundled into each content script (one file each) and into the extension pages' shared chunk.
    file: /^(content-scripts\/(cin7|xero)\.js|chunks\/mount-page-[\w-]+\.js)$/,
    // React DOM's commit of `dangerouslySetInnerHTML` (minified: `prev?.__html!==next&&(node.innerHTML=next)`).
    source: /\.__html!==(\w+)&&\(\w+\.innerHTML=\1\)/,
    why: "React DOM's dangerouslySetInnerHTML support; our code never uses it (no innerHTML: README, Security)",
  },
];

// Characters either side of the reported column searched for the library's code (minified lines are long).
const SOURCE_WINDOW = 80;

/** The text around `line`:`column` of a build file, or undefined when the linter gave no position. */
function sourceAround(message: AmoLintMessage, readSource: (file: string) => string | undefined): string | undefined {
  if (!message.file || message.line === undefined || message.column === undefined) return undefined;
  const line = readSource(message.file)?.split('\n')[message.line - 1];
  if (line === undefined) return undefined;
  return line.slice(Math.max(0, message.column - SOURCE_WINDOW), message.column + SOURCE_WINDOW);
}

function isAllowed(message: AmoLintMessage, readSource: (file: string) => string | undefined): boolean {
  return AMO_LINT_ALLOWLIST.some((entry) => {
    if (entry.code !== message.code || !message.file || !entry.file.test(message.file)) return false;
    const around = sourceAround(message, readSource);
    return around !== undefined && entry.source.test(around);
  });
}

/** Splits a linter report into errors, warnings that fail and warnings the allowlist accepts. */
export function classifyAmoLint(report: unknown, readSource: (file: string) => string | undefined): AmoLintResult {
  const parsed = reportSchema.parse(report);
  const allowedWarnings = parsed.warnings.filter((message) => isAllowed(message, readSource));
  return {
    errors: parsed.errors,
    warnings: parsed.warnings.filter((message) => !allowedWarnings.includes(message)),
    allowedWarnings,
    notices: parsed.notices,
  };
}

/** Reads a file of the build by the linter's relative path; never outside the build folder. */
function buildFileReader(buildDir: string): (file: string) => string | undefined {
  return (file) => {
    const path = normalize(join(buildDir, file));
    if (!path.startsWith(normalize(buildDir) + sep)) return undefined;
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  };
}

/** Runs web-ext lint (AMO's rules for a listed add-on) on a built extension folder and classifies the result. */
export async function lintAmoBuild(buildDir: string): Promise<AmoLintResult> {
  const { default: webExt } = await import('web-ext');
  // output 'none': the linter prints nothing and returns its report; shouldExitProgram false: it never exits.
  const report = await webExt.cmd.lint({ sourceDir: buildDir, output: 'none' }, { shouldExitProgram: false });
  return classifyAmoLint(report, buildFileReader(buildDir));
}

function describe(message: AmoLintMessage): string {
  const where = message.file ? ` (${message.file}${message.line === undefined ? '' : `:${message.line}`})` : '';
  return `${message.code}${where}: ${message.message}`;
}

/** The lines `npm run lint:amo` prints: the counts, then every message that fails the check. */
export function formatAmoLintSummary(result: AmoLintResult): string[] {
  return [
    `AMO lint: ${result.errors.length} errors, ${result.warnings.length} warnings, ` +
      `${result.allowedWarnings.length} allowed warnings, ${result.notices.length} notices`,
    ...result.allowedWarnings.map((message) => `  allowed ${describe(message)}`),
    ...result.errors.map((message) => `  error   ${describe(message)}`),
    ...result.warnings.map((message) => `  warning ${describe(message)}`),
    ...result.notices.map((message) => `  notice  ${describe(message)}`),
  ];
}

/** Whether the build may be uploaded: no error and no warning outside the allowlist. */
export function amoLintPasses(result: AmoLintResult): boolean {
  return result.errors.length === 0 && result.warnings.length === 0;
}
