import { vi } from 'vitest';
import type { Diagnostics, FeatureState, MappingGuardClient } from '../../../components/ui/client';
import type { ActionArgs, ActionResult } from '../../../utils/protocol/actions';
import type { Pair, Status, StatusFinding } from '../../../utils/protocol/shapes';
import type { StatusChanged } from '../../../utils/protocol/events';

export const PAIRS: Pair[] = [
  { id: 'pair-a', name: 'Acme Cin7 ↔ Acme Xero', cin7AccountId: 'c-a', xeroTenantId: 't-a' },
  { id: 'pair-b', name: 'Beta Cin7 ↔ Beta Xero', cin7AccountId: 'c-b', xeroTenantId: 't-b' },
];

export function finding(over: Partial<StatusFinding> = {}): StatusFinding {
  return {
    code: 'TRACKED_INVENTORY',
    severity: 'error',
    subject: { kind: 'item', key: 'WIDGET', label: 'Widget' },
    message: 'Xero item WIDGET is tracked as inventory.',
    fix: { app: 'xero', url: 'https://go.xero.com/Accounts/Inventory/#mg-target=item:WIDGET', label: 'Open Products and services' },
    key: 'TRACKED_INVENTORY|item|WIDGET',
    reviewed: false,
    ...over,
  };
}

export function status(over: Partial<Status> = {}): Status {
  return {
    connection: { cin7: 'connected', xero: 'connected' },
    pairId: 'pair-a',
    pairName: 'Acme Cin7 ↔ Acme Xero',
    summary: { errors: 1, warnings: 0, infos: 0, total: 1 },
    findings: [finding()],
    coverage: [],
    ...over,
  };
}

/** What an action that only acknowledges answers. */
export const acknowledged = async () => ({ ok: true as const });

/** A client whose status per pair the test controls; `emit` plays a background broadcast. */
export function fakeClient(statuses: Record<string, Status> = { 'pair-a': status() }, syncErrors: Record<string, string[]> = {}) {
  const listeners = new Set<(event: StatusChanged) => void>();
  const client = {
    getStatus: vi.fn(async (args?: ActionArgs<'getStatus'>) => {
      const found = statuses[args?.pairId ?? 'pair-a'];
      if (!found) throw new Error('no such pair');
      return found;
    }),
    listPairs: vi.fn(async () => ({ pairs: PAIRS, selectedPairId: 'pair-a' })),
    selectPair: vi.fn(acknowledged),
    refresh: vi.fn(async (args?: ActionArgs<'refresh'>) => ({ started: true, pairId: args?.pairId })),
    markReviewed: vi.fn(acknowledged),
    onStatusChanged: vi.fn((listener: (event: StatusChanged) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
    getSettings: vi.fn(async () => ({ refreshHours: 24 })),
    setSettings: vi.fn(async (settings: ActionArgs<'setSettings'>) => ({ refreshHours: settings.refreshHours ?? 24 })),
    saveMapping: vi.fn(async (args: ActionArgs<'saveMapping'>) => ({ saved: true, pairId: args.pairId })),
    getMapping: vi.fn(async (): Promise<ActionResult<'getMapping'>> => ({ mapping: null })),
    getFeatures: vi.fn(async (): Promise<FeatureState> => ({ detected: {}, declared: {} })),
    setFeatures: vi.fn(acknowledged),
    getDiagnostics: vi.fn(async (): Promise<Diagnostics> => ({ readers: [], limits: [], errors: [] })),
    acceptMappingChange: vi.fn(acknowledged),
    restorePreviousMapping: vi.fn(async () => ({ restored: true })),
    getSyncErrors: vi.fn(async (args?: ActionArgs<'getSyncErrors'>) => ({ pairId: args?.pairId, messages: syncErrors[args?.pairId ?? 'pair-a'] ?? [] })),
  } satisfies MappingGuardClient;
  return {
    client,
    statuses,
    emit: (event: Omit<StatusChanged, 'mgEvent'>) => listeners.forEach((listener) => listener({ mgEvent: 'statusChanged', ...event })),
  };
}
