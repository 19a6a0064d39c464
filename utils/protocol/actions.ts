// The named actions between the content scripts / popup / options page and the background worker: each has a
// zod schema for its argument and its result, and a sender rule. No action takes a URL, and result schemas are
// plain `z.object`s, which strip unknown keys, so a secret cannot ride along by mistake.
import { z } from 'zod';
import { cin7PageKindSchema } from '../schemas/finding';
import { mappingRowSchema, mappingSchema } from '../schemas/snapshot';
import {
  connectionsSchema,
  documentResultSchema,
  featureFlagsSchema,
  isoDaySchema,
  lockedDocumentCountSchema,
  pairSchema,
  recordTaxRulesResultSchema,
  settingsSchema,
  statusSchema,
  userErrorSchema,
  xeroPageFactsSchema,
  xeroTenantSchema,
} from './shapes';

const empty = z.object({}).optional();
const ok = z.object({ ok: z.literal(true) });

/**
 * Who may send an action:
 * - `app`: a content script in a Cin7 Core or Xero tab, or one of our extension pages (popup, options);
 * - `extension`: our extension pages only (connection management, settings).
 */
export type SenderRule = 'app' | 'extension';

export interface ActionSpec {
  sender: SenderRule;
  args: z.ZodType;
  result: z.ZodType;
}

export const actions = {
  getStatus: {
    sender: 'app',
    args: z
      .object({
        host: z.enum(['cin7', 'xero']).optional(),
        xeroShortCode: z.string().max(40).optional(),
        xeroOrgName: z.string().max(300).optional(),
        cin7Company: z.string().max(300).optional(),
        pairId: z.string().max(200).optional(),
      })
      .optional(),
    result: statusSchema,
  },
  refresh: {
    sender: 'app',
    args: z.object({ pairId: z.string().max(200).optional(), full: z.boolean().optional() }).optional(),
    result: z.object({ started: z.boolean(), pairId: z.string().optional() }),
  },
  saveMapping: {
    sender: 'app',
    args: z.object({
      rows: z.array(mappingRowSchema).max(500),
      readAt: z.string().max(40),
      cin7Company: z.string().max(300).optional(),
      pairId: z.string().max(200).optional(),
    }),
    result: z.object({ saved: z.boolean(), pairId: z.string().optional() }),
  },
  /** The pair's saved mapping (read from the Account Mapping page or entered in the options), or null. */
  getMapping: {
    sender: 'app',
    args: z.object({ pairId: z.string().max(200).optional(), host: z.enum(['cin7', 'xero']).optional() }).optional(),
    result: z.object({ mapping: mappingSchema.nullable(), pairId: z.string().optional() }),
  },
  getDocument: {
    sender: 'app',
    args: z.object({
      kind: z.enum(['sale', 'purchase']),
      id: z.string().min(1).max(100),
      pairId: z.string().max(200).optional(),
    }),
    result: documentResultSchema,
  },
  /** The tax rule fields of the product, customer or supplier whose page is open, from the stored snapshot. */
  getRecordTaxRules: {
    sender: 'app',
    args: z.object({
      kind: z.enum(['product', 'customer', 'supplier']),
      id: z.string().min(1).max(100),
      pairId: z.string().max(200).optional(),
    }),
    result: recordTaxRulesResultSchema,
  },
  getXeroPageFacts: {
    sender: 'app',
    args: z
      .object({
        pairId: z.string().max(200).optional(),
        xeroShortCode: z.string().max(40).optional(),
        xeroOrgName: z.string().max(300).optional(),
      })
      .optional(),
    result: xeroPageFactsSchema,
  },
  /** Counts the pair's Cin7 sales and purchases dated (invoice date, else order date) from..to inclusive. */
  countLockedDocuments: {
    sender: 'app',
    args: z.object({ pairId: z.string().max(200).optional(), from: isoDaySchema.optional(), to: isoDaySchema }),
    result: lockedDocumentCountSchema,
  },
  /**
   * A Cin7 Core tab shows one of the pages without a published URL: the background stores the TAB's URL (never a
   * URL from the caller) for the Cin7 account of the pair bound to that tab, so fix links can use it.
   */
  pageRecognised: {
    sender: 'app',
    args: z.object({ page: cin7PageKindSchema }),
    result: z.object({ stored: z.boolean() }),
  },
  /** Content scripts cannot open extension pages; the panel's "open options" asks the background to. */
  openOptions: { sender: 'app', args: empty, result: ok },
  markReviewed: {
    sender: 'app',
    args: z.object({ findingKey: z.string().min(1).max(300), reviewed: z.boolean(), pairId: z.string().max(200).optional() }),
    result: ok,
  },

  // Extension pages only.
  getConnections: { sender: 'extension', args: empty, result: connectionsSchema },
  connectXero: {
    sender: 'extension',
    args: empty,
    result: z.object({ tenants: z.array(xeroTenantSchema) }),
  },
  disconnectXero: { sender: 'extension', args: empty, result: ok },
  setXeroClientId: {
    sender: 'extension',
    args: z.object({ clientId: z.string().max(200) }),
    result: ok,
  },
  testCin7: {
    sender: 'extension',
    /** Without keys, tests the saved ones of `accountId` (or the only saved account). */
    args: z
      .object({
        accountId: z.string().max(100).optional(),
        applicationKey: z.string().max(200).optional(),
      })
      .optional(),
    result: z.object({ ok: z.boolean(), company: z.string().optional(), error: userErrorSchema.optional() }),
  },
  saveCin7Credentials: {
    sender: 'extension',
    args: z.object({ accountId: z.string().min(1).max(100), applicationKey: z.string().min(1).max(200) }),
    result: z.object({ company: z.string().optional() }),
  },
  removeCin7Credentials: {
    sender: 'extension',
    args: z.object({ accountId: z.string().min(1).max(100) }),
    result: ok,
  },
  listPairs: {
    sender: 'extension',
    args: empty,
    result: z.object({ pairs: z.array(pairSchema), selectedPairId: z.string().optional() }),
  },
  savePair: {
    sender: 'extension',
    args: z.object({ cin7AccountId: z.string().min(1).max(100), xeroTenantId: z.string().min(1).max(100) }),
    result: pairSchema,
  },
  removePair: { sender: 'extension', args: z.object({ pairId: z.string().max(200) }), result: ok },
  selectPair: { sender: 'extension', args: z.object({ pairId: z.string().max(200) }), result: ok },
  getSettings: { sender: 'extension', args: empty, result: settingsSchema },
  /** Cin7 features that make more roles required: detected from the mapping page's rows, and declared by the user. */
  getFeatures: {
    sender: 'extension',
    args: z.object({ pairId: z.string().max(200).optional() }).optional(),
    result: z.object({ detected: featureFlagsSchema, declared: featureFlagsSchema }),
  },
  setFeatures: {
    sender: 'extension',
    args: featureFlagsSchema.extend({ pairId: z.string().max(200).optional() }),
    result: ok,
  },
  /** For support: API limits left and the last errors in words (page readers report nothing here yet). */
  getDiagnostics: {
    sender: 'extension',
    args: z.object({ pairId: z.string().max(200).optional() }).optional(),
    result: z.object({
      readers: z.array(
        z.object({ reader: z.string(), lastRunAt: z.string().optional(), url: z.string().optional(), outcome: z.string() }),
      ),
      limits: z.array(z.object({ api: z.string(), remaining: z.string() })),
      errors: z.array(z.object({ at: z.string().optional(), message: z.string(), detail: z.string().optional() })),
    }),
  },
  setSettings: { sender: 'extension', args: settingsSchema.partial(), result: settingsSchema },
} as const satisfies Record<string, ActionSpec>;

export type ActionName = keyof typeof actions;
export type ActionArgs<N extends ActionName> = z.input<(typeof actions)[N]['args']>;
export type ParsedArgs<N extends ActionName> = z.output<(typeof actions)[N]['args']>;
export type ActionResult<N extends ActionName> = z.output<(typeof actions)[N]['result']>;
