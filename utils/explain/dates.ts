// The dates Xero's lock-date message carries, in the forms people and pages write them: "30-Nov-2018" (Xero's own,
// research/fidelity.md), "30 Nov 2018", "30 November 2018", "November 30, 2018", "2018-11-30", "30/11/2018".
// Slash dates are read only when the order is certain (a part above 12): 03/04/2018 is a different day in NZ and US.
import type { CalendarDay } from '../schemas/dates';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A date as it may appear in an error text (the pattern finds it; `parseErrorDate` reads it). */
export const DATE_PATTERN = String.raw`\d{4}-\d{1,2}-\d{1,2}(?:T[\d:.]+Z?)?|\d{1,2}(?:st|nd|rd|th)?[-\s/.]*[a-z]{3,9}\.?[-\s/.,]*\d{4}|[a-z]{3,9}\.?\s*\d{1,2}(?:st|nd|rd|th)?,?\s*\d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{4}`;

function monthOf(name: string): number | null {
  const lower = name.toLowerCase().replace(/\.$/, '');
  const index = MONTHS.indexOf(lower.slice(0, 3));
  if (index < 0) return null;
  // "Nov", "November", "Sept" are months; "Novel" is not.
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'][index]!;
  return full.startsWith(lower) || lower === 'sept' ? index + 1 : null;
}

function day(year: number, month: number | null, dayOfMonth: number): CalendarDay | null {
  if (month === null || month < 1 || month > 12 || dayOfMonth < 1) return null;
  if (dayOfMonth > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
}

/** The calendar day (YYYY-MM-DD) a date text names, or null when it names no real day or the order is ambiguous. */
export function parseErrorDate(text: string): CalendarDay | null {
  const trimmed = text.trim();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:T[\d:.]+Z?)?$/i.exec(trimmed);
  if (match) return day(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})(?:st|nd|rd|th)?[-\s/.]*([a-z]{3,9}\.?)[-\s/.,]*(\d{4})$/i.exec(trimmed);
  if (match) return day(Number(match[3]), monthOf(match[2]!), Number(match[1]));
  match = /^([a-z]{3,9}\.?)\s*(\d{1,2})(?:st|nd|rd|th)?,?\s*(\d{4})$/i.exec(trimmed);
  if (match) return day(Number(match[3]), monthOf(match[1]!), Number(match[2]));
  match = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(trimmed);
  if (match) {
    const [first, second, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (first > 12 && second <= 12) return day(year, second, first);
    if (second > 12 && first <= 12) return day(year, first, second);
    return first === second ? day(year, first, second) : null;
  }
  return null;
}
