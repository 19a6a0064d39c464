// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { Faults } from '../../../sandbox/faults';
import { escapeHtml, html } from '../../../sandbox/html';
import { stableUuid, timestampMs, xeroTimestamp } from '../../../sandbox/ids';
import { FixedWindowLimiter, InFlightCounter } from '../../../sandbox/rate-limit';
import { Stats } from '../../../sandbox/stats';
import { applyOrder, applyWhere } from '../../../sandbox/xero-api';

describe('FixedWindowLimiter', () => {
  it('allows `limit` calls per window per key, reports Retry-After to the window end, and resets', () => {
    let now = 1_000_000;
    const limiter = new FixedWindowLimiter(3, 60_000, () => now);
    expect([1, 2, 3].map(() => limiter.hit('a').allowed)).toEqual([true, true, true]);
    now += 15_500;
    const refused = limiter.hit('a');
    expect(refused).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 45 });
    expect(limiter.hit('b').allowed).toBe(true);
    expect(limiter.remaining('b')).toBe(2);
    now += 44_500;
    expect(limiter.hit('a')).toMatchObject({ allowed: true, remaining: 2 });
  });
});

describe('InFlightCounter', () => {
  it('counts per key and forgets a key at zero', () => {
    const counter = new InFlightCounter();
    expect(counter.enter('t')).toBe(1);
    expect(counter.enter('t')).toBe(2);
    counter.leave('t');
    counter.leave('t');
    expect(counter.get('t')).toBe(0);
  });
});

describe('Faults', () => {
  it('counts down `times`, respects the api scope, and clears to defaults', () => {
    const faults = new Faults(() => 5);
    faults.set('serverErrors', { times: 2, api: 'xero' });
    expect(faults.take('serverErrors', 'cin7')).toBe(false);
    expect(faults.take('serverErrors', 'xero')).toBe(true);
    expect(faults.take('serverErrors', 'xero')).toBe(true);
    expect(faults.take('serverErrors', 'xero')).toBe(false);
    faults.set('slowMs', 50);
    faults.set('cin7RateLimitStatus', 429);
    faults.clear('slowMs');
    expect(faults.current()).toMatchObject({ slowMs: 0, cin7RateLimitStatus: 429 });
    faults.clear();
    expect(faults.get('cin7RateLimitStatus')).toBe(503);
  });

  it('token faults mark the moment they were set', () => {
    const faults = new Faults(() => 42);
    faults.set('expireAccessTokens', true);
    faults.set('revokeRefreshTokens', true);
    expect(faults.accessTokensExpiredAt).toBe(42);
    expect(faults.refreshTokensRevokedAt).toBe(42);
    faults.clear('expireAccessTokens');
    expect(faults.accessTokensExpiredAt).toBe(-Infinity);
  });
});

describe('html escaping', () => {
  it('escapes interpolated values but not nested safe fragments', () => {
    const name = '<img src=x onerror="alert(1)">';
    expect(escapeHtml(name)).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(html`<b>${name}</b>${html`<i>${"'"}</i>`}`.html).toBe('<b>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</b><i>&#39;</i>');
  });
});

describe('ids and Xero dates', () => {
  it('derives stable UUIDs and reads Xero timestamps', () => {
    expect(stableUuid('x')).toBe(stableUuid('x'));
    expect(stableUuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(timestampMs(xeroTimestamp(1573755038314))).toBe(1573755038314);
    expect(timestampMs('/Date(1573755038314)/')).toBe(1573755038314);
    expect(timestampMs('nonsense')).toBeNull();
  });
});

describe('Xero where/order subset', () => {
  const records = [
    { Code: '10', Type: 'BANK', Status: 'ACTIVE' },
    { Code: '2', Type: 'BANK', Status: 'ARCHIVED' },
    { Code: '200', Type: 'REVENUE', Status: 'ACTIVE' },
  ];
  it('filters with == and != joined by AND, and orders numerically', () => {
    expect(applyWhere(records, 'Type=="BANK" AND Status!="ARCHIVED"').map((r) => r.Code)).toEqual(['10']);
    expect(applyOrder(records, 'Code ASC').map((r) => r.Code)).toEqual(['2', '10', '200']);
    expect(() => applyWhere(records, 'Code.StartsWith("2")')).toThrow(/Unsupported/);
  });
});

describe('Stats', () => {
  it('counts calls per endpoint, keeps token requests out of the API total, and resets', () => {
    const stats = new Stats();
    stats.count('xero GET Accounts');
    stats.count('xero GET Accounts');
    stats.count('cin7 GET product');
    stats.count('identity POST token');
    stats.throttled(429);
    stats.throttled(503);
    stats.concurrency('xero', 3);
    stats.concurrency('xero', 2);
    expect(stats.snapshot()).toEqual({
      calls: { 'xero GET Accounts': 2, 'cin7 GET product': 1, 'identity POST token': 1 },
      totalApiCalls: 3,
      sent429: 1,
      sent503: 1,
      maxXeroConcurrency: 3,
      maxCin7Concurrency: 0,
    });
    expect(stats.callsTo('xero ')).toBe(2);
    stats.reset();
    expect(stats.totalApiCalls).toBe(0);
  });
});
