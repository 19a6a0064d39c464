// What the popup, report and options sections ask of the background, as one injectable interface: the pages pass
// the real one (through utils/messaging's named actions), tests pass a fake. No component fetches anything itself.
import { z } from 'zod';
import { browser } from 'wxt/browser';
import {
  ActionError,
  onStatusChanged,
  sendAction,
  type Pair,
  type Settings,
  type Status,
  type StatusChanged,
} from '../../utils/messaging';
import type { MappingRow } from '../../utils/schemas/snapshot';

export interface PairList {
  pairs: Pair[];
  selectedPairId?: string;
}

export interface MappingGuardClient {
  getStatus(args?: { pairId?: string; host?: 'cin7' | 'xero' }): Promise<Status>;
  listPairs(): Promise<PairList>;
  selectPair(pairId: string): Promise<void>;
  refresh(pairId?: string): Promise<void>;
  markReviewed(findingKey: string, reviewed: boolean, pairId?: string): Promise<void>;
  onStatusChanged(listener: (event: StatusChanged) => void): () => void;
  getSettings(): Promise<Settings>;
  setSettings(settings: Partial<Settings>): Promise<Settings>;
  saveMapping(rows: MappingRow[], pairId?: string): Promise<void>;
  /** Not in the protocol yet (see README of components/options): resolve to undefined when the background lacks it. */
  getFeatures(pairId?: string): Promise<FeatureState | undefined>;
  setFeatures(features: DeclaredFeatures, pairId?: string): Promise<void>;
  getDiagnostics(pairId?: string): Promise<Diagnostics | undefined>;
}

// ---- Expected shapes of actions the background does not offer yet ----

export const declaredFeaturesSchema = z.object({
  inventoryAccrual: z.boolean().optional(),
  giftCards: z.boolean().optional(),
});
export type DeclaredFeatures = z.infer<typeof declaredFeaturesSchema>;

/** `getFeatures`: what was detected (from the mapping page's rows) and what the user declared. */
export const featureStateSchema = z.object({
  detected: declaredFeaturesSchema,
  declared: declaredFeaturesSchema,
});
export type FeatureState = z.infer<typeof featureStateSchema>;

/** `getDiagnostics`: what each page reader last saw, API limits, recent errors in words. */
export const diagnosticsSchema = z.object({
  readers: z.array(
    z.object({
      reader: z.string(),
      lastRunAt: z.string().optional(),
      url: z.string().optional(),
      outcome: z.string(),
    }),
  ),
  limits: z.array(z.object({ api: z.string(), remaining: z.string() })),
  errors: z.array(z.object({ at: z.string().optional(), message: z.string(), detail: z.string().optional() })),
});
export type Diagnostics = z.infer<typeof diagnosticsSchema>;

/** Calls an action the typed protocol does not (yet) declare; undefined when the background does not know it. */
async function sendExpectedAction<T>(name: string, args: unknown, schema: z.ZodType<T>): Promise<T | undefined> {
  const raw: unknown = await browser.runtime.sendMessage({ mgAction: name, args });
  const reply = z
    .union([
      z.object({ ok: z.literal(true), result: z.unknown() }),
      z.object({ ok: z.literal(false), error: z.object({ message: z.string(), code: z.string().optional() }) }),
    ])
    .safeParse(raw);
  if (!reply.success) return undefined;
  if (!reply.data.ok) {
    if (reply.data.error.code === 'unknown-action') return undefined;
    throw new ActionError(reply.data.error.message);
  }
  return schema.parse(reply.data.result);
}

export const backgroundClient: MappingGuardClient = {
  getStatus: (args) => sendAction('getStatus', args),
  listPairs: () => sendAction('listPairs'),
  selectPair: async (pairId) => {
    await sendAction('selectPair', { pairId });
  },
  refresh: async (pairId) => {
    await sendAction('refresh', { pairId });
  },
  markReviewed: async (findingKey, reviewed, pairId) => {
    await sendAction('markReviewed', { findingKey, reviewed, pairId });
  },
  onStatusChanged,
  getSettings: () => sendAction('getSettings'),
  setSettings: (settings) => sendAction('setSettings', settings),
  saveMapping: async (rows, pairId) => {
    await sendAction('saveMapping', { rows, readAt: new Date().toISOString(), pairId });
  },
  getFeatures: (pairId) => sendExpectedAction('getFeatures', { pairId }, featureStateSchema),
  setFeatures: async (features, pairId) => {
    await sendExpectedAction('setFeatures', { ...features, pairId }, z.unknown());
  },
  getDiagnostics: (pairId) => sendExpectedAction('getDiagnostics', { pairId }, diagnosticsSchema),
};

/** A user-facing sentence for any error a client call throws. */
export function errorText(error: unknown): string {
  if (error instanceof ActionError) return error.message;
  return 'Mapping Guard’s background did not answer. Try again in a moment.';
}
