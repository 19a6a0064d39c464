// Stable identifiers and Xero's date format, so the same scenario always yields the same ids and links.
import { createHash } from 'node:crypto';

/** A UUID-shaped id derived from `seed` (same seed, same id). */
export function stableUuid(seed: string): string {
  const hex = createHash('sha1').update(seed).digest('hex');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Xero's JSON timestamp: `/Date(1573755038314+0000)/`. */
export function xeroTimestamp(ms: number): string {
  return `/Date(${Math.floor(ms)}+0000)/`;
}

/** Milliseconds of a Xero `/Date(ms±hhmm)/` value, or an ISO date; null when unreadable. */
export function timestampMs(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const ms = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/.exec(value.trim());
  if (ms) return Number(ms[1]);
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? null : parsed;
}

/** Cin7's ISO timestamp form, e.g. `2018-01-24T05:07:23.917Z`. */
export function cin7Timestamp(ms: number): string {
  return new Date(ms).toISOString();
}

/** A Xero-style organisation short code (`!` + 5 characters) derived from `seed`. */
export function shortCodeFor(seed: string): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789';
  const digest = createHash('sha1').update(seed).digest();
  let code = '!';
  for (let i = 0; i < 5; i++) code += alphabet[(digest[i] ?? 0) % alphabet.length];
  return code;
}
