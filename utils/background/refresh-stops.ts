// How a refresh ends early, and the day it audits for: its deadline and the error that says so, the stop of a
// refresh cancelled by a disconnect or a pair's removal (nothing is recorded for it), and the browser's calendar day.
import { UserFacingError } from '../net/user-error';

/**
 * A full refresh of a big account waits out Cin7's 60 calls a minute for a few minutes; one that runs far longer is
 * stuck (a stalled server, a storm that does not end) and is stopped with its error, so the user is told.
 */
export const REFRESH_DEADLINE_MS = 15 * 60_000;

export const deadlineError = (ms: number) =>
  new UserFacingError(
    `The refresh did not finish within ${ms >= 60_000 ? `${Math.round(ms / 60_000)} minutes` : `${Math.ceil(ms / 1000)} s`} and was stopped: Cin7 Core or Xero answered too slowly or not at all. The previous results are kept; refresh again later.`,
    'refresh-deadline',
    `stopped after ${ms} ms`,
  );

/** The stop reason of a refresh cancelled by a disconnect: nothing is recorded for it. */
export class RefreshCancelled extends Error {
  constructor() {
    super('the connection was ended during the refresh');
    this.name = 'RefreshCancelled';
  }
}

/** The calendar day in the browser's zone: lock dates are compared as days (the engine never reads the clock). */
export function localDay(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

