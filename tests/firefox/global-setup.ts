// Runs once before the Firefox smoke test: fail loudly when no Firefox is found (never a silent skip), make sure the
// production Firefox build in .output/firefox-mv3 matches the sources, and snapshot it so a build started meanwhile
// cannot change the files under the running add-on.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyExtensionBuild, ensureExtensionBuild } from '../../scripts/lib/build-extension.ts';
import { findFirefox } from '../../scripts/find-firefox.ts';
import { FIREFOX_BUILD_ENV } from './firefox-session.ts';

export default async function setup(): Promise<() => void> {
  console.log(`Firefox: ${findFirefox()}`);
  const snapshotRoot = mkdtempSync(join(tmpdir(), 'mapping-guard-firefox-build-'));
  try {
    const built = await ensureExtensionBuild({ browser: 'firefox', log: (line) => console.log(`Firefox: ${line}`) });
    // Test workers start after this and inherit the environment.
    process.env[FIREFOX_BUILD_ENV] = copyExtensionBuild(join(snapshotRoot, 'firefox-mv3'), built);
  } catch (error) {
    rmSync(snapshotRoot, { recursive: true, force: true });
    throw error;
  }
  return () => rmSync(snapshotRoot, { recursive: true, force: true });
}
