import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildStaleReason, copyExtensionBuild, extensionDirOf } from '../../../scripts/lib/build-extension';

let root: string;

function write(relativePath: string, content = 'x', mtimeSeconds?: number): string {
  const path = join(root, relativePath);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  if (mtimeSeconds !== undefined) utimesSync(path, mtimeSeconds, mtimeSeconds);
  return path;
}

const manifest = JSON.stringify({
  background: { service_worker: 'background.js' },
  action: { default_popup: 'popup.html' },
  content_scripts: [{ js: ['content-scripts/cin7.js'], css: ['content-scripts/cin7.css'] }],
});

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'build-extension-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('buildStaleReason', () => {
  it('asks for a build when there is none', () => {
    write('entrypoints/background.ts', 'x', 1_000);
    expect(buildStaleReason(root)).toBe('no build yet');
  });

  it('is fresh when the manifest is newer than every input, stale when a source is newer', () => {
    write('entrypoints/popup/main.tsx', 'x', 1_000);
    write('wxt.config.ts', 'x', 1_000);
    write('.output/chrome-mv3/manifest.json', manifest, 2_000);
    utimesSync(join(root, 'entrypoints/popup'), 1_000, 1_000);
    utimesSync(join(root, 'entrypoints'), 1_000, 1_000);
    expect(buildStaleReason(root)).toBeUndefined();

    write('entrypoints/popup/main.tsx', 'changed', 3_000);
    expect(buildStaleReason(root)).toBe('entrypoints changed since the last build');
  });

  it('judges each browser by its own build folder (.output/firefox-mv3 for Firefox)', () => {
    write('entrypoints/background.ts', 'x', 1_000);
    utimesSync(join(root, 'entrypoints'), 1_000, 1_000);
    write('.output/chrome-mv3/manifest.json', manifest, 2_000);
    expect(buildStaleReason(root)).toBeUndefined();
    expect(buildStaleReason(root, 'firefox')).toBe('no build yet');
    write('.output/firefox-mv3/manifest.json', manifest, 2_000);
    expect(buildStaleReason(root, 'firefox')).toBeUndefined();
    expect(extensionDirOf('firefox', root)).toBe(join(root, '.output', 'firefox-mv3'));
  });

  it('notices a changed config file', () => {
    write('.output/chrome-mv3/manifest.json', manifest, 2_000);
    write('wxt.config.ts', 'x', 3_000);
    expect(buildStaleReason(root)).toBe('wxt.config.ts changed since the last build');
  });
});

describe('copyExtensionBuild', () => {
  it('copies a complete build byte for byte', () => {
    write('build/manifest.json', manifest);
    write('build/background.js', 'worker');
    write('build/popup.html', '<html>');
    write('build/content-scripts/cin7.js', 'content');
    write('build/content-scripts/cin7.css', 'css');
    const copy = copyExtensionBuild(join(root, 'copy'), join(root, 'build'));
    expect(readFileSync(join(copy, 'manifest.json'), 'utf8')).toBe(manifest);
    expect(readFileSync(join(copy, 'content-scripts/cin7.js'), 'utf8')).toBe('content');
  });

  it('refuses a build missing a file its manifest names (a copy taken mid-build)', () => {
    write('build/manifest.json', manifest);
    write('build/background.js', 'worker');
    write('build/popup.html', '<html>');
    expect(() => copyExtensionBuild(join(root, 'copy'), join(root, 'build'))).toThrow(/content-scripts\/cin7\.js/);
    expect(existsSync(join(root, 'copy'))).toBe(false);
  });

  it('checks a Firefox build’s event-page scripts (background.scripts) too', () => {
    write('build/manifest.json', JSON.stringify({ background: { scripts: ['background.js'] }, action: { default_popup: 'popup.html' } }));
    write('build/popup.html', '<html>');
    expect(() => copyExtensionBuild(join(root, 'copy'), join(root, 'build'))).toThrow(/missing background\.js/);
    write('build/background.js', 'event page');
    expect(readFileSync(join(copyExtensionBuild(join(root, 'copy'), join(root, 'build')), 'background.js'), 'utf8')).toBe('event page');
  });

  it('refuses an empty build folder', () => {
    mkdirSync(join(root, 'build'));
    expect(() => copyExtensionBuild(join(root, 'copy'), join(root, 'build'))).toThrow(/missing manifest\.json/);
  });
});
