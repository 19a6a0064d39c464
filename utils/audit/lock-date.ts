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
