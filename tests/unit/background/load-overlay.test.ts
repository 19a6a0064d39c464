// Action `loadOverlay` (the start script has drawn the counts): the background injects the overlay's bundle of the
// sender's own app into the sender's own tab and frame, as the browser reports them; nothing else may ask.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { OVERLAY_SCRIPTS } from '@/utils/apps';
import { createPairDataStore } from '@/utils/background/results';
import { createSecretStore } from '@/utils/background/secrets';
import { createBackgroundService } from '@/utils/background/service';
import { describeError } from '@/utils/net/user-error';
import { registerActionHandlers } from '@/utils/protocol/server';

const trigger = fakeBrowser.runtime.onMessage.trigger as unknown as (
  message: unknown,
  sender: Browser.runtime.MessageSender,
  sendResponse: (reply: unknown) => void,
) => Promise<unknown[]>;
const send = (message: unknown, sender: object) =>
  new Promise<{ ok: boolean; error?: { message: string } }>((resolve) => void trigger(message, sender as Browser.runtime.MessageSender, resolve as never));

let unregister: () => void;
let injectOverlay: ReturnType<typeof vi.fn<(target: { tabId: number; frameId: number; app: string }) => Promise<void>>>;
let run = 0;

beforeEach(() => {
  fakeBrowser.reset();
  injectOverlay = vi.fn(async () => undefined);
  run++;
  const service = createBackgroundService({
    secrets: createSecretStore(`load-overlay-secrets-${run}`),
    data: createPairDataStore(`load-overlay-data-${run}`),
    redirectUrl: 'https://example.chromiumapp.org/',
    launchWebAuthFlow: async () => undefined,
    injectOverlay,
  });
  unregister = registerActionHandlers(service.handlers, describeError);
});
afterEach(() => unregister());

describe('loadOverlay', () => {
  it('injects the sender app’s bundle into the sender’s tab and frame', async () => {
    const xeroTab = { id: fakeBrowser.runtime.id, url: 'https://go.xero.com/Dashboard', tab: { id: 7 }, frameId: 0 };
    expect(await send({ mgAction: 'loadOverlay' }, xeroTab)).toEqual({ ok: true, result: { ok: true } });
    expect(injectOverlay).toHaveBeenCalledWith({ tabId: 7, frameId: 0, app: 'xero' });
    expect(OVERLAY_SCRIPTS.xero).toBe('/content-scripts/xero.js');

    const cin7Frame = { id: fakeBrowser.runtime.id, url: 'https://inventory.dearsystems.com/Dashboard', tab: { id: 9 }, frameId: 4 };
    await send({ mgAction: 'loadOverlay' }, cin7Frame);
    expect(injectOverlay).toHaveBeenLastCalledWith({ tabId: 9, frameId: 4, app: 'cin7' });
  });

  it('is refused to extension pages, other sites and arguments that name a tab', async () => {
    const popup = { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/popup.html` };
    expect((await send({ mgAction: 'loadOverlay' }, popup)).ok).toBe(false);
    const otherSite = { id: fakeBrowser.runtime.id, url: 'https://evil.example/', tab: { id: 5 } };
    expect((await send({ mgAction: 'loadOverlay' }, otherSite)).ok).toBe(false);
    const cin7Tab = { id: fakeBrowser.runtime.id, url: 'https://inventory.dearsystems.com/Dashboard', tab: { id: 9 }, frameId: 0 };
    expect((await send({ mgAction: 'loadOverlay', args: { tabId: 1 } }, cin7Tab)).ok).toBe(false);
    expect(injectOverlay).not.toHaveBeenCalled();
  });
});
