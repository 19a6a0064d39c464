// Vitest reporters for the three configs (unit, e2e, firefox). With MG_TEST_RESULTS_DIR set (CI), each run also
// writes a JSON report there, which .ci/summarize-results.ts sums into CI's "N passed, N failed" line; a plain
// `npm test` prints as usual.
import { join } from 'node:path';

export function reporting(name: 'unit' | 'e2e' | 'firefox') {
  const dir = process.env.MG_TEST_RESULTS_DIR;
  if (!dir) return {};
  return { reporters: ['default', 'json'], outputFile: { json: join(dir, `${name}.json`) } };
}
