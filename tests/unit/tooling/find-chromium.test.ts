import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChromiumNotFoundError, findChromium } from '../../../scripts/find-chromium';
import { findFirefox, FirefoxNotFoundError } from '../../../scripts/find-firefox';

let dir: string;

function fakeExecutable(relativePath: string, mode = 0o755): string {
  const path = join(dir, relativePath);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, mode);
  return path;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'find-chromium-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('findChromium', () => {
  it('uses CHROME_PATH when it names an executable', () => {
    const chrome = fakeExecutable('custom/chrome');
    fakeExecutable('bin/chromium');
    expect(findChromium({ CHROME_PATH: chrome, PATH: join(dir, 'bin') })).toBe(chrome);
  });

  it('refuses a CHROME_PATH that is not executable instead of falling back to PATH', () => {
    fakeExecutable('bin/chromium');
    const notExecutable = fakeExecutable('custom/chrome', 0o644);
    expect(() => findChromium({ CHROME_PATH: notExecutable, PATH: join(dir, 'bin') })).toThrow(/CHROME_PATH/);
  });

  it('prefers chromium over google-chrome on PATH, searching PATH in order', () => {
    fakeExecutable('a/google-chrome');
    const chromium = fakeExecutable('b/chromium');
    expect(findChromium({ PATH: [join(dir, 'a'), join(dir, 'b')].join(':') })).toBe(chromium);
  });

  it('falls back to google-chrome, skipping non-executable files', () => {
    fakeExecutable('a/chromium', 0o644);
    const chrome = fakeExecutable('b/google-chrome');
    expect(findChromium({ PATH: [join(dir, 'a'), join(dir, 'b')].join(':') })).toBe(chrome);
  });

  it('fails with install instructions when nothing is found', () => {
    const attempt = () => findChromium({ PATH: join(dir, 'empty') });
    expect(attempt).toThrow(ChromiumNotFoundError);
    expect(attempt).toThrow(/apt-get install -y chromium/);
  });
});

describe('findFirefox', () => {
  it('uses FIREFOX_PATH when it names an executable', () => {
    const firefox = fakeExecutable('custom/firefox');
    fakeExecutable('bin/firefox-esr');
    expect(findFirefox({ FIREFOX_PATH: firefox, PATH: join(dir, 'bin') })).toBe(firefox);
  });

  it('refuses a FIREFOX_PATH that is not executable instead of falling back to PATH', () => {
    fakeExecutable('bin/firefox-esr');
    expect(() => findFirefox({ FIREFOX_PATH: join(dir, 'missing'), PATH: join(dir, 'bin') })).toThrow(/FIREFOX_PATH is set to/);
  });

  it('prefers firefox-esr on PATH, then firefox', () => {
    const release = fakeExecutable('a/firefox');
    const esr = fakeExecutable('b/firefox-esr');
    expect(findFirefox({ PATH: [join(dir, 'a'), join(dir, 'b')].join(':') })).toBe(esr);
    expect(findFirefox({ PATH: join(dir, 'a') })).toBe(release);
  });

  it('skips files that are not executable', () => {
    fakeExecutable('bin/firefox-esr', 0o644);
    expect(() => findFirefox({ PATH: join(dir, 'bin') })).toThrow(FirefoxNotFoundError);
  });

  it('names the install command when nothing is found', () => {
    expect(() => findFirefox({ PATH: join(dir, 'empty') })).toThrow(/apt-get install -y firefox-esr/);
  });
});
