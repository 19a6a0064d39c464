// LOCK_DATE_NOT_SET (info): the onboarding seed recommends period lock dates; neither app has one. Xero's end-of-year
// (adviser) lock date alone does not count: it stops advisers too, so businesses set it rarely and late, and the
// period lock is what protects a reported month.
import type { Rule } from '../rule';
import { xeroFinancialSettingsLink } from '../links';
import { parseAnyDate } from '../../schemas/dates';
import { MOVING_CIN7_LOCK_DATE, MOVING_XERO_LOCK_DATE } from '../lock-date';

export const lockDateNotSetRule: Rule = {
  id: 'lock-date-not-set',
  title: 'A period lock date is set',
  codes: ['LOCK_DATE_NOT_SET'],
  needs: ['cin7.me', 'xero.organisation'],
  run(ctx) {
    if (parseAnyDate(ctx.organisation?.PeriodLockDate) || ctx.cin7LockDate) return [];
    return [
      {
        code: 'LOCK_DATE_NOT_SET',
        severity: 'info',
        subject: { kind: 'organisation', key: 'organisation', label: 'Lock dates' },
        message: `Neither Xero nor Cin7 Core has a period lock date, so finished periods can still change (an end-of-year lock date alone leaves the months since then open). Once a period is reported, set a lock date in Xero's Financial settings (and the same date in Cin7 Core's General Settings). ${MOVING_XERO_LOCK_DATE} ${MOVING_CIN7_LOCK_DATE}`,
        fix: xeroFinancialSettingsLink(ctx.shortCode),
      },
    ];
  },
};
