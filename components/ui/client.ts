// What the popup, report and options sections ask of the background, as one injectable interface: the pages pass
// the real one (through utils/messaging's named actions), tests pass a fake. No component fetches anything itself.
import { ActionError } from '../../utils/protocol/wire';
import { type ActionResult } from '../../utils/protocol/actions';
import { onStatusChanged, sendAction } from '../../utils/protocol/client';
import { type Pair, type Settings, type Status } from '../../utils/protocol/shapes';
import { type StatusChanged } from '../../utils/protocol/events';
import type { Mapping, MappingRow } from '../../utils/schemas/snapshot';

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
  /** The saved mapping, to start the manual editor from. */
  getMapping(pairId?: string): Promise<Mapping | null>;
  getFeatures(pairId?: string): Promise<FeatureState>;
  setFeatures(features: DeclaredFeatures, pairId?: string): Promise<void>;
  getDiagnostics(pairId?: string): Promise<Diagnostics>;
}

export type FeatureState = ActionResult<'getFeatures'>;
export type DeclaredFeatures = FeatureState['declared'];
export type Diagnostics = ActionResult<'getDiagnostics'>;

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
  getMapping: async (pairId) => (await sendAction('getMapping', { pairId })).mapping,
  getFeatures: (pairId) => sendAction('getFeatures', { pairId }),
  setFeatures: async (features, pairId) => {
    await sendAction('setFeatures', { ...features, pairId });
  },
  getDiagnostics: (pairId) => sendAction('getDiagnostics', { pairId }),
};

/** A user-facing sentence for any error a client call throws. */
export function errorText(error: unknown): string {
  if (error instanceof ActionError) return error.message;
  return 'Mapping Guard’s background did not answer. Try again in a moment.';
}
