// A fast path for big snapshots. zod builds a new object for every record it parses (a 200,000-product list costs
// about as much as a JSON round trip); when a payload is valid as it is, a plain predicate over the same schema
// answers in a fraction of that time and the input can be used unchanged. The predicate must accept exactly what
// zod accepts without changing it; schemas it cannot mirror (refinements, transforms, strip/strict objects…) get
// no fast path, and callers fall back to zod, which also words the errors.
import type { z } from 'zod';

export type FastCheck = (value: unknown) => boolean;

interface Def {
  type: string;
  checks?: readonly unknown[];
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  options?: readonly z.ZodType[];
}
const defOf = (schema: z.ZodType): Def => (schema as unknown as { def: Def }).def;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const compiled = new WeakMap<z.ZodType, FastCheck | null>();

/** A predicate equivalent to `schema.safeParse(value).success` for values zod returns unchanged, or null. */
export function compileFastCheck(schema: z.ZodType): FastCheck | null {
  if (compiled.has(schema)) return compiled.get(schema) ?? null;
  const check = build(schema);
  compiled.set(schema, check);
  return check;
}

function build(schema: z.ZodType): FastCheck | null {
  const def = defOf(schema);
  if (def.checks && def.checks.length > 0) return null; // refinements such as .min(1)
  switch (def.type) {
    case 'string':
      return (value) => typeof value === 'string';
    case 'number':
      return (value) => typeof value === 'number' && Number.isFinite(value); // zod 4 rejects NaN and ±Infinity
    case 'boolean':
      return (value) => typeof value === 'boolean';
    case 'unknown':
    case 'any':
      return () => true;
    case 'optional': {
      const inner = def.innerType && compileFastCheck(def.innerType);
      return inner ? (value) => value === undefined || inner(value) : null;
    }
    case 'nullable': {
      const inner = def.innerType && compileFastCheck(def.innerType);
      return inner ? (value) => value === null || inner(value) : null;
    }
    case 'array': {
      const element = def.element && compileFastCheck(def.element);
      if (!element) return null;
      return (value) => {
        if (!Array.isArray(value)) return false;
        for (let index = 0; index < value.length; index += 1) if (!element(value[index])) return false;
        return true;
      };
    }
    case 'union': {
      const options = (def.options ?? []).map((option) => compileFastCheck(option));
      if (options.length === 0 || options.some((option) => option === null)) return null;
      const checks = options as FastCheck[];
      return (value) => checks.some((option) => option(value));
    }
    case 'object':
      return buildLooseObject(def);
    default:
      return null;
  }
}

/** Only loose objects: their output keeps unknown keys, so a valid input is already the output. */
function buildLooseObject(def: Def): FastCheck | null {
  if (!def.catchall || defOf(def.catchall).type !== 'unknown') return null;
  const fields: [string, FastCheck][] = [];
  for (const [key, field] of Object.entries(def.shape ?? {})) {
    const check = compileFastCheck(field);
    if (!check) return null;
    fields.push([key, check]);
  }
  return (value) => {
    if (!isRecord(value)) return false;
    for (const [key, check] of fields) if (!check(value[key])) return false;
    return true;
  };
}
