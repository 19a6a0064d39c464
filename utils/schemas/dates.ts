/** A calendar date as YYYY-MM-DD. Lock dates and document dates are compared as calendar days. */
export type CalendarDay = string;

const MS_DATE = /^\/Date\((-?\d+)([+-])?(\d{2})?(\d{2})?\)\/$/;
const ISO_DAY = /^(\d{4}-\d{2}-\d{2})/;

/**
 * Xero's `/Date(1782777600000+0000)/`: Unix ms plus an optional ±hhmm offset that Xero says to apply to get the
 * local date (xero-node drops it). Returns the calendar day, or null when the text is not that form.
 */
export function parseXeroDate(text: string): CalendarDay | null {
  const match = MS_DATE.exec(text.trim());
  if (!match) return null;
  const [, ms, sign, hh, mm] = match;
  let time = Number(ms);
  if (sign && hh) {
    const offsetMinutes = Number(hh) * 60 + Number(mm ?? '0');
    time += (sign === '-' ? -1 : 1) * offsetMinutes * 60_000;
  }
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return null;
  return date.toISOString().slice(0, 10);
}

/** Cin7's ISO dates (`2025-06-30T00:00:00`, with or without zone): the calendar day as written. */
export function parseCin7Date(text: string): CalendarDay | null {
  const match = ISO_DAY.exec(text.trim());
  if (!match?.[1]) return null;
  const day = match[1];
  return Number.isNaN(Date.parse(`${day}T00:00:00Z`)) ? null : day;
}

/** Either app's date form, or an ISO day; null for empty or unreadable text. */
export function parseAnyDate(text: string | null | undefined): CalendarDay | null {
  if (!text) return null;
  return parseXeroDate(text) ?? parseCin7Date(text);
}
