// The audit snapshot (PRODUCT.md): raw API JSON, no renaming, so a real payload can be dropped in.
// Every list may be absent; the engine audits what it has and reports what it could not check.
import { z } from 'zod';
import {
  cin7AccountSchema,
  cin7CustomerSchema,
  cin7MeSchema,
  cin7ProductSchema,
  cin7PurchaseSchema,
  cin7SaleSchema,
  cin7SupplierSchema,
  cin7TaxRuleSchema,
} from './cin7';
import {
  xeroAccountSchema,
  xeroCurrencySchema,
  xeroItemSchema,
  xeroOrganisationSchema,
  xeroTaxRateSchema,
  xeroTrackingCategorySchema,
} from './xero';
import { compileFastCheck } from './fastCheck';
import { describeFirstIssue } from './issues';

export const mappingRowSchema = z.looseObject({
  label: z.string(),
  /** The account as the page shows it: "1400", "1400: Inventory", "1400 - Inventory", or "" when unmapped. */
  account: z.string().nullish(),
});
export type MappingRow = z.infer<typeof mappingRowSchema>;

export const mappingSchema = z.looseObject({
  readAt: z.string(),
  rows: z.array(mappingRowSchema),
});
export type Mapping = z.infer<typeof mappingSchema>;

export const featuresSchema = z.looseObject({
  inventoryAccrual: z.boolean().optional(),
  giftCards: z.boolean().optional(),
});
export type Features = z.infer<typeof featuresSchema>;

export const snapshotSchema = z.looseObject({
  cin7: z
    .looseObject({
      me: cin7MeSchema.nullish(),
      accounts: z.array(cin7AccountSchema).optional(),
      taxRules: z.array(cin7TaxRuleSchema).optional(),
      products: z.array(cin7ProductSchema).optional(),
      customers: z.array(cin7CustomerSchema).optional(),
      suppliers: z.array(cin7SupplierSchema).optional(),
      /** Sales and purchases to check against lock dates (optional extension of PRODUCT.md's format). */
      sales: z.array(cin7SaleSchema).optional(),
      purchases: z.array(cin7PurchaseSchema).optional(),
      mapping: mappingSchema.nullish(),
      features: featuresSchema.optional(),
    })
    .optional(),
  xero: z
    .looseObject({
      organisation: xeroOrganisationSchema.nullish(),
      accounts: z.array(xeroAccountSchema).optional(),
      items: z.array(xeroItemSchema).optional(),
      trackingCategories: z.array(xeroTrackingCategorySchema).optional(),
      currencies: z.array(xeroCurrencySchema).optional(),
      taxRates: z.array(xeroTaxRateSchema).optional(),
    })
    .optional(),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

export class SnapshotError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'SnapshotError';
  }
}

// Built once: a valid snapshot is checked without copying its records (see fastCheck.ts).
const snapshotIsValidAsIs = compileFastCheck(snapshotSchema);

/**
 * Validates a snapshot; on failure throws one clear error naming the first offending field's path, e.g.
 * `xero.accounts: expected an array, received an object` or `cin7.products.3.SKU: expected a string, received nothing`.
 * A valid snapshot is returned as is (the same object, not a copy), so parsing 200,000 products stays cheap.
 */
export function parseSnapshot(input: unknown): Snapshot {
  if (snapshotIsValidAsIs?.(input)) return input as Snapshot;
  const result = snapshotSchema.safeParse(input);
  if (result.success) return result.data;
  const { path, message } = describeFirstIssue(result.error, input, 'snapshot');
  throw new SnapshotError(message, path);
}
