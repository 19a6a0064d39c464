// The feature environment both overlays share: `watch` re-runs an update on page and status changes, guarded and
// until the feature stops; `listen` and `guard` keep later work's failures in the panel; `openOptions` through
// the background client still tells the panel whether it worked.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderBadge } from '../../../utils/overlay/badges';
import { requestOptionsPage } from '../../../utils/overlay/open-options';
import { fakeOpenOptions, overlayTestEnv } from './overlay-env-fixtures';
import { status } from './status-fixtures';

const url = 'https://go.xero.com/Bank/BankAccounts.aspx';
let stop: AbortController | undefined;
afterEach(() => stop?.abort());

function setup() {
  const made = overlayTestEnv(url, status({ pairId: 'pair-1' }), { openOptions: fakeOpenOptions() });
  stop = made.controller;
  return made;
}

/** Lets the throttled observer (setTimeout + requestAnimationFrame) run. */
const settle = (ms = 350) => new Promise<void>((resolve) => setTimeout(() => requestAnimationFrame(() => resolve()), ms));

describe('env.watch', () => {
  it('runs now, after a page change and on a new status; stops and removes its badges with the feature', async () => {
    const { env, controller, client, statusStore } = setup();
    const host = document.body.appendChild(document.createElement('div'));
    const update = vi.fn(() => void renderBadge(host, { tone: 'ok', text: 'ours', tooltip: 'why' }, 'watched'));
    env.watch(update, { badgeKey: 'watched', waitMs: 0 });
    expect(update).toHaveBeenCalledTimes(1);

    document.body.append(document.createElement('p'));
    await vi.waitFor(() => expect(update).toHaveBeenCalledTimes(2));

    client.set(status({ pairId: 'pair-1', fetchedAt: '2026-11-21T11:00:00.000Z' }));
    await statusStore.load();
    expect(update).toHaveBeenCalledTimes(3);

    controller.abort();
    expect(document.querySelector('[data-mg-badge="watched"]')).toBeNull();
    document.body.append(document.createElement('p'));
    await settle();
    expect(update).toHaveBeenCalledTimes(3);
  });

  it('can leave the status to the feature', async () => {
    const { env, client, statusStore } = setup();
    const update = vi.fn();
    env.watch(update, { followStatus: false });
    client.set(status({ pairId: 'pair-1', fetchedAt: '2026-11-21T11:00:00.000Z' }));
    await statusStore.load();
    expect(update).toHaveBeenCalledTimes(1);
  });

  it('reports a failing update in the panel; the host page sees no error', async () => {
    const { env, panel } = setup();
    const pageErrors: unknown[] = [];
    const onError = (event: ErrorEvent) => pageErrors.push(event.error);
    window.addEventListener('error', onError);
    let calls = 0;
    env.watch(() => {
      calls += 1;
      if (calls > 1) throw new Error('reader broke');
    }, { waitMs: 0 });
    document.body.append(document.createElement('p'));
    await vi.waitFor(() => expect(panel.getState().problems).toEqual([{ featureId: 'test', message: 'reader broke' }]));
    window.removeEventListener('error', onError);
    expect(pageErrors).toEqual([]);
  });
});

describe('env.listen and env.guard', () => {
  it('listen guards the listener and unsubscribes when the feature stops', async () => {
    const { env, controller, panel, client, statusStore } = setup();
    const seen: (string | undefined)[] = [];
    env.listen(env.status.subscribe, (state) => {
      seen.push(state.status?.fetchedAt);
      if (state.status?.fetchedAt === 'boom') throw new Error('listener broke');
    });
    client.set(status({ fetchedAt: 'boom' }));
    await statusStore.load();
    expect(panel.getState().problems).toEqual([{ featureId: 'test', message: 'listener broke' }]);
    const count = seen.length;
    controller.abort();
    client.set(status({ fetchedAt: 'later' }));
    await statusStore.load();
    expect(seen).toHaveLength(count);
  });

  it('listen does nothing once the feature has stopped', () => {
    const { env, controller } = setup();
    controller.abort();
    const subscribe = vi.fn(() => () => {});
    env.listen(subscribe, () => {});
    expect(subscribe).not.toHaveBeenCalled();
  });

  it('guard passes arguments and reports instead of throwing', () => {
    const { env, panel } = setup();
    const handler = env.guard((event: Event) => {
      throw new Error(`no ${event.type}`);
    });
    expect(() => handler(new Event('click'))).not.toThrow();
    expect(panel.getState().problems).toEqual([{ featureId: 'test', message: 'no click' }]);
  });
});

describe('requestOptionsPage', () => {
  it('says whether the background opened the options page', async () => {
    expect(await requestOptionsPage({ openOptions: vi.fn(async () => ({ ok: true as const })) })).toBe(true);
    expect(await requestOptionsPage({ openOptions: fakeOpenOptions() })).toBe(false);
  });
});
