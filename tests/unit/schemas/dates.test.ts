import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAnyDate, parseCin7Date, parseXeroDate } from '../../../utils/schemas/dates';

describe('parseXeroDate', () => {
  it.each([
    // Date-only values (lock dates) as Xero sends them today: UTC midnight with +0000.
    ['/Date(1782777600000+0000)/', '2026-06-30'],
    ['/Date(1546214400000+0000)/', '2018-12-31'],
    // Xero's documented offset example: 2014-12-30T11:00Z plus 13 hours is the local day 2014-12-31.
    ['/Date(1419937200000+1300)/', '2014-12-31'],
    ['/Date(1419937200000+1259)/', '2014-12-30'],
    // Negative offsets move the day back.
    ['/Date(1419937200000-1200)/', '2014-12-29'],
    ['/Date(1420070400000-0030)/', '2014-12-31'],
    ['/Date(1420070400000-0000)/', '2015-01-01'],
    // Hours only.
    ['/Date(1419937200000+13)/', '2014-12-31'],
    // No offset: a UTC timestamp (UpdatedDateUTC).
    ['/Date(1573755038314)/', '2019-11-14'],
    ['/Date(0)/', '1970-01-01'],
    ['/Date(-86400000)/', '1969-12-31'],
    // As written inside JSON text, and with surrounding spaces.
    ['\\/Date(1546214400000+0000)\\/', '2018-12-31'],
    ['  /Date(1546214400000+0000)/ ', '2018-12-31'],
  ])('%s → %s', (text, day) => {
    expect(parseXeroDate(text)).toBe(day);
  });

  it.each([
    '',
    '2018-12-31',
    '/Date()/',
    '/Date(abc)/',
    '/Date(1546214400000+)/',
    '/Date(1546214400000+1)/',
    'Date(1546214400000)',
    '/Date(1546214400000+0000)/x',
    '/Date(99999999999999999999)/',
  ])('rejects %j', (text) => {
    expect(parseXeroDate(text)).toBeNull();
  });

  it('adds the offset for every instant (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -2_000_000_000_000, max: 4_000_000_000_000 }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (ms, offsetMinutes) => {
          const sign = offsetMinutes < 0 ? '-' : '+';
          const magnitude = Math.abs(offsetMinutes);
          const offset = `${sign}${String(Math.floor(magnitude / 60)).padStart(2, '0')}${String(magnitude % 60).padStart(2, '0')}`;
          const expected = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 10);
          expect(parseXeroDate(`/Date(${ms}${offset})/`)).toBe(expected);
        },
      ),
    );
  });
});

describe('parseCin7Date', () => {
  it.each([
    ['2025-06-30T00:00:00', '2025-06-30'],
    ['2025-06-30', '2025-06-30'],
    ['2012-11-14T13:28:33.363', '2012-11-14'],
    ['2017-12-26T07:36:13.183Z', '2017-12-26'],
    ['2017-11-22T06:58:21.8882229Z', '2017-11-22'],
    ['2021-10-26T16:31:00.287Z', '2021-10-26'],
    // With an offset the day is the one written (the local day), not the UTC day.
    ['2025-06-30T23:30:00-05:00', '2025-06-30'],
    ['2025-07-01T00:30:00+12:00', '2025-07-01'],
    ['2025-07-01T00:30:00+1200', '2025-07-01'],
    ['2025-06-30T23:59', '2025-06-30'],
    ['2024-02-29T00:00:00', '2024-02-29'],
    [' 2025-06-30T00:00:00 ', '2025-06-30'],
  ])('%s → %s', (text, day) => {
    expect(parseCin7Date(text)).toBe(day);
  });

  it.each([
    '',
    '30/06/2025',
    '2025-6-30',
    '2025-02-30T00:00:00',
    '2025-02-29',
    '2025-13-01',
    '2025-00-10',
    '2025-06-31',
    '2025-06-30T24:00:00',
    '2025-06-30T12:60:00',
    '2025-06-30garbage',
    '/Date(1546214400000+0000)/',
  ])('rejects %j', (text) => {
    expect(parseCin7Date(text)).toBeNull();
  });
});

describe('parseAnyDate', () => {
  it.each([
    ['/Date(1419937200000+1300)/', '2014-12-31'],
    ['2025-06-30T00:00:00', '2025-06-30'],
    [null, null],
    [undefined, null],
    ['', null],
    ['not a date', null],
  ])('%j → %j', (text, day) => {
    expect(parseAnyDate(text)).toBe(day);
  });
});
