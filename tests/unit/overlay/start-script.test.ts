// The start script (utils/overlay/start-script.ts): the tab's first message leaves at once; the counts are drawn from
// its answer (read by panel-counts.ts, the same words as the React panel); then, and only then, the overlay's bundle
// is asked for. A refusal or a reply that is not a status draws nothing and still asks for the bundle, which then
// explains. The bundle adopts the message and the frame once (takeEarlyStart).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { countsText } from '../../../components/panel/counts';
import { drawStartFrame, START_FRAME_ELEMENT } from '../../../components/panel/start-frame';
import { takeEarlyStart } from '../../../utils/overlay/early-status';
import { runStartScript } from '../../../utils/overlay/start-script';
import { readPanelCounts, readPanelCountsOf } from '../../../utils/protocol/panel-counts';
import { finding, status } from './status-fixtures';

let sent: unknown[];
let answer: (message: { mgAction: string }) => Promise<unknown>;

beforeEach(() => {
  sent = [];
  const chromeLike = {
    runtime: {
      sendMessage: (message: { mgAction: string }) => {
        sent.push(message);
        return answer(message);
      },
    },
  };
  vi.stubGlobal('browser', undefined);
  vi.stubGlobal('chrome', chromeLike);
});
afterEach(() => {
  vi.unstubAllGlobals();
  takeEarlyStart();
  document.body.replaceChildren();
});

const actionsSent = () => sent.map((message) => (message as { mgAction: string }).mgAction);
const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
};

describe('start script', () => {
  it('sends the first message, draws the counts from its answer, then asks for the overlay; the overlay takes both once', async () => {
    const shown = status({ findings: [finding({ severity: 'error' }), finding({ severity: 'warning', key: 'w' })] });
    answer = async (message) => (message.mgAction === 'identifyTabWithStatus' ? { ok: true, result: shown } : { ok: true, result: { ok: true } });
    const draw = vi.fn(drawStartFrame);
    runStartScript('cin7', () => ({ cin7Texts: ['Acme Ltd'] }), draw);
    expect(sent).toEqual([{ mgAction: 'identifyTabWithStatus', args: { cin7Texts: ['Acme Ltd'] } }]);

    await until(() => actionsSent().includes('loadOverlay'));
    expect(actionsSent()).toEqual(['identifyTabWithStatus', 'loadOverlay']);
    expect(draw).toHaveBeenCalledTimes(1);
    expect(document.querySelectorAll(START_FRAME_ELEMENT)).toHaveLength(1);

    const early = takeEarlyStart();
    expect(early?.identity).toEqual({ cin7Texts: ['Acme Ltd'] });
    expect(await early?.reply).toEqual({ ok: true, result: shown });
    expect(takeEarlyStart()).toBeUndefined();
    early?.frame?.remove();
    expect(document.querySelectorAll(START_FRAME_ELEMENT)).toHaveLength(0);
  });

  it('a refusal or a reply that is not a status draws nothing, and the overlay is still asked for', async () => {
    for (const reply of [{ ok: false, error: { message: 'Message refused' } }, { ok: true, result: { connection: 'yes' } }, 'junk']) {
      sent = [];
      answer = async (message) => (message.mgAction === 'identifyTabWithStatus' ? reply : { ok: true, result: { ok: true } });
      const draw = vi.fn(drawStartFrame);
      runStartScript('xero', () => ({ xeroShortCode: '!abc' }), draw);
      await until(() => actionsSent().includes('loadOverlay'));
      expect(draw).not.toHaveBeenCalled();
      expect(takeEarlyStart()?.frame).toBeUndefined();
    }
  });

  it('a background that cannot be reached, or a page that cannot be read, never reaches the page as an exception', async () => {
    answer = () => Promise.reject(new Error('Could not establish connection'));
    expect(() =>
      runStartScript(
        'cin7',
        () => {
          throw new Error('unreadable header');
        },
        drawStartFrame,
      ),
    ).not.toThrow();
    await until(() => actionsSent().includes('loadOverlay'));
    expect(sent[0]).toEqual({ mgAction: 'identifyTabWithStatus', args: {} });
  });
});

describe('the counts the start script reads (panel-counts.ts)', () => {
  it('reads the same words as the panel from a whole status, ignoring fields it does not read', () => {
    const full = status({ findings: [finding({ severity: 'error' }), finding({ severity: 'error', reviewed: true, key: 'r' })] });
    const counts = readPanelCountsOf(full);
    expect(counts).toBeDefined();
    expect(countsText(counts!)).toBe(countsText(full));
    expect(countsText(counts!)).toBe('1 error');
    expect(readPanelCountsOf({ ...full, tab: { state: 'other-organisation', app: 'cin7', shown: 'Other Co', connected: [] } })?.tab).toEqual({
      state: 'other-organisation',
      shown: 'Other Co',
    });
  });

  it.each([
    ['no connection', { ...status(), connection: undefined }],
    ['an unknown connection state', { ...status(), connection: { cin7: 'maybe', xero: 'connected' } }],
    ['a finding of an unknown severity', status({ findings: [finding({ severity: 'fatal' as never })] })],
    ['a finding without its reviewed mark', { ...status(), findings: [{ severity: 'error' }] }],
    ['findings that are not a list', { ...status(), findings: 'many' }],
    ['a summary that is not one', { ...status(), summary: 'ok' }],
    ['an unknown tab state', { ...status(), tab: { state: 'borrowed' } }],
    ['a tab name over 300 characters', { ...status(), tab: { state: 'other-organisation', shown: 'x'.repeat(301) } }],
    ['more findings than any account has', { ...status(), findings: Array.from({ length: 100_001 }, () => ({ severity: 'info', reviewed: false })) }],
  ])('is no status with %s', (_label, value) => {
    expect(readPanelCountsOf(value)).toBeUndefined();
    expect(readPanelCounts({ ok: true, result: value })).toBeUndefined();
  });
});
