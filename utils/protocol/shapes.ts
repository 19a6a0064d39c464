// The shapes the protocol carries (utils/protocol/actions.ts): strict, bounded zod schemas. A finding is the
// engine's own schema (utils/schemas/finding.ts); the rest are views the background builds for the UIs.
import { z } from 'zod';
import { CONNECTION_STATES, TAB_BINDINGS } from './states';
import type { UserError } from '../net/user-error';
import { CIN7_PAGE_KINDS, findingSchema, fixLinkSchema, type Cin7PageKind } from '../schemas/finding';
import { ACCOUNT_LEVELS, POSTING_ROLES } from '../audit/effective-account';
import type { DocumentLineAudit, LinePosting } from '../audit';
import type { LockDate } from '../audit/lock-date';
import {
  TAX_RULE_FIELDS,
  TAX_RULE_RECORD_KINDS,
  TAX_RULE_SEVERITIES,
  TAX_RULE_VERDICTS,
  type TaxRuleFieldCheck,
} from '../audit/record-tax-rules';

export { findingSchema };

/** Where the key that seals the saved keys and tokens comes from (README, Security). */
export const SECRET_PROTECTIONS = ['profile', 'session', 'passphrase'] as const;

export const connectionStateSchema = z.enum(CONNECTION_STATES);
export type ConnectionState = z.infer<typeof connectionStateSchema>;

export const progressSchema = z.object({
  /** Which list is being fetched ("Xero accounts", "Cin7 products"). */
  list: z.string(),
  page: z.number(),
  pages: z.number().optional(),
  /** Set while waiting for a rate limit window. */
  waitingMs: z.number().optional(),
  message: z.string(),
  /** When the running refresh began (ISO): a refresh running for long is visibly stuck. */
  startedAt: z.string().optional(),
  /** The refresh continues one the browser stopped (its worker ended) from where it stopped. */
  resumed: z.boolean().optional(),
});
export type Progress = z.infer<typeof progressSchema>;

/** A finding as the UIs receive it: with its stable key and whether the user marked it reviewed. */
export const statusFindingSchema = findingSchema.extend({ key: z.string(), reviewed: z.boolean() });
export type StatusFinding = z.infer<typeof statusFindingSchema>;

export const summarySchema = z.object({
  errors: z.number(),
  warnings: z.number(),
  infos: z.number(),
  total: z.number(),
});

export const coverageEntrySchema = z.object({
  check: z.string(),
  label: z.string().optional(),
  ran: z.boolean(),
  reason: z.string().optional(),
});

/** An error as a user reads it, plus the raw detail for support. */
export const userErrorSchema = z.object({ message: z.string(), detail: z.string().optional() }) satisfies z.ZodType<UserError>;
export type { UserError };

/**
 * What a Cin7 Core or Xero tab says it shows (action `identifyTab`). Cin7 Core: short visible texts of the app's
 * header, one of which may be the company's name (the background compares them with the connected accounts'
 * `me.Company`); Xero: the organisation's short code and name as the page shows them.
 */
export const tabIdentitySchema = z
  .object({
    cin7Texts: z.array(z.string().max(120)).max(40).optional(),
    xeroShortCode: z.string().max(40).optional(),
    xeroOrgName: z.string().max(300).optional(),
  })
  .strict();
export type TabIdentity = z.infer<typeof tabIdentitySchema>;

/**
 * Which client a tab's page belongs to: `bound` (to the status's pair), `other-organisation` (the page shows
 * `shown`, which no pair of this app has) or `unknown-organisation` (several pairs, and the page cannot be read).
 * `connected` names this app's organisations that have a pair.
 */
export const tabStateSchema = z.object({
  state: z.enum(TAB_BINDINGS),
  app: z.enum(['cin7', 'xero']),
  shown: z.string().max(300).optional(),
  connected: z.array(z.string().max(300)).max(100),
});
export type TabState = z.infer<typeof tabStateSchema>;

/** A learned URL per Cin7 Core page kind (utils/background/learned-pages.ts). */
export const learnedPagesSchema = z.object(
  Object.fromEntries(CIN7_PAGE_KINDS.map((page) => [page, z.string().max(2000).optional()])) as Record<Cin7PageKind, z.ZodOptional<z.ZodString>>,
);

/** A mapping saved from a Cin7 tab that differs from the one before, until the user accepts or restores it. */
export const mappingChangeSchema = z.object({
  changedAt: z.string().max(40),
  /** How many roles changed (all of them; `rows` is bounded). */
  count: z.number().int().min(1),
  rows: z
    .array(z.object({ label: z.string().max(200), from: z.string().max(200).nullable(), to: z.string().max(200).nullable() }))
    .max(20),
});
export type MappingChange = z.infer<typeof mappingChangeSchema>;

export const statusSchema = z.object({
  connection: z.object({
    xero: connectionStateSchema,
    cin7: connectionStateSchema,
    /** Why Xero needs reconnecting for this pair (its organisation is no longer granted). */
    xeroReason: z.string().max(500).optional(),
  }),
  pairId: z.string().optional(),
  pairName: z.string().optional(),
  /** When the snapshot's oldest list was fetched (ISO). */
  fetchedAt: z.string().optional(),
  /** When each list was last fetched (ISO), keyed `<app>.<list>` as in the snapshot ("cin7.products"). */
  fetched: z.record(z.string().max(60), z.string().max(40)).optional(),
  /**
   * Which sales and purchases the audit covered (issue #14): those that can still sync, dated from `from` and not
   * completed. `description` says it in words for every surface; counts are what was audited.
   */
  documentWindow: z
    .object({
      from: z.string().max(40),
      description: z.string().max(500),
      sales: z.number().int().min(0),
      purchases: z.number().int().min(0),
    })
    .optional(),
  mappingReadAt: z.string().optional(),
  /** The Xero organisation's CountryCode (Organisation API), when fetched: the report writes dates in its locale. */
  xeroCountryCode: z.string().max(3).optional(),
  mappingChange: mappingChangeSchema.optional(),
  summary: summarySchema.optional(),
  findings: z.array(statusFindingSchema),
  coverage: z.array(coverageEntrySchema),
  refreshing: progressSchema.optional(),
  lastError: userErrorSchema.optional(),
  /** Cin7 Core pages without a published URL, as this pair's Cin7 account showed them in this browser. */
  cin7LearnedPages: learnedPagesSchema.optional(),
  /** Xero's remaining-calls headers of the last call, so the UI can warn when they run low. */
  xeroLimits: z.object({ minuteRemaining: z.number().optional(), dayRemaining: z.number().optional() }).optional(),
  /** For a Cin7 Core or Xero tab: which organisation it shows and whether a pair matches it. */
  tab: tabStateSchema.optional(),
});
export type Status = z.infer<typeof statusSchema>;

export const pairSchema = z.object({
  id: z.string(),
  name: z.string(),
  cin7AccountId: z.string(),
  cin7Company: z.string().optional(),
  xeroTenantId: z.string(),
  xeroTenantName: z.string().optional(),
  xeroShortCode: z.string().optional(),
});
export type Pair = z.infer<typeof pairSchema>;

export const xeroTenantSchema = z.object({ tenantId: z.string(), tenantName: z.string().optional() });

export const settingsSchema = z.object({
  refreshHours: z.number().min(1).max(168),
  /** Opt-in (issue #18): a scheduled check that finds new errors raises one browser notification per pair. */
  notify: z.boolean().optional(),
  /** Quiet hours, local time: no notification from `quietFrom` until `quietTo` (hours 0–23, may wrap midnight). */
  quietFrom: z.number().int().min(0).max(23).optional(),
  quietTo: z.number().int().min(0).max(23).optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const connectionsSchema = z.object({
  xero: z.object({
    state: connectionStateSchema,
    clientId: z.string().optional(),
    clientIdSource: z.enum(['options', 'build', 'none']),
    redirectUrl: z.string(),
    tenants: z.array(xeroTenantSchema),
    lastError: userErrorSchema.optional(),
  }),
  cin7: z.object({
    state: connectionStateSchema,
    accounts: z.array(z.object({ accountId: z.string(), company: z.string().optional() })),
    lastError: userErrorSchema.optional(),
  }),
});
export type Connections = z.infer<typeof connectionsSchema>;

const postingSchema = z.object({
  role: z.enum(POSTING_ROLES),
  /** The account code that decides, or null when no level sets one. */
  code: z.string().nullable(),
  /** Which level decided. */
  level: z.enum(ACCOUNT_LEVELS).nullable(),
  account: z
    .object({ code: z.string(), name: z.string(), type: z.string(), status: z.string().nullable() })
    .nullable(),
  /** Set when a record's own field decided and its account is wrong for this posting (the override check's words). */
  problem: z.object({ severity: z.enum(['error', 'warning']), text: z.string().max(2000) }).optional(),
});

/** One line of the document and where it posts (utils/audit's DocumentLineAudit). */
const documentLineSchema = z.object({
  where: z.string(),
  index: z.number(),
  charge: z.boolean(),
  sku: z.string().nullable(),
  productId: z.string().nullable(),
  /** Product name or description as saved (matches a row that shows no SKU). */
  name: z.string().max(500).nullable().optional(),
  postings: z.array(postingSchema),
});

export const documentResultSchema = z.object({
  found: z.boolean(),
  kind: z.enum(['sale', 'purchase']),
  id: z.string(),
  /** "Sale SO-0012 (Acme Ltd)". */
  label: z.string().optional(),
  lines: z.array(documentLineSchema),
  contactPosting: postingSchema.optional(),
  /** Xero's later lock date (period or end of year), as YYYY-MM-DD, and which one it is. */
  xeroLockDate: z.object({ day: z.string(), which: z.enum(['period', 'endOfYear']) }).nullable().optional(),
  /** Each dated invoice, credit note, bill and shipment ("invoice INV-0012", "shipment (COGS journal)"), and whether Xero's lock date refuses it. */
  datedParts: z.array(z.object({ what: z.string().max(200), day: z.string().max(10), locked: z.boolean() })).max(500).optional(),
  findings: z.array(statusFindingSchema),
  /** Set when the document could not be checked (not connected, not found, nothing fetched yet). */
  reason: z.string().optional(),
});
export type DocumentResult = z.infer<typeof documentResultSchema>;

/** A product's, customer's or supplier's tax rule fields and their verdicts (utils/audit/record-tax-rules.ts). */
export const recordTaxRulesResultSchema = z.object({
  kind: z.enum(TAX_RULE_RECORD_KINDS),
  id: z.string(),
  found: z.boolean(),
  label: z.string().optional(),
  fields: z.array(
    z.object({
      field: z.enum(TAX_RULE_FIELDS),
      fieldLabel: z.string(),
      ruleName: z.string().nullable(),
      verdict: z.enum(TAX_RULE_VERDICTS),
      severity: z.enum(TAX_RULE_SEVERITIES),
      fallback: z.string().optional(),
      explanation: z.string(),
      fix: fixLinkSchema.optional(),
    }),
  ),
  /** Set when the record could not be checked (not connected, not fetched yet). */
  reason: z.string().optional(),
});
export type RecordTaxRulesResult = z.infer<typeof recordTaxRulesResultSchema>;

/** What the Xero overlay needs beyond the findings: which accounts carry which Cin7 role, and the two lock dates. */
export const xeroPageFactsSchema = z.object({
  pairId: z.string().optional(),
  /** Accounts (by code, as mapped in Cin7 Core) with the engine role ids mapped to them. */
  mappedAccounts: z.array(z.object({ code: z.string(), roleIds: z.array(z.string()) })),
  mappingReadAt: z.string().optional(),
  /** Cin7 Core's lock date (YYYY-MM-DD), or null when unset or not fetched. */
  cin7LockDate: z.string().nullable(),
  /** Xero's later lock date from the last fetch, as the engine computes it. */
  xeroLockDate: z.object({ day: z.string(), which: z.enum(['period', 'endOfYear']) }).nullable(),
});
export type XeroPageFacts = z.infer<typeof xeroPageFactsSchema>;

export const isoDaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const lockedDocumentCountSchema = z.object({
  counted: z.boolean(),
  sales: z.number(),
  purchases: z.number(),
  /** Set when nothing could be counted (not connected, no pair, the tab's budget spent). */
  reason: z.string().optional(),
  /** A list was longer than the page cap: counted as far as read, the real numbers may be higher. */
  truncated: z.boolean().optional(),
  /** Which lists were cut short, the pages read of each, and the cap (1,000 documents a page). */
  truncatedLists: z.array(z.enum(['sales', 'purchases'])).max(2).optional(),
  pagesRead: z.object({ sales: z.number(), purchases: z.number() }).optional(),
  pageCap: z.number().optional(),
});
export type LockedDocumentCount = z.infer<typeof lockedDocumentCountSchema>;

export const featureFlagsSchema = z.object({ inventoryAccrual: z.boolean().optional(), giftCards: z.boolean().optional() });
export type FeatureFlags = z.infer<typeof featureFlagsSchema>;

/** Compile-time proof that what the engine returns is what the wire carries: a change on either side fails typecheck. */
type Sends<Engine, Wire> = Engine extends Wire ? true : never;
export const ENGINE_SHAPES_FIT: [
  Sends<LinePosting, z.input<typeof postingSchema>>,
  Sends<DocumentLineAudit, z.input<typeof documentLineSchema>>,
  Sends<TaxRuleFieldCheck, z.input<typeof recordTaxRulesResultSchema>['fields'][number]>,
  Sends<LockDate, z.input<typeof xeroPageFactsSchema>['xeroLockDate']>,
] = [true, true, true, true];
