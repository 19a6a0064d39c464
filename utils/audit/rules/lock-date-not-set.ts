// LOCK_DATE_NOT_SET (info): the onboarding seed recommends Xero period lock dates; neither app has one.
import type { Rule } from '../rule';
import { xeroFinancialSettingsLink } from '../links';

export const lockDateNotSetRule: Rule = {
  id: 'lock-date-not-set',
  title: 'A period lock date is set',
  codes: ['LOCK_DATE_NOT_SET'],
  needs: ['cin7.me', 'xero.organisation'],
  run(ctx) {
    if (ctx.xeroLockDate || ctx.cin7LockDate) return [];
    return [
      {
        code: 'LOCK_DATE_NOT_SET',
        severity: 'info',
        subject: { kind: 'organisation', key: 'organisation', label: 'Lock dates' },
        message:
          'Neither Xero nor Cin7 Core has a period lock date, so finished periods can still change. Once a period is reported, set a lock date in Xero\'s Financial settings (and the same date in Cin7 Core\'s General Settings).',
        fix: xeroFinancialSettingsLink(ctx.shortCode),
      },
    ];
  },
};
