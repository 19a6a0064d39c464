// The permissions the manifest asks for are a decision each (README, Security); a new one must be argued there.
import { describe, expect, it } from 'vitest';
import config from '../../../wxt.config';

describe('manifest permissions', () => {
  it('are exactly storage, unlimitedStorage (no eviction of the sealed secrets and snapshots), alarms, identity and scripting (the overlay injected after the counts)', async () => {
    const manifest = config.manifest;
    const resolved = await (typeof manifest === 'function' ? manifest({ browser: 'chrome', manifestVersion: 3, mode: 'production', command: 'build' } as never) : manifest);
    expect(resolved?.permissions).toEqual(['storage', 'unlimitedStorage', 'alarms', 'identity', 'scripting']);
  });
});
