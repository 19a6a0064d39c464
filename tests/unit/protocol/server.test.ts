import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import {
  classifySender,
  registerActionHandlers,
  type ActionHandlers,
  type ActionContext,
} from '@/utils/protocol/server';

const extensionUrl = (path: string) => fakeBrowser.runtime.getURL(path as '/');
const senders = {
  popup: () => ({ id: fakeBrowser.runtime.id, url: extensionUrl('/popup.html') }),
  optionsInTab: () => ({ id: fakeBrowser.runtime.id, url: extensionUrl('/options.html'), tab: { id: 9 } }),
  cin7Content: () => ({
    id: fakeBrowser.runtime.id,
    url: 'https://inventory.dearsystems.com/AccountMapping',
    origin: 'https://inventory.dearsystems.com',
    tab: { id: 3 },
    frameId: 0,
  }),
  xeroContent: () => ({ id: fakeBrowser.runtime.id, url: 'https://go.xero.com/Dashboard', tab: { id: 4 } }),
  otherSite: () => ({ id: fakeBrowser.runtime.id, url: 'https://evil.example/', tab: { id: 5 } }),
  otherExtension: () => ({ id: 'someone-else', url: 'https://inventory.dearsystems.com/', tab: { id: 6 } }),
  lyingOrigin: () => ({
    id: fakeBrowser.runtime.id,
    url: 'https://inventory.dearsystems.com/',
    origin: 'https://evil.example',
    tab: { id: 7 },
  }),
};

let calls: { name: string; args: unknown; context: ActionContext }[] = [];
const handler =
  (name: string, result: unknown) =>
  (args: unknown, context: ActionContext): never => {
    calls.push({ name, args, context });
    return result as never;
  };

const emptyStatus = { connection: { xero: 'not-connected', cin7: 'not-connected' }, findings: [], coverage: [] };
const handlers = {
  getStatus: handler('getStatus', { ...emptyStatus, accessToken: 'secret-that-must-not-leak' }),
  markReviewed: handler('markReviewed', { ok: true }),
  saveMapping: handler('saveMapping', { saved: true }),
  disconnectXero: handler('disconnectXero', { ok: true }),
  saveCin7Credentials: () => {
    throw new Error('boom');
  },
} as unknown as ActionHandlers;

let unregister: () => void = () => undefined;
beforeEach(() => {
  calls = [];
  unregister = registerActionHandlers(handlers, (error) => ({
    message: 'Described for the user',
    detail: String(error),
  }));
});
afterEach(() => unregister());

// fakeBrowser's trigger types follow the promise-style listener; ours answers through sendResponse (3rd argument).
const trigger = fakeBrowser.runtime.onMessage.trigger as unknown as (
  message: unknown,
  sender: Browser.runtime.MessageSender,
  sendResponse: (reply: unknown) => void,
) => Promise<unknown[]>;
const call = (message: unknown, sender: object) =>
  new Promise<unknown>((resolve) => {
    void trigger(message, sender as Browser.runtime.MessageSender, resolve);
  });

describe('classifySender', () => {
  it.each([
    ['popup', senders.popup(), { caller: 'extension' }],
    ['options page in a tab', senders.optionsInTab(), { caller: 'extension' }],
    ['Cin7 content script', senders.cin7Content(), { caller: 'content', app: 'cin7', tabId: 3, tabUrl: 'https://inventory.dearsystems.com/AccountMapping', frameId: 0 }],
    ['Xero content script (no sender.origin, older Firefox)', senders.xeroContent(), { caller: 'content', app: 'xero', tabId: 4 }],
    ['a content script on another site', senders.otherSite(), null],
    ['another extension', senders.otherExtension(), null],
    ['url and origin disagree', senders.lyingOrigin(), null],
    ['empty sender (what a page would look like)', {}, null],
  ])('%s', (_label, sender, expected) => {
    expect(classifySender(sender as Browser.runtime.MessageSender)).toEqual(expected);
  });
});

describe('registerActionHandlers', () => {
  it('answers only once start-up work is ready (nothing runs against data still being migrated)', async () => {
    unregister();
    let finish: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (finish = resolve));
    unregister = registerActionHandlers(handlers, (error) => ({ message: String(error) }), { ready });
    const reply = call({ mgAction: 'getStatus', args: { host: 'cin7' } }, senders.cin7Content());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toEqual([]);
    finish();
    expect(await reply).toMatchObject({ ok: true });
    expect(calls).toHaveLength(1);
  });

  it('answers a content script and strips fields the result schema does not declare', async () => {
    const reply = await call({ mgAction: 'getStatus', args: { host: 'cin7' } }, senders.cin7Content());
    expect(reply).toEqual({ ok: true, result: emptyStatus });
    expect(JSON.stringify(reply)).not.toContain('secret');
    // The tab's URL comes from the sender (here the top frame's URL), never from the message.
    expect(calls[0]?.context).toEqual({ caller: 'content', app: 'cin7', tabId: 3, tabUrl: 'https://inventory.dearsystems.com/AccountMapping', frameId: 0 });
  });

  describe('bounded, strict arguments (a hostile page gets nothing stored)', () => {
    const rows = (count: number, label = 'Cost of Goods Sold') => Array.from({ length: count }, () => ({ label, account: '500' }));
    const save = (args: unknown, sender: object = senders.cin7Content()) => call({ mgAction: 'saveMapping', args }, sender);

    it('takes a mapping from a Cin7 Core tab, and refuses it from a Xero tab', async () => {
      expect(await save({ rows: rows(3), readAt: '2026-11-21T10:00:00Z' })).toMatchObject({ ok: true });
      expect(await save({ rows: rows(3), readAt: '2026-11-21T10:00:00Z' }, senders.xeroContent())).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(calls).toHaveLength(1);
    });

    it.each([
      ['an unknown key', { rows: rows(1), readAt: '2026-11-21T10:00:00Z', extra: 'x' }],
      ['an unknown key in a row', { rows: [{ label: 'Sales', account: '200', note: 'x' }], readAt: '2026-11-21T10:00:00Z' }],
      ['a 30 kB label', { rows: rows(1, 'x'.repeat(30_000)), readAt: '2026-11-21T10:00:00Z' }],
      ['more rows than any mapping page has', { rows: rows(201), readAt: '2026-11-21T10:00:00Z' }],
      ['an empty label', { rows: rows(1, '   '), readAt: '2026-11-21T10:00:00Z' }],
    ])('refuses %s and runs nothing', async (_what, args) => {
      expect(await save(args)).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
      expect(calls).toEqual([]);
    });

    it('refuses unknown keys on any action, e.g. a status request naming an organisation', async () => {
      expect(await call({ mgAction: 'getStatus', args: { host: 'cin7', cin7Company: 'Org B' } }, senders.cin7Content())).toMatchObject({
        ok: false,
        error: { code: 'invalid-args' },
      });
      expect(calls).toEqual([]);
    });
  });

  it('refuses connection management from a content script, and runs nothing', async () => {
    const reply = await call({ mgAction: 'disconnectXero' }, senders.cin7Content());
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
  });

  it('allows connection management from the options page', async () => {
    const reply = await call({ mgAction: 'disconnectXero' }, senders.optionsInTab());
    expect(reply).toEqual({ ok: true, result: { ok: true } });
  });

  it('refuses an unknown sender and an unknown action', async () => {
    expect(await call({ mgAction: 'getStatus' }, senders.otherSite())).toMatchObject({ error: { code: 'forbidden' } });
    expect(await call({ mgAction: 'fetchUrl', args: { url: 'https://x' } }, senders.popup())).toMatchObject({
      error: { code: 'unknown-action' },
    });
    expect(await call({ mgAction: 'toString' }, senders.popup())).toMatchObject({ error: { code: 'unknown-action' } });
    expect(calls).toEqual([]);
  });

  it('validates arguments before the handler runs', async () => {
    const reply = await call({ mgAction: 'markReviewed', args: { findingKey: '', reviewed: 'yes' } }, senders.cin7Content());
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(calls).toEqual([]);
  });

  it('turns a handler failure into the described user error', async () => {
    const reply = await call(
      { mgAction: 'saveCin7Credentials', args: { accountId: 'a', applicationKey: 'k' } },
      senders.popup(),
    );
    expect(reply).toEqual({ ok: false, error: { message: 'Described for the user', detail: 'Error: boom' } });
  });

  it('ignores messages that are not actions, so other listeners can answer them', () => {
    const listenerReturn = trigger({ mgEvent: 'statusChanged' }, senders.popup() as never, () => undefined);
    return expect(listenerReturn).resolves.toEqual([undefined]);
  });
});
