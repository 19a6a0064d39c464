// Lists the enum values a payload carries that our vocabulary does not know (tolerant enums keep them), so the
// UI and the CLI can mention them ("Xero sent account type PAYGLIABILITY, which this version does not know").
import type { z } from 'zod';
import { snapshotSchema, type Snapshot } from './snapshot';
import { tolerantEnumTest } from './tolerant';

export interface UnknownEnumValue {
  /** Dotted path from the snapshot root, e.g. `xero.accounts.3.Type`. */
  path: string;
  value: string;
}

/** The parts of zod 4's schema definitions the walk needs (zod's public `def`). */
interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: readonly z.ZodType[];
  in?: z.ZodType;
}
const defOf = (schema: z.ZodType): SchemaDef => (schema as unknown as { def: SchemaDef }).def;

function childrenOf(schema: z.ZodType): z.ZodType[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return Object.values(def.shape ?? {});
    case 'array':
      return def.element ? [def.element] : [];
    case 'union':
      return [...(def.options ?? [])];
    case 'pipe':
      return def.in ? [def.in] : [];
    default:
      return def.innerType ? [def.innerType] : [];
  }
}

// Memoised per schema so that a 200,000-product list whose item schema has no tolerant enum is skipped whole.
const holdsTolerantEnum = new WeakMap<z.ZodType, boolean>();
function containsTolerantEnum(schema: z.ZodType): boolean {
  const cached = holdsTolerantEnum.get(schema);
  if (cached !== undefined) return cached;
  holdsTolerantEnum.set(schema, false); // guards against cycles while the answer is computed
  const answer = tolerantEnumTest(schema) !== undefined || childrenOf(schema).some(containsTolerantEnum);
  holdsTolerantEnum.set(schema, answer);
  return answer;
}

function walk(schema: z.ZodType, value: unknown, path: string, found: Map<string, UnknownEnumValue>): void {
  if (value === undefined || value === null || !containsTolerantEnum(schema)) return;
  const isKnown = tolerantEnumTest(schema);
  if (isKnown) {
    // "" is how Xero says "none" (e.g. SystemAccount on a normal account): absent, not unknown.
    if (typeof value === 'string' && value !== '' && !isKnown(value)) found.set(`${path}\u0000${value}`, { path, value });
    return;
  }
  const def = defOf(schema);
  const join = (key: string | number) => (path ? `${path}.${key}` : String(key));
  if (def.type === 'object') {
    if (typeof value !== 'object' || Array.isArray(value)) return;
    const record = value as Record<string, unknown>;
    for (const [key, child] of Object.entries(def.shape ?? {})) walk(child, record[key], join(key), found);
  } else if (def.type === 'array') {
    if (!Array.isArray(value) || !def.element) return;
    for (let index = 0; index < value.length; index += 1) walk(def.element, value[index], join(index), found);
  } else {
    // Wrappers (optional, nullable, default, pipe…) and unions: the same value, read by each inner schema.
    for (const child of childrenOf(schema)) walk(child, value, path, found);
  }
}

/** Unknown enum values in `data` read against `schema`; paths start at `basePath` (e.g. "xero.accounts"). */
export function findUnknownEnumValues(schema: z.ZodType, data: unknown, basePath = ''): UnknownEnumValue[] {
  const found = new Map<string, UnknownEnumValue>();
  walk(schema, data, basePath, found);
  return [...found.values()];
}

/** Every value of a parsed snapshot that lies outside Xero's published vocabulary, in schema order (organisation, then lists). */
export function unknownEnumValues(snapshot: Snapshot): UnknownEnumValue[] {
  return findUnknownEnumValues(snapshotSchema, snapshot);
}
