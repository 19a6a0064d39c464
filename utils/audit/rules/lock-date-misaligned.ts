// LOCK_DATE_MISALIGNED (warning): Cin7 Core's lock date (me.LockDate) is earlier than Xero's later lock date, or
// unset while Xero has one, so Cin7 Core still accepts documents Xero will reject. A warning: nothing has failed yet;
// DOCUMENT_IN_LOCKED_PERIOD reports the documents that will.
import type { Rule } from '../rule';
import { cin7GeneralSettingsLink } from '../links';
import { MOVING_CIN7_LOCK_DATE } from '../lock-date';

export const lockDateMisalignedRule: Rule = {
  id: 'lock-date-misaligned',
  title: "Cin7 Core's lock date is not earlier than Xero's",
  codes: ['LOCK_DATE_MISALIGNED'],
  needs: ['cin7.me', 'xero.organisation'],
  run(ctx) {
    const xero = ctx.xeroLockDate;
    if (!xero || (ctx.cin7LockDate && ctx.cin7LockDate >= xero.day)) return [];
    const which = xero.which === 'period' ? 'period lock date' : 'end-of-year lock date';
    const cin7 = ctx.cin7LockDate ? `Cin7 Core's lock date ${ctx.cin7LockDate} is earlier than Xero's ${which} ${xero.day}` : `Cin7 Core has no lock date, but Xero's ${which} is ${xero.day}`;
    return [
      {
        code: 'LOCK_DATE_MISALIGNED',
        severity: 'warning',
        subject: { kind: 'organisation', key: 'organisation', label: 'Lock dates' },
        message: `${cin7}, so Cin7 Core still accepts documents dated up to ${xero.day} that Xero will reject. Set Cin7 Core's lock date to ${xero.day} in General Settings. ${MOVING_CIN7_LOCK_DATE}`,
        fix: cin7GeneralSettingsLink(),
      },
    ];
  },
};
