// Financial settings: Xero's two lock dates, found by their label words. Xero labels them as what they do: the period
// lock date "Stop all users except advisors making changes on or before" and the end-of-year lock date "Stop all users
// making changes on or before". Both spellings are live: "advisors" in Xero Central and its US help, "advisers"
// elsewhere; help pages say "on or before", older pages "on and before" (fidelity.md). Older and newer pages also say
// "period" / "end of year"; goXero's 2026 capture of `/Setup/FinancialSettings.aspx` names them "Soft lock date" and
// "Hard lock date" (its own wording for the page's two dates: accepted, weakly sourced).
import type { CalendarDay } from '../../schemas/dates';
import { controlValue } from './dom-text';
import { controlByLabel } from './fields';

export interface LockDateField {
  element: HTMLElement;
  /** YYYY-MM-DD, or null when no date is set (or the page shows one we cannot read). */
  day: CalendarDay | null;
  /** The text as the page shows it, for "could not read". */
  shown: string;
}

export interface LockDatesRead {
  period: LockDateField | null;
  endOfYear: LockDateField | null;
}

const isPeriodLabel = (label: string) =>
  /except advis[eo]rs?\b/.test(label) || /^period lock date/.test(label) || /lock date for all users except/.test(label) || /^soft lock date/.test(label);
const isEndOfYearLabel = (label: string) =>
  (/^stop all users making changes/.test(label) && !/except/.test(label)) ||
  /end of year lock date/.test(label) ||
  /advis[eo]r lock date/.test(label) ||
  /^hard lock date/.test(label);

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function day(year: number, month: number, dayOfMonth: number): CalendarDay | null {
  if (!isRealDay(year, month, dayOfMonth)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}` as CalendarDay;
}

/**
 * A date as Xero's date pickers show it: "31 Mar 2026", "31-Mar-2026", "31 March 2026", ISO "2026-03-31", or the
 * organisation's numeric format "31/03/2026" (day first: Xero's numeric dates follow the region, and the US form
 * "03/31/2026" is accepted only when the day-first reading is impossible).
 */
export function parseShownDay(text: string): CalendarDay | null {
  const value = text.trim();
  let match = /^(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{4})$/.exec(value);
  if (match) {
    const month = MONTHS.indexOf(match[2]!.slice(0, 3).toLowerCase()) + 1;
    return month > 0 ? day(Number(match[3]), month, Number(match[1])) : null;
  }
  match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (match) return day(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(value);
  if (match) return day(Number(match[3]), Number(match[2]), Number(match[1])) ?? day(Number(match[3]), Number(match[1]), Number(match[2]));
  return null;
}

function field(control: HTMLElement | null): LockDateField | null {
  if (!control) return null;
  const shown = controlValue(control);
  return { element: control, day: shown ? parseShownDay(shown) : null, shown };
}

export function readLockDates(root: ParentNode & Node): LockDatesRead {
  return { period: field(controlByLabel(root, isPeriodLabel)), endOfYear: field(controlByLabel(root, isEndOfYearLabel)) };
}
