// When the start script loads the overlay's bundle (utils/overlay/wake.ts, start-script.ts): at once on a page a
// feature claims (URL, text, an arrival target) or while the panel is kept open; elsewhere the tab stands in for the
// panel until the user asks for it, the pair's status changes, the page shows another organisation, the panel is
// opened in another tab, or the single-page app reaches a claimed URL or text.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { drawStartFrame, START_FRAME_ELEMENT } from '../../../components/panel/start-frame';
import { takeEarlyStart } from '../../../utils/overlay/early-status';
import { PANEL_COLLAPSED_KEY } from '../../../utils/overlay/panel-preference';
import { runStartScript } from '../../../utils/overlay/start-script';
import { claimsText, claimsUrl, type OverlayWake } from '../../../utils/overlay/wake';
import type { TabIdentity } from '../../../utils/protocol/shapes';
import { status } from './status-fixtures';

const EXTENSION_ID = 'mapping-guard-test';
type MessageListener = (message: unknown, sender: { id?: string }) => void;
type StorageListener = (changes: Record<string, { newValue?: unknown }>, area: string) => void;

let sent: string[];
let messageListeners: Set<MessageListener>;
let storageListeners: Set<StorageListener>;
let stored: Record<string, unknown>;
let ctxAbort: AbortController;
/** The first answer arrives when this resolves; `loadOverlay` answers these first (then OK). */
let replyDelay: Promise<void>;
let loadReplies: unknown[];

const WAKE: OverlayWake = {
  routes: [(url) => url.pathname.toLowerCase() === '/sale'],
  // Two role names, as the mapping page's check wants; one of them is a hint to read the whole page.
  texts: { 'account-mapping': (text) => text.includes('inventory control') && text.includes('cost of goods sold') },
  hints: (text) => text.includes('inventory control') || text.includes('cost of goods sold'),
};

const fakeCtx = () => ({
  signal: ctxAbort.signal,
  addEventListener: (target: Window, type: string, handler: () => void) => target.addEventListener(type, handler, { signal: ctxAbort.signal }),
});

beforeEach(() => {
  sent = [];
  messageListeners = new Set();
  storageListeners = new Set();
  stored = {};
  ctxAbort = new AbortController();
  replyDelay = Promise.resolve();
  loadReplies = [];
  vi.stubGlobal('browser', undefined);
  vi.stubGlobal('chrome', {
    runtime: {
      id: EXTENSION_ID,
      sendMessage: (message: { mgAction: string }) => {
        sent.push(message.mgAction);
        if (message.mgAction === 'identifyTabWithStatus') return replyDelay.then(() => ({ ok: true, result: status() }));
        return Promise.resolve(loadReplies.shift() ?? { ok: true, result: { ok: true } });
      },
      onMessage: { addListener: (listener: MessageListener) => messageListeners.add(listener), removeListener: (listener: MessageListener) => messageListeners.delete(listener) },
    },
    storage: {
      local: { get: (key: string) => Promise.resolve(key in stored ? { [key]: stored[key] } : {}) },
      onChanged: { addListener: (listener: StorageListener) => storageListeners.add(listener), removeListener: (listener: StorageListener) => storageListeners.delete(listener) },
    },
  });
  history.replaceState(null, '', '/ProductList');
  document.body.replaceChildren();
});
afterEach(() => {
  ctxAbort.abort();
  vi.unstubAllGlobals();
  takeEarlyStart();
  document.body.replaceChildren();
});

const loads = () => sent.filter((action) => action === 'loadOverlay').length;
const until = async (check: () => boolean, ms = 1500) => {
  for (const end = Date.now() + ms; !check() && Date.now() < end; ) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
};
/** Starts the script and waits until the counts are drawn and the decision is made (idle: the button works). */
async function start(identity: () => TabIdentity = () => ({ cin7Texts: ['Acme Ltd'] })) {
  runStartScript('cin7', identity, drawStartFrame, { wake: WAKE, ctx: fakeCtx() });
  await until(() => document.querySelector(START_FRAME_ELEMENT) !== null);
  await new Promise((resolve) => setTimeout(resolve, 300)); // past the paint wait and the decision
}
const fromBackground = (message: unknown, id = EXTENSION_ID) => {
  for (const listener of [...messageListeners]) listener(message, { id });
};

describe('the overlay is loaded at once', () => {
  it('on a URL a feature claims, or one carrying a fix link’s arrival target', async () => {
    history.replaceState(null, '', '/Sale#42');
    await start();
    expect(loads()).toBe(1);
    expect(takeEarlyStart()?.late).toBeUndefined(); // the first answer is still current: the overlay adopts it

    expect(claimsUrl(WAKE, new URL('https://inventory.dearsystems.com/ProductList#mg-target=account:400'))).toBe(true);
    expect(claimsUrl(WAKE, new URL('https://inventory.dearsystems.com/ProductList'))).toBe(false);
  });

  it('on a page whose text a feature recognises', async () => {
    document.body.append(Object.assign(document.createElement('div'), { textContent: 'Inventory Control · Cost of Goods Sold' }));
    await start();
    expect(loads()).toBe(1);
    expect(claimsText(WAKE, 'sales revenue')).toBe(false);
  });

  it('while the user keeps the panel open', async () => {
    stored[PANEL_COLLAPSED_KEY] = false;
    await start();
    expect(loads()).toBe(1);
  });

  it.each(['/Sale#42', '/ProductList'])('on %s when the status changed before the decision: the first answer is then old', async (path) => {
    history.replaceState(null, '', path);
    runStartScript('cin7', () => ({}), drawStartFrame, { wake: WAKE, ctx: fakeCtx() });
    fromBackground({ mgEvent: 'statusChanged', pairId: 'pair-1' });
    await until(() => loads() === 1);
    expect(takeEarlyStart()?.late).toBe(true);
  });

  it('when the shortcut comes before the first answer: only once the counts are drawn, so the panel adopts them', async () => {
    let answer = () => {};
    replyDelay = new Promise((resolve) => (answer = resolve));
    runStartScript('cin7', () => ({}), drawStartFrame, { wake: WAKE, ctx: fakeCtx() });
    fromBackground({ mgEvent: 'togglePanel' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(loads()).toBe(0);
    answer();
    await until(() => loads() === 1);
    const early = takeEarlyStart();
    expect(early?.frame).toBeDefined();
    expect(early?.openPanel).toBe(true);
    expect(early?.late).toBeUndefined(); // the answer is the current one
  });
  it('what comes while the bundle starts is handed to it: the shortcut opens the panel, a status change makes the answer old', async () => {
    history.replaceState(null, '', '/Sale#42');
    await start();
    expect(loads()).toBe(1);
    fromBackground({ mgEvent: 'togglePanel' });
    fromBackground({ mgEvent: 'statusChanged', pairId: 'pair-1' });
    expect(loads()).toBe(1);
    expect(takeEarlyStart()).toMatchObject({ openPanel: true, late: true });
  });
});

describe('on a page no feature claims', () => {
  it('the tab stands in: no bundle, and messages from other senders change nothing', async () => {
    await start();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(loads()).toBe(0);
    expect(document.querySelectorAll(START_FRAME_ELEMENT)).toHaveLength(1);
    // Messages from elsewhere are not ours.
    fromBackground({ mgEvent: 'togglePanel' }, 'another-extension');
    expect(loads()).toBe(0);
  });

  it.each([
    ['the panel shortcut', () => fromBackground({ mgEvent: 'togglePanel' }), { openPanel: true }],
    ['a status change', () => fromBackground({ mgEvent: 'statusChanged', pairId: 'pair-1' }), { openPanel: undefined }],
    ['the panel opened in another tab', () => storageListeners.forEach((listener) => listener({ [PANEL_COLLAPSED_KEY]: { newValue: false } }, 'local')), { openPanel: undefined }],
  ])('%s loads it, and the overlay asks for the status again', async (_label, trigger, expected) => {
    await start();
    expect(loads()).toBe(0);
    trigger();
    expect(loads()).toBe(1);
    const early = takeEarlyStart();
    expect(early?.late).toBe(true);
    expect(early?.openPanel).toBe(expected.openPanel);
    trigger(); // once only
    expect(loads()).toBe(1);
  });

  it('text a feature recognises, added later, loads it', async () => {
    await start();
    document.body.append(Object.assign(document.createElement('section'), { textContent: 'Cost of Goods Sold, Inventory Control' }));
    await until(() => loads() === 1);
  });

  it('text arriving in batches: one sign in what was added has the whole page read', async () => {
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'Cost of Goods Sold' }));
    await start();
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'Sales Revenue' }));
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(loads()).toBe(0); // no sign in it
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'Inventory Control' }));
    await until(() => loads() === 1);
  });

  it('text edited in place counts as added', async () => {
    const cell = Object.assign(document.createElement('p'), { textContent: 'Loading…' });
    document.body.append(cell);
    await start();
    cell.firstChild!.nodeValue = 'Inventory Control, Cost of Goods Sold';
    await until(() => loads() === 1);
  });

  it('a failed injection leaves the tab standing in: the next call for the bundle asks again', async () => {
    loadReplies = [{ ok: false, error: { message: 'Cannot access contents of the page' } }];
    await start();
    fromBackground({ mgEvent: 'togglePanel' });
    await until(() => loads() === 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.querySelectorAll(START_FRAME_ELEMENT)).toHaveLength(1);
    fromBackground({ mgEvent: 'togglePanel' });
    expect(loads()).toBe(2);
  });

  it('a navigation to a claimed URL loads it', async () => {
    await start();
    history.pushState(null, '', '/Sale#7');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(loads()).toBe(1);
  });

  it('a page that shows another organisation once its header renders loads it (the overlay re-identifies the tab)', async () => {
    let shown = 'Acme Ltd';
    await start(() => ({ cin7Texts: [shown] }));
    shown = 'Harbour Goods Ltd';
    await until(() => loads() === 1, 2500);
  });

  it('once the content script is replaced (extension updated), nothing is loaded and the tab goes', async () => {
    await start();
    ctxAbort.abort();
    fromBackground({ mgEvent: 'togglePanel' });
    expect(loads()).toBe(0);
    expect(document.querySelectorAll(START_FRAME_ELEMENT)).toHaveLength(0);
  });
});
