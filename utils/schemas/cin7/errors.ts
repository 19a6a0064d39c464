// Cin7 Core's error model as the API sends it: `{ ErrorCode, Exception }`, sometimes with HTTP 200 and sometimes
// wrapped in a list.
import { z } from 'zod';
import { optionalText } from '../tolerant';

/** Cin7's error model, sometimes sent with HTTP 200 and sometimes wrapped in a list. */
export const cin7ErrorSchema = z.looseObject({ ErrorCode: z.number(), Exception: optionalText });
export type Cin7Error = z.infer<typeof cin7ErrorSchema>;

/** The error model as Cin7 sends it: bare, or as the first item of a list. */
export const cin7ErrorBodySchema = z.union([cin7ErrorSchema, z.array(cin7ErrorSchema).min(1)]);

/** The Cin7 error a response body carries (top level or first list item), or null when it is not an error. */
export function readCin7Error(body: unknown): Cin7Error | null {
  const result = cin7ErrorBodySchema.safeParse(body);
  if (!result.success) return null;
  return Array.isArray(result.data) ? (result.data[0] ?? null) : result.data;
}
