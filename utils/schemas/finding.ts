// The engine's output contract (PRODUCT.md "Findings") as one zod schema: utils/audit/types.ts derives its types
// from it and the protocol sends it, so a finding's shape is defined once.
import { z } from 'zod';
import { SEVERITIES } from './severities';

export const FINDING_CODES = [
  'MAPPING_UNKNOWN',
  'MAPPING_MISSING',
  'MAPPING_NOT_UNIQUE',
  'ACCOUNT_NOT_FOUND',
  'ACCOUNT_ARCHIVED',
  'ACCOUNT_TYPE_MISMATCH',
  'PAYMENTS_NOT_ENABLED',
  'PAYMENTS_ENABLED',
  'SYSTEM_ACCOUNT_MAPPED',
  'ACCOUNT_WITHOUT_CODE',
  'BANK_ACCOUNT_WITHOUT_CODE',
  'TRACKED_INVENTORY',
  'BASE_CURRENCY_MISMATCH',
  'CURRENCY_NOT_ENABLED',
  'LOCK_DATE_NOT_SET',
  'LOCK_DATE_MISALIGNED',
  'DOCUMENT_IN_LOCKED_PERIOD',
  'TAX_RULE_ACCOUNT_INVALID',
  'OVERRIDE_ACCOUNT_INVALID',
  'OVERRIDE_ACCOUNT_TYPE',
  'SERVICE_PRODUCT_NO_EXPENSE_ACCOUNT',
  'RECORD_TAX_RULE_INVALID',
  'TAX_RULE_NOT_IN_XERO',
  'TAX_RATE_NOT_APPLICABLE',
] as const;

export { SEVERITIES };

export const SUBJECT_KINDS = [
  'role',
  'account',
  'item',
  'product',
  'customer',
  'supplier',
  'taxRule',
  'organisation',
  'sale',
  'purchase',
  'currency',
] as const;

/**
 * Cin7 Core pages with a menu path but no published URL (fidelity.md): a fix link to one of them names the page, so
 * the background can swap in the URL it learned when the page was last recognised in this browser.
 */
export const CIN7_PAGE_KINDS = ['accountMapping', 'chartOfAccounts', 'generalSettings'] as const;
export const cin7PageKindSchema = z.enum(CIN7_PAGE_KINDS);
export type Cin7PageKind = z.infer<typeof cin7PageKindSchema>;

export const fixLinkSchema = z.object({
  app: z.enum(['cin7', 'xero']),
  url: z.string().max(2000),
  label: z.string().max(500),
  /** The Cin7 Core page this link means, when its URL is not published: `url` is then the sourced fallback. */
  page: cin7PageKindSchema.optional(),
});

/** An account of the Xero chart that would pass every rule for a role, and why it was chosen. */
export const suggestionSchema = z.object({
  code: z.string().max(40),
  name: z.string().max(300),
  /** "Inventory type, active, name matches" */
  reason: z.string().max(300),
});

/** Where a rule's advice comes from: a Cin7 Core or Xero help article, or the seed it was built from. */
export const sourceSchema = z.object({
  label: z.string().max(300),
  url: z.string().max(2000).optional(),
});

export const findingSchema = z.object({
  code: z.enum(FINDING_CODES),
  severity: z.enum(SEVERITIES),
  subject: z.object({ kind: z.enum(SUBJECT_KINDS), key: z.string().max(500), label: z.string().max(1000) }),
  message: z.string().max(5000),
  fix: fixLinkSchema.optional(),
  /**
   * The one thing to fix that this finding describes ("account:820" when one account sits behind two roles): the
   * health score and the fix plan count a cause once, however many findings share it. Absent: the finding is its own.
   */
  cause: z.string().max(500).optional(),
  /** Accounts that would pass every rule for the role, best first (role-account findings only). */
  suggestions: z.array(suggestionSchema).max(5).optional(),
  source: sourceSchema.optional(),
});
