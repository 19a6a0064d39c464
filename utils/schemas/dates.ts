/** A calendar date as YYYY-MM-DD. Lock dates and document dates are compared as calendar days. */
export type CalendarDay = string;

// `/Date(ms)/` or `/Date(ms±hhmm)/`; JSON escapes the slashes (`\/Date(…)\/`), so a stray backslash is accepted.
const MS_DATE = /^\\?\/Date\((-?\d+)(?:([+-])(\d{2})(\d{2})?)?\)\\?\/$/;
// Cin7's ISO 8601: a day, optionally a time (with fraction), optionally `Z` or an offset.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

const MS_PER_MINUTE = 60_000;

function dayOfUtc(time: number): CalendarDay | null {
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

/**
 * Xero's `/Date(1782777600000+0000)/`: Unix ms plus an optional ±hhmm offset that Xero says to add to get the
 * local date (xero-node drops it), so `/Date(1419937200000+1300)/` is 2014-12-31. Returns the calendar day, or
 * null when the text is not that form.
 */
export function parseXeroDate(text: string): CalendarDay | null {
  const match = MS_DATE.exec(text.trim());
  if (!match) return null;
  const [, ms, sign, hours, minutes] = match;
  const offsetMinutes = sign ? Number(hours) * 60 + Number(minutes ?? '0') : 0;
  return dayOfUtc(Number(ms) + (sign === '-' ? -1 : 1) * offsetMinutes * MS_PER_MINUTE);
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Cin7's ISO dates (`2025-06-30T00:00:00`, with or without fraction, `Z` or offset): the calendar day as written,
 * which is the local day the user picked. Null for text that is not such a date or names no real day (02-30).
 */
export function parseCin7Date(text: string): CalendarDay | null {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return null;
  const [, yearText, monthText, dayText, hourText, minuteText, secondText] = match;
  const year = Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (Number(hourText ?? 0) > 23 || Number(minuteText ?? 0) > 59 || Number(secondText ?? 0) > 59) return null;
  return `${yearText}-${monthText}-${dayText}`;
}

/** Either app's date form, or an ISO day; null for empty or unreadable text. */
export function parseAnyDate(text: string | null | undefined): CalendarDay | null {
  if (!text) return null;
  return parseXeroDate(text) ?? parseCin7Date(text);
}
