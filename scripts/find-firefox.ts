import { isExecutableFile, whichOnPath } from './find-chromium.ts';

// The Firefox smoke test (`npm run test:firefox`) drives Firefox ESR (Debian's package) over WebDriver BiDi.
const CANDIDATE_NAMES = ['firefox-esr', 'firefox'] as const;

export const FIREFOX_INSTALL_HINT =
  'No Firefox found. Install Firefox ESR (Debian/Ubuntu: `sudo apt-get install -y firefox-esr`) ' +
  'or point FIREFOX_PATH at a Firefox executable, e.g. `FIREFOX_PATH=/usr/bin/firefox-esr npm run test:firefox`.';

export class FirefoxNotFoundError extends Error {
  constructor(detail?: string) {
    super(detail ? `${detail}\n${FIREFOX_INSTALL_HINT}` : FIREFOX_INSTALL_HINT);
    this.name = 'FirefoxNotFoundError';
  }
}

/**
 * The Firefox to drive: FIREFOX_PATH when set (it must exist), else `firefox-esr` / `firefox` on PATH.
 * Throws FirefoxNotFoundError with the install command; never returns a guess.
 */
export function findFirefox(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.FIREFOX_PATH?.trim();
  if (explicit) {
    if (isExecutableFile(explicit)) return explicit;
    throw new FirefoxNotFoundError(`FIREFOX_PATH is set to "${explicit}", which is not an executable file.`);
  }
  for (const name of CANDIDATE_NAMES) {
    const found = whichOnPath(name, env.PATH);
    if (found) return found;
  }
  throw new FirefoxNotFoundError();
}
