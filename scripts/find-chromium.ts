import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

// Branded Google Chrome ignores --load-extension since 137; Chromium (Debian's package) loads it.
const CANDIDATE_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const;

export const CHROMIUM_INSTALL_HINT =
  'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) ' +
  'or point CHROME_PATH at a Chromium executable, e.g. `CHROME_PATH=/usr/bin/chromium npm test`. ' +
  '(Branded Google Chrome 137+ refuses --load-extension; `npx playwright install` needs internet.)';

export class ChromiumNotFoundError extends Error {
  constructor(detail?: string) {
    super(detail ? `${detail}\n${CHROMIUM_INSTALL_HINT}` : CHROMIUM_INSTALL_HINT);
    this.name = 'ChromiumNotFoundError';
  }
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** First executable named `name` on a PATH-style string, or undefined. */
export function whichOnPath(name: string, pathValue: string | undefined): string | undefined {
  for (const dir of (pathValue ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

/**
 * A browser to drive: the executable `envVar` names when set (it must exist), else the first of `names` on PATH.
 * Throws `notFound(detail?)` otherwise; never returns a guess. (findChromium, and find-firefox.ts.)
 */
export function findBrowserExecutable(
  env: NodeJS.ProcessEnv,
  envVar: string,
  names: readonly string[],
  notFound: (detail?: string) => Error,
): string {
  const explicit = env[envVar]?.trim();
  if (explicit) {
    if (isExecutableFile(explicit)) return explicit;
    throw notFound(`${envVar} is set to "${explicit}", which is not an executable file.`);
  }
  for (const name of names) {
    const found = whichOnPath(name, env.PATH);
    if (found) return found;
  }
  throw notFound();
}

/**
 * The Chromium to drive: CHROME_PATH when set (it must exist), else `chromium` / `google-chrome` on PATH.
 * Throws ChromiumNotFoundError with install instructions; never returns a guess.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  return findBrowserExecutable(env, 'CHROME_PATH', CANDIDATE_NAMES, (detail) => new ChromiumNotFoundError(detail));
}

// `npx tsx scripts/find-chromium.ts` prints the path (or the install hint, exit 1).
if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(findChromium());
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
