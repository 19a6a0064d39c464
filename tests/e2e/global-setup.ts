// Runs once before the e2e files: fail loudly when no Chromium is found (never a silent skip), then make sure the
// production build in .output/chrome-mv3 matches the sources.
import { ensureExtensionBuild } from '../../scripts/lib/build-extension.ts';
import { findChromium } from '../../scripts/find-chromium.ts';

export default async function setup(): Promise<void> {
  const chromiumPath = findChromium();
  console.log(`E2E: Chromium at ${chromiumPath}`);
  await ensureExtensionBuild({ log: (line) => console.log(`E2E: ${line}`) });
}
