// Date text in each API's own form, built from calendar days so scenarios never read the clock.

/** The day every scenario's dates are relative to (tests and the CLI use it as "today"). */
export const SCENARIO_TODAY = '2026-11-21';

function dayToMs(day: string): number {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new Error(`not a calendar day: ${day}`);
  return ms;
}

/** Xero's .NET JSON date for a date-only field (UTC midnight, as current payloads send it). */
export function xeroDate(day: string): string {
  return `/Date(${dayToMs(day)}+0000)/`;
}

/** Xero's .NET JSON timestamp (UpdatedDateUTC and the like), without an offset. */
export function xeroTimestamp(isoDateTime: string): string {
  return `/Date(${Date.parse(isoDateTime)})/`;
}

/** Cin7 Core's ISO date-time as its API writes dates (no zone). */
export function cin7Date(day: string): string {
  dayToMs(day);
  return `${day}T00:00:00`;
}

/** The calendar day `offset` days after `day` (negative goes back). */
export function addDays(day: string, offset: number): string {
  return new Date(dayToMs(day) + offset * 86_400_000).toISOString().slice(0, 10);
}
