// Xero's effective lock date: the later of its period lock and end-of-year lock. Xero refuses any document dated on
// or before it ("The document date cannot be before the period lock date…", research/fidelity.md). One home for the
// rule: the engine's rules, the background's page facts and the Xero lock-date overlay all call it.
import type { CalendarDay } from '../schemas/dates';

export interface LockDate {
  readonly day: CalendarDay;
  readonly which: 'period' | 'endOfYear';
}

/** The later of two lock days (YYYY-MM-DD, either may be missing), and which one it is; the period lock wins a tie. */
export function laterLockDate(period: CalendarDay | null | undefined, endOfYear: CalendarDay | null | undefined): LockDate | null {
  if (period && (!endOfYear || period >= endOfYear)) return { day: period, which: 'period' };
  return endOfYear ? { day: endOfYear, which: 'endOfYear' } : null;
}

// What moving a lock date also changes (issue #14, "lock-date advice"), said wherever we advise moving one.
/** Xero help "Lock dates" and Wise-Sync's FAQ (research/xero.md §1.3): who may move it, and what it stops. */
export const MOVING_XERO_LOCK_DATE =
  'Moving Xero’s lock date also changes who can work in that period: transactions dated on or before it can no longer be added or edited (except by advisers under the period lock; by nobody under the end-of-year lock), drafts can still be saved, only an adviser can move it again, and Cin7 Core’s invoices, bills, COGS journals and payments dated then are refused (unless an adviser connected Cin7 Core and only the period lock applies).';
/** Cin7 Core help "Financial settings" and "Xero Integration FAQs" (research/cin7.md §4.8; the FAQ as reported). */
export const MOVING_CIN7_LOCK_DATE =
  'Moving Cin7 Core’s lock date also stops anyone adding, editing or deleting Cin7 Core transactions dated before it, and, as Cin7 Core’s Xero Integration FAQs report, payments made in Xero against invoices dated before it no longer update those invoices in Cin7 Core (to bring them in later, remove the lock date for a while and use Load Historical Data).';
