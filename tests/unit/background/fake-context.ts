// A BackgroundContext made of in-memory fakes, for the seams that need no API: refresh policy, status view, pairs.
// Every write to the pair data store is recorded, so a test can tell a read from a write.
import { vi } from 'vitest';
import type { BackgroundContext } from '@/utils/background/context';
import { findPair, pairById, resolvePair, writablePair } from '@/utils/background/pair-resolution';
import type { MappingChangeRecord, PairDataStore, StoredResult } from '@/utils/background/results';
import type { StoredSnapshot } from '@/utils/background/snapshot';
import type { Mapping } from '@/utils/schemas';
import type { FeatureFlags, Pair } from '@/utils/protocol/shapes';

export const NOW = Date.parse('2026-11-21T12:00:00.000Z');
export const hoursAgo = (hours: number) => new Date(NOW - hours * 3_600_000).toISOString();

export const pair: Pair = { id: 'acc~ten', name: 'Acme ↔ Acme Ltd', cin7AccountId: 'acc', xeroTenantId: 'ten' };

export function memoryDataStore() {
  const snapshots = new Map<string, StoredSnapshot>();
  const results = new Map<string, StoredResult>();
  const mappings = new Map<string, Mapping>();
  const reviewed = new Map<string, Set<string>>();
  const features = new Map<string, FeatureFlags>();
  const changes = new Map<string, MappingChangeRecord>();
  const writes: string[] = [];
  const store: PairDataStore = {
    getSnapshot: async (id) => snapshots.get(id),
    putSnapshot: async (id, value) => void (writes.push('putSnapshot'), snapshots.set(id, value)),
    getResult: async (id) => results.get(id),
    putResult: async (id, value) => void (writes.push('putResult'), results.set(id, value)),
    getMapping: async (id) => mappings.get(id),
    putMapping: async (id, value) => void (writes.push('putMapping'), mappings.set(id, value)),
    getReviewed: async (id) => new Set(reviewed.get(id)),
    putReviewed: async (id, value) => void (writes.push('putReviewed'), reviewed.set(id, new Set(value))),
    getFeatures: async (id) => features.get(id) ?? {},
    putFeatures: async (id, value) => void (writes.push('putFeatures'), features.set(id, value)),
    getMappingChange: async (id) => changes.get(id),
    putMappingChange: async (id, value) => void (writes.push('putMappingChange'), value ? changes.set(id, value) : changes.delete(id)),
    forget: async (id) => void (writes.push('forget'), snapshots.delete(id), results.delete(id)),
  };
  return { store, writes };
}

/** A stored result fetched `fetchedHoursAgo`, optionally with a failed attempt `failedMinutesAgo`. */
export function storedResult(fetchedHoursAgo: number, failedMinutesAgo?: number): StoredResult {
  return {
    audit: { findings: [], summary: { errors: 2, warnings: 0, infos: 0, total: 2 }, coverage: [] } as unknown as StoredResult['audit'],
    keys: [],
    auditedAt: hoursAgo(fetchedHoursAgo),
    fetched: { 'cin7.me': hoursAgo(fetchedHoursAgo), 'xero.accounts': hoursAgo(fetchedHoursAgo) },
    ...(failedMinutesAgo === undefined
      ? {}
      : { attemptedAt: hoursAgo(failedMinutesAgo / 60), lastError: { message: 'Cin7 Core answered with an error' } }),
  };
}

export function fakeContext() {
  const { store, writes } = memoryDataStore();
  const running = new Set<string>();
  const refresh = vi.fn(async (_pair: Pair, _options?: { full?: boolean }) => undefined);
  const refresher = {
    isRunning: (pairId: string) => running.has(pairId),
    refresh,
    cancel: vi.fn(),
    begin: (target: Pair, options?: { full?: boolean }) => ({ outcome: 'started', since: new Date(NOW).toISOString(), done: refresh(target, options) }),
    progressOf: () => undefined,
    xeroClient: () => ({ limits: { minuteRemaining: 59, dayRemaining: 4999 } }),
  };
  const ctx = {
    deps: {},
    data: store,
    now: () => NOW,
    xeroAuth: { state: async () => 'connected' as const },
    refresher,
    cin7Keys: { get: async () => ({ accountId: 'acc', applicationKey: 'key' }), save: vi.fn(), remove: vi.fn() },
    findPair,
    resolvePair,
    writablePair,
    pairById,
    statusChanged: vi.fn(),
  } as unknown as BackgroundContext;
  return { ctx, store, writes, refresher, running };
}
