// Compact projections: keep only the fields our zod schemas declare (the fields the engine reads), so a snapshot of
// a 200,000-product account stays small in IndexedDB. Nested objects and arrays of objects are projected the same way.
import { z } from 'zod';

type Shape = Record<string, z.ZodType>;

/** The object shape behind optional/nullable/array wrappers, if the schema is (or wraps) an object. */
function unwrap(schema: z.ZodType): { kind: 'object'; shape: Shape } | { kind: 'array'; element: z.ZodType } | null {
  let current: z.ZodType = schema;
  for (let depth = 0; depth < 8; depth++) {
    if (current instanceof z.ZodObject) return { kind: 'object', shape: current.shape as Shape };
    if (current instanceof z.ZodArray) return { kind: 'array', element: current.element as z.ZodType };
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable) {
      current = current.unwrap() as z.ZodType;
      continue;
    }
    return null;
  }
  return null;
}

/** A copy of `value` holding only what `schema` declares. Values outside the declared shape are dropped. */
export function project<T>(schema: z.ZodType<T>, value: T): T {
  return projectValue(schema, value) as T;
}

function projectValue(schema: z.ZodType, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  const inner = unwrap(schema);
  if (!inner) return value;
  if (inner.kind === 'array') return Array.isArray(value) ? value.map((item) => projectValue(inner.element, item)) : value;
  if (typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, fieldSchema] of Object.entries(inner.shape)) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined) out[key] = projectValue(fieldSchema, field);
  }
  return out;
}
