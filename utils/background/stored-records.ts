// What the pair store reads back is checked like any other input: an update that renames a finding code or changes
// a shape must not break the status. A record that no longer fits is treated as absent (the audit result is rebuilt
// from the stored snapshot on update, see upgrade.ts); nothing is thrown at a reader.
import { z } from 'zod';
import { findingSchema } from '../schemas/finding';
import { mappingSchema } from '../schemas/snapshot';
import { coverageEntrySchema, featureFlagsSchema, statusSchema, summarySchema, userErrorSchema } from '../protocol/shapes';

export const storedResultSchema = z
  .object({
    audit: z.object({ findings: z.array(findingSchema), summary: summarySchema, coverage: z.array(coverageEntrySchema) }),
    keys: z.array(z.string().max(2000)),
    auditedAt: z.string().max(40),
    attemptedAt: z.string().max(40).optional(),
    fetched: z.record(z.string(), z.string().max(40)).optional(),
    documentWindow: statusSchema.shape.documentWindow,
    xeroCountryCode: statusSchema.shape.xeroCountryCode,
    lastError: userErrorSchema.extend({ code: z.string().max(100).optional() }).optional(),
  })
  .refine((result) => result.keys.length === result.audit.findings.length, 'one key per finding');

/** The snapshot is validated when fetched and can be tens of MB: on read only its envelope is checked. */
export const storedSnapshotEnvelopeSchema = z.object({
  version: z.literal(1),
  snapshot: z.object({ cin7: z.unknown().optional(), xero: z.unknown().optional() }),
  fetched: z.record(z.string(), z.string().max(40)),
});

export const storedMappingChangeSchema = z.object({ previous: mappingSchema, changedAt: z.string().max(40) });

/** Reviewed marks of one pair the store reads back; more and the record counts as absent. */
export const MAX_STORED_REVIEWED = 100_000;
export const storedReviewedSchema = z.array(z.string().max(2000)).max(MAX_STORED_REVIEWED);
export { featureFlagsSchema as storedFeaturesSchema, mappingSchema as storedMappingSchema };

/** The record if it still fits its schema, else undefined. */
export function readRecord<T>(schema: z.ZodType<T>, raw: unknown): T | undefined {
  if (raw === undefined) return undefined;
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
