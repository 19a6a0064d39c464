// Lock dates side by side: Xero's later lock date (period or end of year) against Cin7 Core's, whether they are
// aligned (Cin7 Core's is not earlier, so it never accepts a document Xero will refuse), and the default range of
// documents to count: from the day after Cin7 Core's lock date up to Xero's. The rule itself is the engine's.
import { laterLockDate } from '../../utils/audit/lock-date';

export interface LockComparison {
  xeroLater: { day: string; which: 'period' | 'endOfYear' } | null;
  cin7: string | null;
  aligned: boolean;
  /** The range of Cin7 dates Xero would refuse but Cin7 Core still accepts, or null when there is none. */
  refusedRange: { from?: string; to: string } | null;
}

export function dayAfter(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

export function compareLockDates(period: string | null, endOfYear: string | null, cin7: string | null): LockComparison {
  const xeroLater = laterLockDate(period, endOfYear);
  const aligned = !xeroLater || (cin7 !== null && cin7 >= xeroLater.day);
  const refusedRange = aligned || !xeroLater ? null : { ...(cin7 ? { from: dayAfter(cin7) } : {}), to: xeroLater.day };
  return { xeroLater, cin7, aligned, refusedRange };
}
