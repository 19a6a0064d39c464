import { findBrowserExecutable } from './find-chromium.ts';

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
  return findBrowserExecutable(env, 'FIREFOX_PATH', CANDIDATE_NAMES, (detail) => new FirefoxNotFoundError(detail));
}
