import { describe, expect, it } from 'vitest';
import { DemoArgsError, parseDemoArgs } from '../../../scripts/lib/demo-args';

describe('parseDemoArgs', () => {
  it('opens a window on the broken scenario when a display exists', () => {
    expect(parseDemoArgs([], { DISPLAY: ':0' })).toMatchObject({ scenario: 'broken', headless: false, outDir: 'demo-output' });
    expect(parseDemoArgs([], { WAYLAND_DISPLAY: 'wayland-0' }).headless).toBe(false);
  });

  it('walks the screens headless when there is no display', () => {
    expect(parseDemoArgs([], {}).headless).toBe(true);
  });

  it('takes --headless, --scenario (both spellings), --out and --rebuild', () => {
    expect(parseDemoArgs(['--headless', '--scenario', 'healthy', '--out=shots', '--rebuild'], { DISPLAY: ':0' })).toEqual({
      scenario: 'healthy',
      headless: true,
      outDir: 'shots',
      rebuild: true,
      help: false,
    });
    expect(parseDemoArgs(['--scenario=large'], {}).scenario).toBe('large');
  });

  it('rejects unknown scenarios, unknown options and missing values', () => {
    expect(() => parseDemoArgs(['--scenario', 'nope'], {})).toThrow(DemoArgsError);
    expect(() => parseDemoArgs(['--fast'], {})).toThrow(/Unknown option --fast/);
    expect(() => parseDemoArgs(['--scenario'], {})).toThrow(/needs a value/);
    expect(() => parseDemoArgs(['--out', '--headless'], {})).toThrow(/needs a value/);
  });
});
