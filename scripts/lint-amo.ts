// `npm run lint:amo`: lints the Firefox build that `npm run build:firefox` just made, as AMO will on upload. Exits
// non-zero on any error or any warning outside the allowlist in scripts/amo-lint.ts.
import { join } from 'node:path';
import { amoLintPasses, formatAmoLintSummary, lintAmoBuild } from './amo-lint';
import { PROJECT_ROOT } from './lib/build-extension';

const result = await lintAmoBuild(join(PROJECT_ROOT, '.output', 'firefox-mv3'));
for (const line of formatAmoLintSummary(result)) console.log(line);
process.exitCode = amoLintPasses(result) ? 0 : 1;
