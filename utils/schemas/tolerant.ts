import { z } from 'zod';

/** Every tolerant enum and its membership test, so `unknownEnumValues` can find them inside any schema. */
const membershipTests = new WeakMap<object, (value: string) => boolean>();

/**
 * An enum that keeps values it does not know: Xero and Cin7 add values before specs catch up, and one
 * unexpected value must never make a whole chart of accounts unreadable. Use `isKnown` to test a value, and
 * `unknownEnumValues` (unknownValues.ts) to list every unknown value of a snapshot.
 */
export function tolerantEnum<const T extends readonly string[]>(known: T) {
  const knownSet = new Set<string>(known);
  const isKnown = (value: string): value is T[number] => knownSet.has(value);
  const schema = Object.assign(z.string(), { known: known as readonly string[], isKnown });
  membershipTests.set(schema, isKnown);
  return schema;
}

/** The membership test of a schema made by `tolerantEnum`, or undefined for any other schema. */
export function tolerantEnumTest(schema: unknown): ((value: string) => boolean) | undefined {
  return typeof schema === 'object' && schema !== null ? membershipTests.get(schema) : undefined;
}

/** Optional text the APIs send as a string, null, or not at all. */
export const optionalText = z.string().nullish();

/** Numbers Cin7 sometimes sends as text (`"Percent": "10.0000000000"`, `"ComponentOrder": "1"`). */
export const numberOrText = z.union([z.number(), z.string()]).nullish();
