// Which Cin7 Core sales and purchases a refresh audits: those that can still sync to Xero. Pure: the window from the
// lock dates, whether a listed document falls in it, and the window in words for every surface.
// A document dated (or changed) on or before the earliest lock date was posted, or refused, when it was entered;
// everything after it can still post. Completed documents are kept: "completed" in Cin7 Core says the sale's stages
// are done, not that Xero accepted what it posted (a failed sync stays until it is fixed or skipped).
import type { Cin7Me, XeroOrganisation } from '../schemas';
import { parseAnyDate, type CalendarDay } from '../schemas/dates';
import { organisationLockDate } from '../audit/context';

/** Without any lock date, the window reaches this far back. */
export const NO_LOCK_LOOKBACK_DAYS = 90;

/**
 * Statuses that post nothing and are left out (research/cin7.md §2.7–2.8: sale statuses run DRAFT…COMPLETED, what
 * posts is an authorised invoice, credit note or shipment; a voided one posts nothing). A draft that is later
 * authorised changes, and so returns in the next incremental read.
 */
const SKIPPED_STATUSES = new Set(['DRAFT', 'ESTIMATING', 'ESTIMATED', 'VOIDED']);

export interface DocumentWindow {
  /** The first day in the window (YYYY-MM-DD). */
  from: CalendarDay;
  /** The window in words ("Sales and purchases dated or changed from 1 Apr 2026 …"). */
  description: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "1 Apr 2026": unambiguous in every locale (the report formats dates itself). */
export function dayInWords(day: CalendarDay): string {
  const [year, month, date] = day.split('-').map(Number);
  return `${date} ${MONTHS[(month ?? 1) - 1]} ${year}`;
}

export function addDays(day: CalendarDay, offset: number): CalendarDay {
  return new Date(Date.parse(`${day}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
}

/** The window from Cin7 Core's lock date and Xero's (the later of its two), whichever is earlier. */
export function documentWindow(me: Cin7Me | null | undefined, organisation: XeroOrganisation | null | undefined, today: CalendarDay): DocumentWindow {
  const locks: { day: CalendarDay; name: string }[] = [];
  const cin7Lock = parseAnyDate(me?.LockDate);
  if (cin7Lock) locks.push({ day: cin7Lock, name: 'Cin7 Core’s lock date' });
  const xeroLock = organisationLockDate(organisation);
  if (xeroLock) locks.push({ day: xeroLock.day, name: xeroLock.which === 'period' ? 'Xero’s period lock date' : 'Xero’s end-of-year lock date' });
  const earliest = locks.reduce<(typeof locks)[number] | undefined>((a, b) => (!a || b.day < a.day ? b : a), undefined);
  const leftOut = 'open or completed; drafts and voided ones are left out';
  if (!earliest) {
    const from = addDays(today, -NO_LOCK_LOOKBACK_DAYS);
    return {
      from,
      description: `Sales and purchases dated or changed from ${dayInWords(from)} (the last ${NO_LOCK_LOOKBACK_DAYS} days: neither Cin7 Core nor Xero has a lock date), ${leftOut}`,
    };
  }
  const from = addDays(earliest.day, 1);
  return {
    from,
    description: `Sales and purchases dated or changed from ${dayInWords(from)} (after the earliest lock date, ${earliest.name} ${dayInWords(earliest.day)}), ${leftOut}`,
  };
}

/** What the window needs of a listed document (kept in the stored index). */
export interface ListedDocument {
  id: string;
  /** The list's change stamp: sale `Updated`, purchase `LastUpdatedDate` (UTC). */
  updated: string;
  status: string;
  /** The listed order and invoice days. */
  days: CalendarDay[];
}

/** In the window: posts something (not a draft, not voided), and dated or changed on or after `from`. */
export function inWindow(document: ListedDocument, from: CalendarDay): boolean {
  if (SKIPPED_STATUSES.has(document.status.trim().toUpperCase())) return false;
  const changed = parseAnyDate(document.updated);
  return document.days.some((day) => day >= from) || (changed !== null && changed >= from);
}

/** A listed date on or before Xero's lock date: the document may post into the locked period (checked first). */
export function mayBeLocked(document: ListedDocument, xeroLock: CalendarDay | null): boolean {
  return xeroLock !== null && document.days.some((day) => day <= xeroLock);
}
