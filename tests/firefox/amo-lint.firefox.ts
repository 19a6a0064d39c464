// AMO's linter on the very build the Firefox suite installs (the globalSetup's snapshot of .output/firefox-mv3):
// no error and no warning outside scripts/amo-lint.ts's allowlist (React DOM's innerHTML, nothing of ours).
import { expect, it } from 'vitest';
import { amoLintPasses, formatAmoLintSummary, lintAmoBuild } from '../../scripts/amo-lint.ts';
import { extensionDirOf } from '../../scripts/lib/build-extension.ts';
import { FIREFOX_BUILD_ENV } from './firefox-session.ts';

it('web-ext lint finds no error and no warning outside the allowlist in the installed Firefox build', async () => {
  const result = await lintAmoBuild(process.env[FIREFOX_BUILD_ENV] ?? extensionDirOf('firefox'));
  const lines = formatAmoLintSummary(result);
  console.log(lines[0]); // the counts; every message is in the failure's text
  const summary = lines.join('\n');
  expect(result.errors, summary).toEqual([]);
  expect(result.warnings, summary).toEqual([]);
  expect(amoLintPasses(result)).toBe(true);
});
