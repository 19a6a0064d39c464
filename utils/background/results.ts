// Per-pair data too large for storage.local, in the extension origin's IndexedDB: the compact API snapshot, the last
// audit (findings, summary, coverage), the mapping read from the Cin7 page (its one home: the snapshot holds no copy),
// the reviewed finding keys, the declared features, and the mapping before its last unaccepted change. The small
// records are also kept in memory for the worker's life (record-memo.ts): a tab's status is read on every page load.
import type { AuditResult } from '../audit/types';
import type { Mapping } from '../schemas';
import type { FeatureFlags, Status, UserError } from '../protocol/shapes';
import { idbDelete, idbGet, idbPut, openDatabase } from './idb';
import type { StoredSnapshot } from './snapshot';
import { createSnapshotStore, type ReadOptions, type SnapshotWriter } from './snapshot-store';
import { createRecordMemo } from './record-memo';
import {
  readRecord,
  storedFeaturesSchema,
  storedMappingChangeSchema,
  storedMappingSchema,
  storedResultSchema,
  storedReviewedSchema,
  storedSnapshotEnvelopeSchema,
} from './stored-records';

const STORES = ['snapshots', 'results', 'mappings', 'reviewed', 'features', 'previousMappings'] as const;

/** The mapping as it was before a change the user has not accepted yet (one level), and when it changed. */
export interface MappingChangeRecord {
  previous: Mapping;
  changedAt: string;
}

export interface StoredResult {
  audit: AuditResult;
  /** Stable keys of the findings, index-aligned with `audit.findings`. */
  keys: string[];
  auditedAt: string;
  /** When the last refresh ended (successful or not): automatic refreshes back off after a failure. */
  attemptedAt?: string;
  /** The audited snapshot's fetch times, so a status never has to load the (large) snapshot itself. */
  fetched?: StoredSnapshot['fetched'];
  /** Which sales and purchases the audit covered (the status shows it without loading the snapshot). */
  documentWindow?: Status['documentWindow'];
  /** The Xero organisation's country (dates in its locale, Realised/Realized) without loading the snapshot. */
  xeroCountryCode?: string;
  /** The last refresh's first failure; `code` lets the status tell a refused Cin7 key from a network hiccup. */
  lastError?: UserError & { code?: string };
}

export interface PairDataStore {
  /** `options.skip`: fields left out of a paged snapshot's records (an older single-record snapshot is read whole). */
  getSnapshot(pairId: string, options?: ReadOptions): Promise<StoredSnapshot | undefined>;
  putSnapshot(pairId: string, snapshot: StoredSnapshot): Promise<void>;
  /** Where a refresh writes its big lists page by page (a snapshot naming them is then put); none: held in memory. */
  snapshotWriter?(pairId: string): Promise<SnapshotWriter>;
  getResult(pairId: string): Promise<StoredResult | undefined>;
  putResult(pairId: string, result: StoredResult): Promise<void>;
  getMapping(pairId: string): Promise<Mapping | undefined>;
  putMapping(pairId: string, mapping: Mapping): Promise<void>;
  getReviewed(pairId: string): Promise<Set<string>>;
  putReviewed(pairId: string, keys: Set<string>): Promise<void>;
  getFeatures(pairId: string): Promise<FeatureFlags>;
  putFeatures(pairId: string, features: FeatureFlags): Promise<void>;
  getMappingChange(pairId: string): Promise<MappingChangeRecord | undefined>;
  /** Undefined forgets it (accepted, or restored). */
  putMappingChange(pairId: string, change: MappingChangeRecord | undefined): Promise<void>;
  forget(pairId: string): Promise<void>;
}

export function createPairDataStore(dbName = 'mapping-guard-data'): PairDataStore {
  let database: Promise<IDBDatabase> | undefined;
  // The snapshot by list and page (issue #17); a snapshot still in the one record of older releases is read from
  // there until the next refresh stores it by page and deletes that record.
  const parts = createSnapshotStore(`${dbName}-snapshots`);
  // Version 2 added the features store, 3 the previous mappings (onupgradeneeded creates missing stores).
  const db = () => (database ??= openDatabase(dbName, STORES, 3));
  const memo = createRecordMemo<(typeof STORES)[number]>();
  return {
    // Envelope checked, contents as stored (validated when fetched): the snapshot can be tens of MB.
    getSnapshot: async (pairId, options) => {
      const paged = await parts.get(pairId, options);
      if (paged) return paged;
      const raw = await idbGet(await db(), 'snapshots', pairId);
      return readRecord(storedSnapshotEnvelopeSchema, raw) ? (raw as StoredSnapshot) : undefined;
    },
    putSnapshot: async (pairId, snapshot) => {
      await parts.put(pairId, snapshot);
      await idbDelete(await db(), 'snapshots', pairId);
    },
    snapshotWriter: (pairId) => parts.writer(pairId),
    getResult: (pairId) => memo.read('results', pairId, async () => readRecord(storedResultSchema, await idbGet(await db(), 'results', pairId)) as StoredResult | undefined),
    putResult: (pairId, result) => memo.write('results', pairId, result, async () => idbPut(await db(), 'results', pairId, result)),
    getMapping: (pairId) => memo.read('mappings', pairId, async () => readRecord(storedMappingSchema, await idbGet(await db(), 'mappings', pairId))),
    putMapping: (pairId, mapping) => memo.write('mappings', pairId, mapping, async () => idbPut(await db(), 'mappings', pairId, mapping)),
    // A copy each time: callers add to and delete from the set they get.
    getReviewed: async (pairId) =>
      new Set(await memo.read('reviewed', pairId, async () => readRecord(storedReviewedSchema, await idbGet(await db(), 'reviewed', pairId)) ?? [])),
    putReviewed: (pairId, keys) => memo.write('reviewed', pairId, [...keys], async () => idbPut(await db(), 'reviewed', pairId, [...keys])),
    getFeatures: (pairId) => memo.read('features', pairId, async () => readRecord(storedFeaturesSchema, await idbGet(await db(), 'features', pairId)) ?? {}),
    putFeatures: (pairId, features) => memo.write('features', pairId, features, async () => idbPut(await db(), 'features', pairId, features)),
    getMappingChange: (pairId) =>
      memo.read('previousMappings', pairId, async () => readRecord(storedMappingChangeSchema, await idbGet(await db(), 'previousMappings', pairId))),
    putMappingChange: (pairId, change) =>
      memo.write('previousMappings', pairId, change, async () =>
        change ? idbPut(await db(), 'previousMappings', pairId, change) : idbDelete(await db(), 'previousMappings', pairId),
      ),
    forget: async (pairId) => {
      memo.forget(pairId);
      for (const store of STORES) await idbDelete(await db(), store, pairId);
      await parts.forget(pairId);
    },
  };
}
