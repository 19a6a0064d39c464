// When a scheduled check notifies (issue #18): opted in, new errors only, never in quiet hours.
import { describe, expect, it } from 'vitest';
import { detectChange, headlineOf, HEADLINED_ERRORS } from '@/utils/practice/changes';
import { checkNotification, inQuietHours } from '@/utils/practice/notify';

const at = (hour: number) => new Date(2026, 11, 5, hour, 30);
const newError = detectChange({ keys: [], findings: [] }, { keys: ['k'], findings: [{ code: 'ACCOUNT_ARCHIVED', severity: 'error' }] }, 'now');
const newWarning = detectChange({ keys: [], findings: [] }, { keys: ['k'], findings: [{ code: 'W', severity: 'warning' }] }, 'now');

describe('inQuietHours', () => {
  it('handles hours within a day and across midnight', () => {
    expect(inQuietHours({ quietFrom: 12, quietTo: 14 }, at(13))).toBe(true);
    expect(inQuietHours({ quietFrom: 12, quietTo: 14 }, at(14))).toBe(false);
    expect(inQuietHours({ quietFrom: 22, quietTo: 7 }, at(23))).toBe(true);
    expect(inQuietHours({ quietFrom: 22, quietTo: 7 }, at(3))).toBe(true);
    expect(inQuietHours({ quietFrom: 22, quietTo: 7 }, at(12))).toBe(false);
    expect(inQuietHours({ quietFrom: 5, quietTo: 5 }, at(5))).toBe(false);
    expect(inQuietHours({}, at(3))).toBe(false);
  });
});

describe('checkNotification', () => {
  it('names the client and the change when opted in and a new error appeared', () => {
    expect(checkNotification('Acme ↔ Acme Ltd', newError, { notify: true }, at(10))).toEqual({
      title: 'Mapping Guard: Acme ↔ Acme Ltd',
      message: '1 new error (ACCOUNT_ARCHIVED)',
    });
  });

  it('names the first new error in its own words, and counts the others', () => {
    const archived = detectChange(
      { keys: [], findings: [] },
      {
        keys: ['a', 'b', 'c'],
        findings: [
          { code: 'ACCOUNT_ARCHIVED', severity: 'error', message: 'Customer Credits is mapped to 810 Customer Credits, which is archived in Xero, so Xero will reject what Cin7 Core posts. Restore it.' },
          { code: 'OVERRIDE_ACCOUNT_INVALID', severity: 'error', message: 'Customer Acme has its sale account set to 810 Customer Credits, which is archived in Xero.' },
          { code: 'W', severity: 'warning', message: 'A warning.' },
        ],
      },
      'now',
    );
    expect(archived.added.map((finding) => finding.headline)).toEqual([
      'Customer Credits is mapped to 810 Customer Credits, which is archived in Xero',
      'Customer Acme has its sale account set to 810 Customer Credits, which is archived in Xero',
      undefined,
    ]);
    expect(checkNotification('Acme ↔ Acme Ltd', archived, { notify: true }, at(10))?.message).toBe(
      'Customer Credits is mapped to 810 Customer Credits, which is archived in Xero. And 1 more new error.',
    );
  });

  it('keeps headlines short and only for the first few new errors', () => {
    expect(headlineOf(`${'x'.repeat(300)}.`)).toHaveLength(160);
    expect(headlineOf('Tax rate 2.5 applies. Then more.')).toBe('Tax rate 2.5 applies');
    const many = detectChange({ keys: [], findings: [] }, { keys: ['1', '2', '3', '4', '5'], findings: ['1', '2', '3', '4', '5'].map(() => ({ code: 'E', severity: 'error' as const, message: 'Broken.' })) }, 'now');
    expect(many.added.filter((finding) => finding.headline).length).toBe(HEADLINED_ERRORS);
  });

  it('stays quiet when not opted in, in quiet hours, or with no new error', () => {
    expect(checkNotification('A', newError, {}, at(10))).toBeUndefined();
    expect(checkNotification('A', newError, { notify: true, quietFrom: 9, quietTo: 17 }, at(10))).toBeUndefined();
    expect(checkNotification('A', newWarning, { notify: true }, at(10))).toBeUndefined();
  });
});
