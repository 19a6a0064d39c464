// The named actions between the content scripts / popup / options page and the background worker: each has a
// zod schema for its argument and its result, and a sender rule. No action takes a URL, and result schemas are
// plain `z.object`s, which strip unknown keys, so a secret cannot ride along by mistake.
import { z } from 'zod';
import type { AppId } from '../apps';
import { cin7PageKindSchema } from '../schemas/finding';
import { mappingSchema } from '../schemas/snapshot';
import { SECRET_PROTECTIONS } from './shapes';
import { practiceActions } from './practice-actions';
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
  tabIdentitySchema,
  tabStateSchema,
  userErrorSchema,
  xeroPageFactsSchema,
  xeroTenantSchema,
} from './shapes';

const empty = z.strictObject({}).optional();
/** Shorter passphrases are guessed quickly even with PBKDF2's iterations. */
export const MIN_PASSPHRASE = 10;
const ok = z.object({ ok: z.literal(true) });

/** Cin7 Core's Account Mapping page has a few dozen roles: far more rows, or long texts, are not a mapping. */
const MAX_MAPPING_ROWS = 200;
/** One failed row's message (the page feature reads no longer texts as one message). */
export const MAX_SYNC_ERROR_TEXT = 2000;
/** Messages per report; the page sends only those it has not sent before. */
export const MAX_SYNC_ERRORS_SENT = 50;
/** Messages kept per pair: the newest win. */
export const MAX_SYNC_ERRORS_KEPT = 200;

const mappingRowArgsSchema = z.strictObject({ label: z.string().trim().min(1).max(200), account: z.string().max(200).nullish() });

/**
 * Who may send an action:
 * - `app`: a content script in a Cin7 Core or Xero tab, or one of our extension pages (popup, options);
 * - `extension`: our extension pages only (connection management, settings).
 */
export type SenderRule = 'app' | 'extension';

export interface ActionSpec {
  sender: SenderRule;
  /** For `app` actions: the only apps whose content scripts may send it (every app when absent). */
  apps?: readonly AppId[];
  args: z.ZodType;
  result: z.ZodType;
}

export const actions = {
  /**
   * A Cin7 Core or Xero tab says which organisation it shows; the background binds the tab (from the sender, never
   * from arguments) to the pair that matches. Content scripts only.
   */
  identifyTab: { sender: 'app', args: tabIdentitySchema, result: z.object({ pairId: z.string().optional(), tab: tabStateSchema.optional() }) },
  /** A tab's first message (overlay/early-status.ts): `identifyTab`, then the tab's `getStatus`, in one round trip. */
  identifyTabWithStatus: { sender: 'app', args: tabIdentitySchema, result: statusSchema },
  /** The tab's start script drew the counts (overlay/start-script.ts): inject the overlay's bundle into its frame. */
  loadOverlay: { sender: 'app', args: empty, result: ok },
  /**
   * `pairId` is for extension pages: a content script's pair is its tab's binding, whatever it sends (so are those
   * of every action below). `host` is the popup's hint and changes nothing.
   */
  getStatus: {
    sender: 'app',
    args: z
      .strictObject({
        host: z.enum(['cin7', 'xero']).optional(),
        pairId: z.string().max(200).optional(),
        /** The popup's active tab: its pair is the one shown, when the tab is bound (extension pages only). */
        tabId: z.number().int().nonnegative().max(2 ** 31).optional(),
      })
      .optional(),
    result: statusSchema,
  },
  refresh: {
    sender: 'app',
    args: z.strictObject({ pairId: z.string().max(200).optional(), full: z.boolean().optional() }).optional(),
    /**
     * `started`: this request started a refresh. Otherwise `joined` (one was running: this request is part of it) or
     * `queued` (a full refresh will follow the running incremental one), with `runningSince` (ISO).
     */
    result: z.object({
      started: z.boolean(),
      pairId: z.string().optional(),
      joined: z.boolean().optional(),
      queued: z.boolean().optional(),
      runningSince: z.string().optional(),
    }),
  },
  /** The Account Mapping page is Cin7 Core's: a Xero tab has no mapping to save. */
  saveMapping: {
    sender: 'app',
    apps: ['cin7'],
    args: z.strictObject({
      rows: z.array(mappingRowArgsSchema).max(MAX_MAPPING_ROWS),
      readAt: z.string().max(40),
      pairId: z.string().max(200).optional(),
    }),
    result: z.object({ saved: z.boolean(), pairId: z.string().optional() }),
  },
  /** The pair's saved mapping (read from the Account Mapping page or entered in the options), or null. */
  getMapping: {
    sender: 'app',
    args: z.strictObject({ pairId: z.string().max(200).optional(), host: z.enum(['cin7', 'xero']).optional() }).optional(),
    result: z.object({ mapping: mappingSchema.nullable(), pairId: z.string().optional() }),
  },
  getDocument: {
    sender: 'app',
    args: z.strictObject({
      kind: z.enum(['sale', 'purchase']),
      id: z.string().min(1).max(100),
      pairId: z.string().max(200).optional(),
    }),
    result: documentResultSchema,
  },
  /** The tax rule fields of the product, customer or supplier whose page is open, from the stored snapshot. */
  getRecordTaxRules: {
    sender: 'app',
    args: z.strictObject({
      kind: z.enum(['product', 'customer', 'supplier']),
      id: z.string().min(1).max(100),
      pairId: z.string().max(200).optional(),
    }),
    result: recordTaxRulesResultSchema,
  },
  getXeroPageFacts: {
    sender: 'app',
    args: z.strictObject({ pairId: z.string().max(200).optional() }).optional(),
    result: xeroPageFactsSchema,
  },
  /** Counts the pair's Cin7 sales and purchases dated (invoice date, else order date) from..to inclusive. */
  countLockedDocuments: {
    sender: 'app',
    args: z.strictObject({ pairId: z.string().max(200).optional(), from: isoDaySchema.optional(), to: isoDaySchema }),
    result: lockedDocumentCountSchema,
  },
  /**
   * A Cin7 Core tab shows one of the pages without a published URL: the background stores the TAB's URL (never a
   * URL from the caller) for the Cin7 account of the pair bound to that tab, so fix links can use it.
   */
  pageRecognised: {
    sender: 'app',
    apps: ['cin7'],
    args: z.strictObject({ page: cin7PageKindSchema }),
    result: z.object({ stored: z.boolean() }),
  },
  /**
   * A Cin7 Core tab saw failed-sync messages: the background keeps them (session storage, bounded) for the pair bound
   * to THAT tab, and only those the explainer recognises. Cin7 content scripts only; an unbound tab stores nothing.
   */
  reportSyncErrors: {
    sender: 'app',
    apps: ['cin7'],
    args: z.strictObject({ messages: z.array(z.string().trim().min(1).max(MAX_SYNC_ERROR_TEXT)).min(1).max(MAX_SYNC_ERRORS_SENT) }),
    result: z.object({ stored: z.number().int().nonnegative() }),
  },
  /** The failed-sync messages seen on Cin7 Core pages of the pair this browser session (newest last). */
  getSyncErrors: {
    sender: 'extension',
    args: z.strictObject({ pairId: z.string().max(200).optional(), tabId: z.number().int().nonnegative().max(2 ** 31).optional() }).optional(),
    result: z.object({ pairId: z.string().optional(), messages: z.array(z.string().max(MAX_SYNC_ERROR_TEXT)).max(MAX_SYNC_ERRORS_KEPT) }),
  },
  /** Content scripts cannot open extension pages; the panel's "open options" asks the background to. */
  openOptions: { sender: 'app', args: empty, result: ok },
  markReviewed: {
    sender: 'app',
    args: z.strictObject({ findingKey: z.string().min(1).max(300), reviewed: z.boolean(), pairId: z.string().max(200).optional() }),
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
    args: z.strictObject({ clientId: z.string().max(200) }),
    result: ok,
  },
  testCin7: {
    sender: 'extension',
    /** Without keys, tests the saved ones of `accountId` (or the only saved account). */
    args: z
      .strictObject({
        accountId: z.string().max(100).optional(),
        applicationKey: z.string().max(200).optional(),
      })
      .optional(),
    result: z.object({ ok: z.boolean(), company: z.string().optional(), error: userErrorSchema.optional() }),
  },
  saveCin7Credentials: {
    sender: 'extension',
    args: z.strictObject({ accountId: z.string().min(1).max(100), applicationKey: z.string().min(1).max(200) }),
    result: z.object({ company: z.string().optional() }),
  },
  removeCin7Credentials: {
    sender: 'extension',
    args: z.strictObject({ accountId: z.string().min(1).max(100) }),
    result: ok,
  },
  /** Where the key sealing the saved keys and tokens comes from (utils/background/secret-keys.ts). */
  getSecretProtection: {
    sender: 'extension',
    args: empty,
    result: z.object({ mode: z.enum(SECRET_PROTECTIONS), locked: z.boolean() }),
  },
  setSecretProtection: {
    sender: 'extension',
    args: z
      .strictObject({ mode: z.enum(SECRET_PROTECTIONS), passphrase: z.string().min(MIN_PASSPHRASE).max(200).optional() })
      .refine((args) => args.mode !== 'passphrase' || args.passphrase !== undefined, 'a passphrase is needed'),
    result: ok,
  },
  unlockSecrets: {
    sender: 'extension',
    args: z.strictObject({ passphrase: z.string().min(1).max(200) }),
    result: z.object({ unlocked: z.boolean() }),
  },
  listPairs: {
    sender: 'extension',
    args: empty,
    result: z.object({ pairs: z.array(pairSchema), selectedPairId: z.string().optional() }),
  },
  savePair: {
    sender: 'extension',
    args: z.strictObject({ cin7AccountId: z.string().min(1).max(100), xeroTenantId: z.string().min(1).max(100) }),
    result: pairSchema,
  },
  removePair: { sender: 'extension', args: z.strictObject({ pairId: z.string().max(200) }), result: ok },
  selectPair: { sender: 'extension', args: z.strictObject({ pairId: z.string().max(200) }), result: ok },
  getSettings: { sender: 'extension', args: empty, result: settingsSchema },
  /** Cin7 features that make more roles required: detected from the mapping page's rows, and declared by the user. */
  getFeatures: {
    sender: 'extension',
    args: z.strictObject({ pairId: z.string().max(200).optional() }).optional(),
    result: z.object({ detected: featureFlagsSchema, declared: featureFlagsSchema }),
  },
  setFeatures: {
    sender: 'extension',
    args: featureFlagsSchema.extend({ pairId: z.string().max(200).optional() }).strict(),
    result: ok,
  },
  /** For support: API limits left and the last errors in words (page readers report nothing here yet). */
  getDiagnostics: {
    sender: 'extension',
    args: z.strictObject({ pairId: z.string().max(200).optional() }).optional(),
    result: z.object({
      readers: z.array(
        z.object({ reader: z.string(), lastRunAt: z.string().optional(), url: z.string().optional(), outcome: z.string() }),
      ),
      limits: z.array(z.object({ api: z.string(), remaining: z.string() })),
      errors: z.array(z.object({ at: z.string().optional(), message: z.string(), detail: z.string().optional() })),
    }),
  },
  setSettings: { sender: 'extension', args: settingsSchema.partial().strict(), result: settingsSchema },
  /** The user keeps the changed mapping (the status's `mappingChange`): the previous one is forgotten. */
  acceptMappingChange: { sender: 'extension', args: z.strictObject({ pairId: z.string().max(200).optional() }).optional(), result: ok },
  /** The user puts the mapping before the change back (and the pair is audited with it again). */
  restorePreviousMapping: {
    sender: 'extension',
    args: z.strictObject({ pairId: z.string().max(200).optional() }).optional(),
    result: z.object({ restored: z.boolean() }),
  },

  ...practiceActions,
} as const satisfies Record<string, ActionSpec>;

export type ActionName = keyof typeof actions;
export type ActionArgs<N extends ActionName> = z.input<(typeof actions)[N]['args']>;
export type ParsedArgs<N extends ActionName> = z.output<(typeof actions)[N]['args']>;
export type ActionResult<N extends ActionName> = z.output<(typeof actions)[N]['result']>;

/** The options page's connections area: Xero sign-in, Cin7 Core keys and how saved keys are protected. */
export type ConnectionActionName =
  | 'getConnections'
  | 'connectXero'
  | 'disconnectXero'
  | 'setXeroClientId'
  | 'testCin7'
  | 'saveCin7Credentials'
  | 'removeCin7Credentials'
  | 'getSecretProtection'
  | 'setSecretProtection'
  | 'unlockSecrets';
