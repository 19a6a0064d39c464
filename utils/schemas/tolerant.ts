import { z } from 'zod';

/**
 * An enum that keeps values it does not know: Xero and Cin7 add values before specs catch up, and one
 * unexpected value must never make a whole chart of accounts unreadable. Use `isKnown` to report it.
 */
export function tolerantEnum<const T extends readonly string[]>(known: T) {
  const knownSet = new Set<string>(known);
  const schema = z.string();
  return Object.assign(schema, {
    known,
    isKnown: (value: string): value is T[number] => knownSet.has(value),
  });
}

/** Optional text the APIs send as a string, null, or not at all. */
export const optionalText = z.string().nullish();
