// The one start-up both overlays share: the tab says which organisation it shows before any other action (and again
// when that changes: the newer Xero app switches organisation without a page load), the app's own environment reaches
// every feature, navigation is followed, and a feature's failure goes to the panel and the console, never the page.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendEarlyStatus, type EarlyStart } from '../../../utils/overlay/early-status';
import { defineFeature } from '../../../utils/overlay/feature-registry';
import type { TabIdentity } from '../../../utils/protocol/shapes';
import { startOverlay, type FullEnv } from '../../../utils/overlay/start-overlay';
import { status } from './status-fixtures';

let stop: AbortController | undefined;
afterEach(() => {
  stop?.abort();
  history.replaceState(null, '', '/');
});

/** The two things the start-up uses of WXT's context: its signal and its event listeners. */
function fakeContext(): ContentScriptContext {
  stop = new AbortController();
  const signal = stop.signal;
  const ctx = {
    signal,
    addEventListener: (target: Window, type: string, handler: () => void) => target.addEventListener(type, handler, { signal }),
    setTimeout: (handler: () => void, ms: number) => {
      const timer = setTimeout(handler, ms);
      signal.addEventListener('abort', () => clearTimeout(timer));
      return timer;
    },
  };
  return ctx as unknown as ContentScriptContext;
}

function answerGetStatus(): unknown[] {
  const sent: unknown[] = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    sent.push(message);
    const action = (message as { mgAction?: string }).mgAction;
    return Promise.resolve({ ok: true, result: action === 'identifyTab' ? {} : status() });
  });
  return sent;
}

function recorder<Extra extends object>() {
  const started: FullEnv<Extra>[] = [];
  const feature = defineFeature<FullEnv<Extra>>({ id: 'recorder', include: [() => true], init: (_signal, env) => void started.push(env) });
  return { started, feature };
}

describe('startOverlay', () => {
  it('identifies the tab before its first status request, and again (then reloads) when the organisation changes', async () => {
    const sent = answerGetStatus();
    let identity: TabIdentity = { xeroShortCode: '!Fx1tu', xeroOrgName: 'Fixture Ltd' };
    const { started, feature } = recorder();
    startOverlay({ app: 'xero', ctx: fakeContext(), features: [feature], identify: () => identity });
    await started[0]!.status.load();
    expect(sent).toEqual([
      { mgAction: 'identifyTab', args: { xeroShortCode: '!Fx1tu', xeroOrgName: 'Fixture Ltd' } },
      { mgAction: 'getStatus' },
    ]);
    // Same organisation on the next page: nothing sent again.
    history.pushState(null, '', '/app/!Fx1tu/homepage');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sent).toHaveLength(2);
    identity = { xeroOrgName: 'Other Org' };
    history.pushState(null, '', '/app/!Other/homepage');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await vi.waitFor(() => expect(sent.slice(2)).toEqual([{ mgAction: 'identifyTab', args: { xeroOrgName: 'Other Org' } }, { mgAction: 'getStatus' }]));
  });

  it('a Cin7 Core tab sends no pair and no identity with its status request, and marks its start for the bench', async () => {
    const sent = answerGetStatus();
    const { started, feature } = recorder();
    startOverlay({ app: 'cin7', ctx: fakeContext(), features: [feature], identify: () => ({ cin7Texts: ['Acme Ltd'] }) });
    await started[0]!.status.load();
    expect(sent).toEqual([{ mgAction: 'identifyTab', args: { cin7Texts: ['Acme Ltd'] } }, { mgAction: 'getStatus' }]);
    expect(performance.getEntriesByName('mapping-guard:cin7:start').length).toBeGreaterThan(0);
  });

  it('with the early message on its way, sends nothing more at start: its zod-checked answer is the first status', async () => {
    const sent = answerGetStatus();
    const early: EarlyStart = { identity: { cin7Texts: ['Acme Ltd'] }, reply: Promise.resolve({ ok: true, result: { ...status(), secret: 'x' } }) };
    const { started, feature } = recorder();
    startOverlay({ app: 'cin7', ctx: fakeContext(), features: [feature], identify: () => ({ cin7Texts: ['Acme Ltd'] }), early });
    await started[0]!.status.load();
    expect(sent).toEqual([]);
    // Checked with the action's result schema: unknown keys are dropped.
    expect(started[0]!.status.getState().status).toEqual(status());
    // Later loads ask the background as usual.
    await started[0]!.status.load();
    expect(sent).toEqual([{ mgAction: 'getStatus' }]);
  });

  it('hands the start script’s frame to the panel once (the React panel removes it when it first shows)', () => {
    answerGetStatus();
    const frame = { remove: vi.fn() };
    const early: EarlyStart = { identity: {}, reply: Promise.resolve({ ok: true, result: status() }), frame };
    const { started, feature } = recorder();
    startOverlay({ app: 'cin7', ctx: fakeContext(), features: [feature], identify: () => ({}), early });
    const adopted = started[0]!.takeStartFrame();
    expect(adopted?.userState()).toEqual({ openPanel: false, focused: false });
    adopted?.remove();
    expect(frame.remove).toHaveBeenCalledTimes(1);
    expect(started[0]!.takeStartFrame()).toBeUndefined();
  });

  it('the panel opens when the user asked for it on the start script’s tab, even after the panel adopted the tab', () => {
    answerGetStatus();
    let focused = false;
    const early: EarlyStart = { identity: {}, reply: Promise.resolve({ ok: true, result: status() }), frame: { remove: vi.fn(), hasFocus: () => focused } };
    const { started, feature } = recorder();
    startOverlay({ app: 'cin7', ctx: fakeContext(), features: [feature], identify: () => ({}), early });
    const adopted = started[0]!.takeStartFrame();
    // A click while the bundle was starting, before the React panel first rendered (when it reads this).
    early.openPanel = true;
    focused = true;
    expect(adopted?.userState()).toEqual({ openPanel: true, focused: true });
  });

  it('loaded late (the page was idle), the first answer is not reused: the status is asked for again', async () => {
    const sent = answerGetStatus();
    const early: EarlyStart = { identity: { cin7Texts: ['Acme Ltd'] }, reply: Promise.resolve({ ok: true, result: status({ findings: [] }) }), late: true };
    const { started, feature } = recorder();
    startOverlay({ app: 'cin7', ctx: fakeContext(), features: [feature], identify: () => ({ cin7Texts: ['Acme Ltd'] }), early });
    await started[0]!.status.load();
    expect(sent).toEqual([{ mgAction: 'getStatus' }]);
  });

  it('an early answer that fails its schema is not shown: a plain status request replaces it', async () => {
    const sent = answerGetStatus();
    const early: EarlyStart = { identity: { cin7Texts: ['Acme Ltd'] }, reply: Promise.resolve({ ok: true, result: { summary: 'not a summary' } }) };
    const { started, feature } = recorder();
    startOverlay({ app: 'cin7', ctx: fakeContext(), features: [feature], identify: () => ({ cin7Texts: ['Acme Ltd'] }), early });
    await started[0]!.status.load();
    expect(sent).toEqual([{ mgAction: 'getStatus' }]);
    expect(started[0]!.status.getState()).toMatchObject({ status: status(), error: null });
  });

  it('the early message carries what the page shows (or nothing when it cannot be read), and never throws', async () => {
    const sendMessage = vi.fn((_message: unknown) => Promise.resolve({ ok: true }));
    vi.stubGlobal('browser', { runtime: { id: 'mapping-guard-test', sendMessage } });
    try {
      expect(sendEarlyStatus(() => ({ xeroShortCode: '!Fx1tu' }))?.identity).toEqual({ xeroShortCode: '!Fx1tu' });
      sendEarlyStatus(() => {
        throw new Error('unreadable');
      });
      expect(sendMessage.mock.calls.map(([message]) => message)).toEqual([
        { mgAction: 'identifyTabWithStatus', args: { xeroShortCode: '!Fx1tu' } },
        { mgAction: 'identifyTabWithStatus', args: {} },
      ]);
      sendMessage.mockImplementation(() => Promise.reject(new Error('no receiver')));
      await expect(sendEarlyStatus(() => ({}))!.reply).rejects.toThrow('no receiver');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('hands each feature the app’s own environment and follows navigation after onNavigate', async () => {
    const seen: string[] = [];
    const { started, feature } = recorder<{ page: string }>();
    startOverlay<{ page: string }>({
      app: 'xero',
      ctx: fakeContext(),
      features: [feature],
      onNavigate: (url) => seen.push(url.pathname),
      appEnv: () => () => ({ page: seen.at(-1) ?? 'none' }),
    });
    expect(started.map((env) => [env.url.pathname, env.page])).toEqual([['/', '/']]);
    history.pushState(null, '', '/Bank/BankAccounts.aspx');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(seen).toEqual(['/', '/Bank/BankAccounts.aspx']);
    expect(started.map((env) => env.page)).toEqual(['/', '/Bank/BankAccounts.aspx']);
  });

  it('reports a failing feature in the panel and the console; nothing reaches the page', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const { started, feature } = recorder();
      const failing = defineFeature<FullEnv<object>>({ id: 'failing', include: [() => true], init: () => { throw new Error('boom'); } });
      expect(() => startOverlay({ app: 'cin7', ctx: fakeContext(), features: [feature, failing] })).not.toThrow();
      expect(started[0]!.panel.getState().problems).toEqual([{ featureId: 'failing', message: 'boom' }]);
      expect(warn).toHaveBeenCalledWith('Mapping Guard: feature "failing" failed.', new Error('boom'));
    } finally {
      warn.mockRestore();
    }
  });

  it('a failure to start stays in the console', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const options = {
        app: 'xero' as const,
        ctx: fakeContext(),
        features: [],
        onNavigate: () => {
          throw new Error('no organisation');
        },
      };
      expect(() => startOverlay(options)).not.toThrow();
      expect(warn).toHaveBeenCalledWith('Mapping Guard could not start on this page.', new Error('no organisation'));
    } finally {
      warn.mockRestore();
    }
  });
});
