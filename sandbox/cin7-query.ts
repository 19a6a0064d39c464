// The Cin7 API stand-in's query handling (research/cin7.md §1): parameter parsing (names are case-insensitive, as
// the API documents both spellings), filters, ModifiedSince, the Page/Limit envelope, and the errors they raise.
import type { RequestContext } from './http';
import type { JsonRecord } from './store';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

/** A request error answered with Cin7's Error Model (see errorBody in cin7-api.ts). */
export class Cin7Error extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function paging(ctx: RequestContext): { page: number; limit: number } {
  const page = intParam(ctx, 'page', 1);
  const limit = intParam(ctx, 'limit', DEFAULT_LIMIT);
  if (page < 1) throw new Cin7Error(400, 'Page must be greater than 0.');
  if (limit < 1) throw new Cin7Error(400, 'Limit must be greater than 0.');
  return { page, limit: Math.min(limit, MAX_LIMIT) };
}

function intParam(ctx: RequestContext, name: string, fallback: number): number {
  const text = ctx.query.get(name);
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value)) throw new Cin7Error(400, `Parameter ${name} must be an integer.`);
  return value;
}

export function boolParam(ctx: RequestContext, name: string): boolean | undefined {
  const text = ctx.query.get(name)?.toLowerCase();
  if (text === undefined || text === '') return undefined;
  if (text === 'true') return true;
  if (text === 'false') return false;
  throw new Cin7Error(400, `Parameter ${name} must be true or false.`);
}

function dateParam(ctx: RequestContext, name: string): number | undefined {
  const text = ctx.query.get(name);
  if (text === undefined || text === '') return undefined;
  // Cin7 dates are UTC; a value without a zone (or a bare day) is read as UTC.
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : /[zZ]$|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Cin7Error(400, `Parameter ${name} is not a valid date.`);
  return ms;
}

export function envelope(ctx: RequestContext, listKey: string, records: JsonRecord[]) {
  const { page, limit } = paging(ctx);
  const start = (page - 1) * limit;
  return { Total: records.length, Page: page, [listKey]: records.slice(start, start + limit) };
}

export const text = (value: unknown) => String(value ?? '');
export const equalsIgnoreCase = (a: unknown, b: string) => text(a).toLowerCase() === b.toLowerCase();
export const startsWithIgnoreCase = (a: unknown, b: string) => text(a).toLowerCase().startsWith(b.toLowerCase());

export function filterBy(records: JsonRecord[], ctx: RequestContext, filters: Record<string, (r: JsonRecord, v: string) => boolean>) {
  return records.filter((record) =>
    Object.entries(filters).every(([param, matches]) => {
      const value = ctx.query.get(param);
      return value === undefined || value === '' || matches(record, value);
    }),
  );
}

export function modifiedSince(records: JsonRecord[], ctx: RequestContext, param: string, modifiedAt: (r: JsonRecord) => number) {
  const since = dateParam(ctx, param);
  return since === undefined ? records : records.filter((r) => modifiedAt(r) >= since);
}

export const lastModified = (r: JsonRecord) => Date.parse(text(r.LastModifiedOn)) || 0;
