// The extension's manifest as the browser sees it, from the one home of its sites: wxt.config.ts's host permissions
// and the content scripts' matches (each overlay matches its app's pattern from utils/apps.ts).
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import config from '../../../wxt.config';
import { APP_IDS, appMatchPattern } from '@/utils/apps';
import type { SiteManifest } from '@/utils/net/site-access';

export async function builtManifest(browser: 'chrome' | 'firefox' = 'chrome'): Promise<SiteManifest> {
  const manifest = config.manifest;
  const resolved = await (typeof manifest === 'function' ? manifest({ browser, manifestVersion: 3, mode: 'production', command: 'build' } as never) : manifest);
  return {
    host_permissions: resolved?.host_permissions as string[],
    permissions: resolved?.permissions as string[],
    content_scripts: APP_IDS.map((app) => ({ matches: [appMatchPattern(app)] })),
  };
}

/** Makes the fake browser withhold `withheld` (match patterns) and grant the rest; returns the contains spy. */
export async function withholdInFakeBrowser(withheld: () => readonly string[]) {
  const manifest = await builtManifest();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue(manifest as never);
  return vi
    .spyOn(fakeBrowser.permissions, 'contains')
    .mockImplementation(async (asked) => !(asked.origins ?? []).some((origin) => withheld().includes(origin)));
}
