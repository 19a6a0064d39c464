import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
/** Which production build: Chrome's (`wxt build`) or Firefox's (`wxt build -b firefox --mv3`). */
export type ExtensionBrowser = 'chrome' | 'firefox';
/** wxt's output folder of a browser's MV3 build, under `.output/`. */
const OUTPUT_FOLDER: Record<ExtensionBrowser, string> = { chrome: 'chrome-mv3', firefox: 'firefox-mv3' };
const WXT_BROWSER_ARGS: Record<ExtensionBrowser, string[]> = { chrome: [], firefox: ['-b', 'firefox', '--mv3'] };

/** A browser's production build folder (`.output/chrome-mv3` or `.output/firefox-mv3`). */
export function extensionDirOf(browser: ExtensionBrowser, root = PROJECT_ROOT): string {
  return join(root, '.output', OUTPUT_FOLDER[browser]);
}
/** The production build that e2e tests and the demo load unchanged. */
export const EXTENSION_DIR = extensionDirOf('chrome');
/** Set by the e2e globalSetup: the snapshot of the build that this test run checked and loads. */
export const E2E_BUILD_ENV = 'MAPPING_GUARD_E2E_BUILD';

// Everything `wxt build` reads, for either browser.
const BUILD_INPUTS = [
  'entrypoints',
  'components',
  'utils',
  'public',
  'assets',
  'wxt.config.ts',
  'package.json',
  'tsconfig.json',
];

function newestMtimeMs(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file bumps its directory's mtime
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtimeMs(join(path, entry)));
  return newest;
}

/** Why the build must be (re)made, or undefined when the browser's `.output` folder is newer than every input. */
export function buildStaleReason(root = PROJECT_ROOT, browser: ExtensionBrowser = 'chrome'): string | undefined {
  const manifest = join(extensionDirOf(browser, root), 'manifest.json');
  if (!existsSync(manifest)) return 'no build yet';
  const builtAt = statSync(manifest).mtimeMs;
  const stale = BUILD_INPUTS.find((input) => newestMtimeMs(join(root, input)) > builtAt);
  return stale ? `${stale} changed since the last build` : undefined;
}

function runWxtBuild(root: string, browser: ExtensionBrowser): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    // npx picks node_modules/.bin (Node 22 included), as `npm run build` would.
    // vitest sets NODE_ENV=test, which makes the JSX transform emit jsxDEV calls that React's production runtime
    // lacks ("jsxDEV is not a function" in every React surface): build as `npm run build` does. The build's output
    // goes to stderr so that `npm run bench -- --json` keeps stdout for its one JSON object.
    const child = spawn('npx', ['wxt', 'build', ...WXT_BROWSER_ARGS[browser]], { cwd: root, stdio: ['ignore', 2, 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolvePromise() : reject(new Error(`wxt build failed with exit code ${code}`)),
    );
  });
}

// A directory as a cross-process lock: two test runs (or a demo and a test run) must not build into the same folder.
async function withBuildLock<T>(root: string, work: () => Promise<T>): Promise<T> {
  const lockDir = join(root, '.output', '.build-lock');
  mkdirSync(join(root, '.output'), { recursive: true });
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch {
      const lockAge = existsSync(lockDir) ? Date.now() - statSync(lockDir).mtimeMs : 0;
      if (lockAge > 5 * 60_000) rmSync(lockDir, { recursive: true, force: true }); // left by a killed build
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lockDir}`);
      await sleep(500);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

/**
 * Makes sure `.output/chrome-mv3` (or, for `browser: 'firefox'`, `.output/firefox-mv3`) holds a production build of
 * the current sources (`wxt build`, nothing test-specific). `force` rebuilds even when fresh. Returns the directory.
 */
export async function ensureExtensionBuild(
  options: { force?: boolean; log?: (line: string) => void; browser?: ExtensionBrowser } = {},
) {
  const log = options.log ?? ((line: string) => console.log(line));
  const browser = options.browser ?? 'chrome';
  const dir = extensionDirOf(browser);
  await withBuildLock(PROJECT_ROOT, async () => {
    const reason = options.force ? 'rebuild requested' : buildStaleReason(PROJECT_ROOT, browser);
    if (!reason) {
      log(`Extension build is up to date: ${dir}`);
      return;
    }
    log(`Building the ${browser} extension (${reason}) …`);
    await runWxtBuild(PROJECT_ROOT, browser);
    if (!existsSync(join(dir, 'manifest.json'))) {
      throw new Error(`wxt build finished but ${dir}/manifest.json is missing`);
    }
  });
  return dir;
}

/** Files the manifest names (worker, pages, content scripts): a copy missing one was taken mid-build. */
function missingBuildFiles(dir: string): string[] {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) return ['manifest.json'];
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    background?: { service_worker?: string; scripts?: string[] }; // Firefox: an event page's scripts
    action?: { default_popup?: string };
    options_ui?: { page?: string };
    content_scripts?: { js?: string[]; css?: string[] }[];
  };
  const named = [
    manifest.background?.service_worker,
    ...(manifest.background?.scripts ?? []),
    manifest.action?.default_popup,
    manifest.options_ui?.page,
    ...(manifest.content_scripts ?? []).flatMap((script) => [...(script.js ?? []), ...(script.css ?? [])]),
  ].filter((file): file is string => typeof file === 'string');
  return named.filter((file) => !existsSync(join(dir, file)));
}

/**
 * Copies the production build to `target` (byte for byte) and checks the copy is complete. Chromium reads extension
 * files lazily, so tests load a copy: a `wxt build` started meanwhile cannot empty the folder under them.
 */
export function copyExtensionBuild(target: string, source = EXTENSION_DIR): string {
  const missingInSource = missingBuildFiles(source);
  if (missingInSource.length > 0) {
    throw new Error(
      `The extension build in ${source} is incomplete (missing ${missingInSource.join(', ')}): ` +
        'run `npm run build` (the e2e globalSetup and the demo do), and wait for any build in progress.',
    );
  }
  rmSync(target, { recursive: true, force: true });
  cpSync(source, target, { recursive: true });
  const missingInCopy = missingBuildFiles(target);
  if (missingInCopy.length > 0) throw new Error(`${source} changed while it was copied (a build in progress?)`);
  return target;
}
