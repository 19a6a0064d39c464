// Runs once before the e2e files: fail loudly when no Chromium is found (never a silent skip), make sure the
// production build in .output/chrome-mv3 matches the sources, and snapshot it so every file of this run loads the
// same build even if someone rebuilds meanwhile.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyExtensionBuild, E2E_BUILD_ENV, ensureExtensionBuild } from '../../scripts/lib/build-extension.ts';
import { findChromium } from '../../scripts/find-chromium.ts';

export default async function setup(): Promise<() => void> {
  const chromiumPath = findChromium();
  console.log(`E2E: Chromium at ${chromiumPath}`);
  const snapshotRoot = mkdtempSync(join(tmpdir(), 'mapping-guard-e2e-build-'));
  try {
    await ensureExtensionBuild({ log: (line) => console.log(`E2E: ${line}`) });
    // Test workers start after this and inherit the environment.
    process.env[E2E_BUILD_ENV] = copyExtensionBuild(join(snapshotRoot, 'chrome-mv3'));
  } catch (error) {
    rmSync(snapshotRoot, { recursive: true, force: true });
    throw error;
  }
  return () => rmSync(snapshotRoot, { recursive: true, force: true });
}
