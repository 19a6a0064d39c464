// The typed protocol between the content scripts / popup / options page and the background worker.
// Named actions only: each has a zod schema for its argument and its result, and a sender rule. No action takes a
// URL, and result schemas are plain `z.object`s, which strip unknown keys, so a secret cannot ride along by mistake.
import { z } from 'zod';
import { browser, type Browser } from 'wxt/browser';
import { FINDING_CODES } from './audit/types';
import { mappingRowSchema, mappingSchema } from './schemas/snapshot';

/** Origins of the two web apps our content scripts run on. */
export const APP_ORIGINS = {
  cin7: 'https://inventory.dearsystems.com',
  xero: 'https://go.xero.com',
} as const;

// ---------------------------------------------------------------------------------------------------------------
// Shared shapes

export const connectionStateSchema = z.enum(['connected', 'not-connected', 'reconnect-needed']);
export type ConnectionState = z.infer<typeof connectionStateSchema>;

export const progressSchema = z.object({
  /** Which list is being fetched ("Xero accounts", "Cin7 products"). */
  list: z.string(),
  page: z.number(),
  pages: z.number().optional(),
  /** Set while waiting for a rate limit window. */
  waitingMs: z.number().optional(),
  message: z.string(),
});
export type Progress = z.infer<typeof progressSchema>;

export const findingSchema = z.object({
  code: z.enum(FINDING_CODES),
  severity: z.enum(['error', 'warning', 'info']),
  subject: z.object({ kind: z.string(), key: z.string(), label: z.string() }),
  message: z.string(),
  fix: z.object({ app: z.enum(['cin7', 'xero']), url: z.string(), label: z.string() }).optional(),
});

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
export const userErrorSchema = z.object({ message: z.string(), detail: z.string().optional() });
export type UserError = z.infer<typeof userErrorSchema>;

export const statusSchema = z.object({
  connection: z.object({ xero: connectionStateSchema, cin7: connectionStateSchema }),
  pairId: z.string().optional(),
  pairName: z.string().optional(),
  /** When the snapshot's oldest list was fetched (ISO). */
  fetchedAt: z.string().optional(),
  mappingReadAt: z.string().optional(),
  summary: summarySchema.optional(),
  findings: z.array(statusFindingSchema),
  coverage: z.array(coverageEntrySchema),
  refreshing: progressSchema.optional(),
  lastError: userErrorSchema.optional(),
  /** Xero's remaining-calls headers of the last call, so the UI can warn when they run low. */
  xeroLimits: z.object({ minuteRemaining: z.number().optional(), dayRemaining: z.number().optional() }).optional(),
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

export const settingsSchema = z.object({ refreshHours: z.number().min(1).max(168) });
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
  /** defaultRevenue | cogs | inventoryControl | serviceExpense | accountsReceivable | accountsPayable */
  role: z.string(),
  /** The account code that decides, or null when no level sets one. */
  code: z.string().nullable(),
  /** Which level decided: line | product | header | contact | default. */
  level: z.string().nullable(),
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
  kind: z.enum(['product', 'customer', 'supplier']),
  id: z.string(),
  found: z.boolean(),
  label: z.string().optional(),
  fields: z.array(
    z.object({
      field: z.enum(['SaleTaxRule', 'PurchaseTaxRule', 'TaxRule']),
      fieldLabel: z.string(),
      ruleName: z.string().nullable(),
      verdict: z.enum(['ok', 'notSet', 'unknown', 'inactive', 'wrongUse', 'accountInvalid', 'xeroTaxRateInactive', 'unchecked']),
      severity: z.enum(['ok', 'info', 'warning', 'error']),
      fallback: z.string().optional(),
      explanation: z.string(),
      fix: findingSchema.shape.fix,
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

const isoDaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const lockedDocumentCountSchema = z.object({
  counted: z.boolean(),
  sales: z.number(),
  purchases: z.number(),
  /** Set when nothing could be counted (not connected, no pair). */
  reason: z.string().optional(),
});
export type LockedDocumentCount = z.infer<typeof lockedDocumentCountSchema>;

const empty = z.object({}).optional();
const featureFlagsSchema = z.object({ inventoryAccrual: z.boolean().optional(), giftCards: z.boolean().optional() });
export type FeatureFlags = z.infer<typeof featureFlagsSchema>;
const ok = z.object({ ok: z.literal(true) });

// ---------------------------------------------------------------------------------------------------------------
// The actions

/**
 * Who may send an action:
 * - `app`: a content script in a Cin7 Core or Xero tab, or one of our extension pages (popup, options);
 * - `extension`: our extension pages only (connection management, settings).
 */
export type SenderRule = 'app' | 'extension';

interface ActionSpec {
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

// ---------------------------------------------------------------------------------------------------------------
// Wire format

const requestSchema = z.object({ mgAction: z.string(), args: z.unknown().optional() });
const replySchema = z.union([
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: userErrorSchema.extend({ code: z.string().optional() }) }),
]);
type Reply = z.infer<typeof replySchema>;

/** The background's answer was an error; `message` is for the user, `detail` for support. */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly detail?: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ActionError';
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Client side (content scripts, popup, options)

/** Sends a named action to the background and returns its validated result, or throws an `ActionError`. */
export async function sendAction<N extends ActionName>(
  name: N,
  ...[args]: undefined extends ActionArgs<N> ? [args?: ActionArgs<N>] : [args: ActionArgs<N>]
): Promise<ActionResult<N>> {
  const raw: unknown = await browser.runtime.sendMessage({ mgAction: name, args });
  const reply = replySchema.safeParse(raw);
  if (!reply.success) throw new ActionError('Mapping Guard’s background did not answer.', JSON.stringify(raw));
  if (!reply.data.ok) throw new ActionError(reply.data.error.message, reply.data.error.detail, reply.data.error.code);
  return actions[name].result.parse(reply.data.result) as ActionResult<N>;
}

/** Event the background broadcasts when a pair's status changed (refresh progress, new findings, connection). */
export const statusChangedSchema = z.object({
  mgEvent: z.literal('statusChanged'),
  pairId: z.string().optional(),
  refreshing: progressSchema.optional(),
});
export type StatusChanged = z.infer<typeof statusChangedSchema>;

/** Calls `listener` with each message from this extension that `schema` accepts; returns the unsubscribe function. */
function onBackgroundEvent<T>(schema: z.ZodType<T>, listener: (event: T) => void): () => void {
  const handler = (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return;
    const event = schema.safeParse(message);
    if (event.success) listener(event.data);
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}

/** Calls `listener` on each `statusChanged` broadcast from the background; returns the unsubscribe function. */
export function onStatusChanged(listener: (event: StatusChanged) => void): () => void {
  return onBackgroundEvent(statusChangedSchema, listener);
}

/** Event the background sends to the active app tab when the user presses the panel shortcut (manifest commands). */
export const togglePanelSchema = z.object({ mgEvent: z.literal('togglePanel') });
export const TOGGLE_PANEL_COMMAND = 'toggle-panel';

/** Calls `listener` when the background relays the panel shortcut to this tab; returns the unsubscribe function. */
export function onTogglePanel(listener: () => void): () => void {
  return onBackgroundEvent(togglePanelSchema, () => listener());
}

// ---------------------------------------------------------------------------------------------------------------
// Background side

export type CallerKind = 'content' | 'extension';

export interface ActionContext {
  caller: CallerKind;
  /** The tab of a content-script caller, to remember which pair that tab shows. */
  tabId?: number;
  /** Which app a content-script caller runs in. */
  app?: 'cin7' | 'xero';
}

export type ActionHandlers = {
  [N in ActionName]: (args: ParsedArgs<N>, context: ActionContext) => Promise<ActionResult<N>> | ActionResult<N>;
};

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * Classifies a message's sender: `sender.id` first, then an extension page (its URL under our own origin and no
 * other origin claimed), then a content script in a tab of one of the two apps. Anything else is refused.
 */
export function classifySender(
  sender: Browser.runtime.MessageSender,
): { caller: CallerKind; app?: 'cin7' | 'xero'; tabId?: number } | null {
  if (!sender.id || sender.id !== browser.runtime.id) return null;
  const extensionOrigin = originOf(browser.runtime.getURL('/'));
  const urlOrigin = originOf(sender.url);
  const claimedOrigin = sender.origin ?? urlOrigin;
  if (urlOrigin && urlOrigin === extensionOrigin && claimedOrigin === extensionOrigin) return { caller: 'extension' };
  if (sender.tab?.id === undefined || !urlOrigin || claimedOrigin !== urlOrigin) return null;
  const app = (Object.keys(APP_ORIGINS) as ('cin7' | 'xero')[]).find((key) => APP_ORIGINS[key] === urlOrigin);
  return app ? { caller: 'content', app, tabId: sender.tab.id } : null;
}

/** Converts any thrown value into the user sentence + support detail sent back to the caller. */
export type ErrorDescriber = (error: unknown) => UserError & { code?: string };

const describeUnknown: ErrorDescriber = (error) => ({
  message: 'Something went wrong in Mapping Guard.',
  detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
});

async function dispatch(
  handlers: ActionHandlers,
  message: unknown,
  sender: Browser.runtime.MessageSender,
  describe: ErrorDescriber,
): Promise<Reply | undefined> {
  const request = requestSchema.safeParse(message);
  if (!request.success) return undefined; // Not ours (e.g. a broadcast): let other listeners answer.
  const refuse = (message: string, code: string): Reply => ({ ok: false, error: { message, code } });
  const name = request.data.mgAction;
  if (!Object.hasOwn(actions, name)) return refuse('Unknown action.', 'unknown-action');
  const action = name as ActionName;
  const spec: ActionSpec = actions[action];
  const who = classifySender(sender);
  if (!who) return refuse('Message refused: unknown sender.', 'forbidden');
  if (spec.sender === 'extension' && who.caller !== 'extension') {
    return refuse('Message refused: only the extension’s own pages may do this.', 'forbidden');
  }
  const args = spec.args.safeParse(request.data.args);
  if (!args.success) return refuse('Message refused: invalid arguments.', 'invalid-args');
  try {
    const handler = handlers[action] as (args: unknown, context: ActionContext) => unknown;
    const result: unknown = await handler(args.data, { caller: who.caller, tabId: who.tabId, app: who.app });
    return { ok: true, result: spec.result.parse(result) };
  } catch (error) {
    const described = describe(error);
    return { ok: false, error: { message: described.message, detail: described.detail, code: described.code } };
  }
}

/**
 * Installs the background's message listener. Returns the function that removes it (tests, hot reload).
 * Uses `sendResponse` + `return true`, which every browser and the fake browser support.
 */
export function registerActionHandlers(handlers: ActionHandlers, describe: ErrorDescriber = describeUnknown): () => void {
  const listener = (
    message: unknown,
    sender: Browser.runtime.MessageSender,
    sendResponse: (reply: unknown) => void,
  ): true | undefined => {
    if (!requestSchema.safeParse(message).success) return undefined;
    void dispatch(handlers, message, sender, describe).then(sendResponse, (error: unknown) =>
      sendResponse({ ok: false, error: describe(error) }),
    );
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Relays the panel shortcut to a tab; a tab without our content script (not Cin7 Core or Xero) just doesn't answer. */
export async function sendTogglePanel(tabId: number): Promise<void> {
  const message: z.infer<typeof togglePanelSchema> = { mgEvent: 'togglePanel' };
  await browser.tabs.sendMessage(tabId, message).catch(() => undefined);
}

/** Tells open extension pages and the given app tabs that a pair's status changed. Never carries data. */
export async function broadcastStatusChanged(event: Omit<StatusChanged, 'mgEvent'>, tabIds: number[] = []): Promise<void> {
  const message: StatusChanged = { mgEvent: 'statusChanged', ...event };
  // No receiver (no page open) is normal: swallow "Receiving end does not exist".
  await browser.runtime.sendMessage(message).catch(() => undefined);
  await Promise.all(tabIds.map((tabId) => browser.tabs.sendMessage(tabId, message).catch(() => undefined)));
}
