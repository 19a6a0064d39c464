import { describe, expect, it, vi } from 'vitest';
import { FeatureRunner, defineFeature, type FeatureDefinition } from '../../../utils/overlay/feature-registry';

const onPath = (path: string) => (url: URL) => url.pathname === path;
const url = (path: string) => new URL(`https://inventory.dearsystems.com${path}`);

function recorder() {
  const events: string[] = [];
  const feature = (id: string, include: ((url: URL) => boolean)[], restartOn?: 'url' | 'path' | 'never'): FeatureDefinition<{ url: URL }> => ({
    id,
    include,
    restartOn,
    init(signal, env) {
      events.push(`start ${id} ${env.url.pathname}${env.url.hash}`);
      signal.addEventListener('abort', () => events.push(`stop ${id}`));
    },
  });
  return { events, feature };
}

describe('defineFeature', () => {
  it('refuses a feature that would run nowhere', () => {
    expect(() => defineFeature({ id: 'x', include: [], init() {} })).toThrow(/include is empty/);
  });
});

describe('FeatureRunner', () => {
  it('starts matching features, stops them when their route no longer matches', () => {
    const { events, feature } = recorder();
    const runner = new FeatureRunner([feature('a', [onPath('/A')]), feature('b', [onPath('/B')])], {
      environment: (u) => ({ url: u }),
      onError: () => {},
    });
    runner.update(url('/A'));
    runner.update(url('/B'));
    expect(events).toEqual(['start a /A', 'stop a', 'start b /B']);
    expect(runner.activeIds).toEqual(['b']);
  });

  it('restarts per its restartOn rule', () => {
    const { events, feature } = recorder();
    const all = () => true;
    const runner = new FeatureRunner([feature('url', [all], 'url'), feature('path', [all], 'path'), feature('never', [all], 'never')], {
      environment: (u) => ({ url: u }),
      onError: () => {},
    });
    runner.update(url('/Sale#1'));
    events.length = 0;
    runner.update(url('/Sale#2'));
    expect(events).toEqual(['stop url', 'start url /Sale#2']);
    events.length = 0;
    runner.update(url('/Purchase#3'));
    expect(events).toEqual(['stop url', 'start url /Purchase#3', 'stop path', 'start path /Purchase#3']);
  });

  it('reports sync and async failures of one feature without stopping the others', async () => {
    const onError = vi.fn();
    const started: string[] = [];
    const runner = new FeatureRunner<object>(
      [
        { id: 'throws', include: [() => true], init: () => { throw new Error('boom'); } },
        { id: 'rejects', include: [() => true], init: async () => { throw new Error('later'); } },
        { id: 'fine', include: [() => true], init: () => void started.push('fine') },
      ],
      { environment: () => ({}), onError },
    );
    expect(() => runner.update(url('/'))).not.toThrow();
    await Promise.resolve();
    expect(started).toEqual(['fine']);
    expect(onError).toHaveBeenCalledWith('throws', expect.objectContaining({ message: 'boom' }));
    expect(onError).toHaveBeenCalledWith('rejects', expect.objectContaining({ message: 'later' }));
  });

  it('a throwing route test is reported, not thrown', () => {
    const onError = vi.fn();
    const runner = new FeatureRunner<object>([{ id: 'bad-route', include: [() => { throw new Error('route'); }], init() {} }], {
      environment: () => ({}),
      onError,
    });
    runner.update(url('/'));
    expect(onError).toHaveBeenCalledWith('bad-route', expect.any(Error));
  });

  it('stops everything when the content script is invalidated', () => {
    const { events, feature } = recorder();
    const context = new AbortController();
    const runner = new FeatureRunner([feature('a', [() => true])], { environment: (u) => ({ url: u }), onError: () => {}, signal: context.signal });
    runner.update(url('/'));
    context.abort();
    runner.update(url('/other'));
    expect(events).toEqual(['start a /', 'stop a']);
  });

  it('refuses two features with one id', () => {
    const { feature } = recorder();
    expect(() => new FeatureRunner([feature('a', [() => true]), feature('a', [() => true])], { environment: (u) => ({ url: u }), onError: () => {} })).toThrow(/twice/);
  });
});
