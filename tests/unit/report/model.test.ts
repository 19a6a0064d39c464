import { describe, expect, it } from 'vitest';
import {
  areaOf, checkOutcomes, countByArea, filterFindings, groupByArea, sortFindings, DEFAULT_FILTER, AREAS,
} from '../../../components/report/model';
import { FINDING_CODES } from '../../../utils/audit/types';
import { finding } from '../popup/fake-client';

const tracked = finding();
const archived = finding({ key: 'a', code: 'ACCOUNT_ARCHIVED', severity: 'error', subject: { kind: 'role', key: 'cogs', label: 'Cost of Goods Sold' }, message: 'COGS account archived' });
const taxArchived = finding({ key: 't', code: 'ACCOUNT_ARCHIVED', severity: 'warning', subject: { kind: 'taxRule', key: 'GST', label: 'GST on Income' }, message: 'Tax account archived' });
const lock = finding({ key: 'l', code: 'LOCK_DATE_NOT_SET', severity: 'info', subject: { kind: 'organisation', key: 'organisation', label: 'Acme' }, message: 'No lock date', reviewed: true });

describe('report model', () => {
  it('puts every code in an area', () => {
    for (const code of FINDING_CODES) expect(AREAS).toContain(areaOf(finding({ code })));
    expect(areaOf(taxArchived)).toBe('Tax rules and overrides');
    expect(areaOf(archived)).toBe('Mapped accounts');
  });

  it('tells passed checks from failed ones and from checks that could not run', () => {
    const outcomes = checkOutcomes(
      [
        { check: 'tracked-inventory', label: 'No Xero item is tracked', ran: true },
        { check: 'lock-date-not-set', label: 'Xero has a lock date', ran: true },
        { check: 'tax-rule-account', ran: false, reason: 'Cin7 Core tax rules not fetched' },
      ],
      [tracked],
    );
    expect(outcomes.map((outcome) => [outcome.check, outcome.state, outcome.findings])).toEqual([
      ['tracked-inventory', 'failed', 1],
      ['lock-date-not-set', 'passed', 0],
      ['tax-rule-account', 'notRun', 0],
    ]);
    expect(outcomes[2]?.reason).toBe('Cin7 Core tax rules not fetched');
  });

  it('counts by area with zeros for clean areas', () => {
    const counts = countByArea([tracked, archived, taxArchived]);
    expect(counts).toHaveLength(AREAS.length);
    expect(counts.find((entry) => entry.area === 'Tax rules and overrides')?.counts).toEqual({ error: 0, warning: 1, info: 0 });
    expect(counts.find((entry) => entry.area === 'Currencies')?.counts).toEqual({ error: 0, warning: 0, info: 0 });
  });

  it('filters by severity, area, text and reviewed', () => {
    const all = [tracked, archived, taxArchived, lock];
    expect(filterFindings(all, { ...DEFAULT_FILTER, severities: ['warning'] })).toEqual([taxArchived]);
    expect(filterFindings(all, { ...DEFAULT_FILTER, area: 'Mapped accounts' })).toEqual([archived]);
    expect(filterFindings(all, { ...DEFAULT_FILTER, text: 'gst' })).toEqual([taxArchived]);
    expect(filterFindings(all, { ...DEFAULT_FILTER, includeReviewed: false })).not.toContain(lock);
  });

  it('sorts by each key, deterministically', () => {
    const all = [lock, taxArchived, tracked, archived];
    expect(sortFindings(all, 'severity').map((f) => f.key)).toEqual(['a', 'TRACKED_INVENTORY|item|WIDGET', 't', 'l']);
    expect(sortFindings(all, 'severity', true).map((f) => f.key)[0]).toBe('l');
    expect(sortFindings(all, 'subject').map((f) => f.subject.label)).toEqual(['Acme', 'Cost of Goods Sold', 'GST on Income', 'Widget']);
    expect(sortFindings(all, 'area').map((f) => areaOf(f))).toEqual(['Mapped accounts', 'Products and services', 'Tax rules and overrides', 'Lock dates']);
    expect(sortFindings([...all].reverse(), 'code')).toEqual(sortFindings(all, 'code'));
  });

  it('groups in area order, leaving out empty areas', () => {
    expect(groupByArea([lock, tracked]).map((group) => group.area)).toEqual(['Products and services', 'Lock dates']);
  });
});
