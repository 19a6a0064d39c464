// What no API gives: the mapping read from the Cin7 page and the features the user declared. Each has one home in
// the pair's IndexedDB data (PairDataStore); the stored API snapshot never holds a copy. They are combined with the
// snapshot only in memory, when auditing.
import type { FeatureFlags } from '../protocol/shapes';
import type { Mapping, Snapshot } from '../schemas';
import type { PairDataStore } from './results';
import type { StoredSnapshot } from './snapshot';

/**
 * The API snapshot plus the page inputs. A mapping inside the snapshot itself (older stored snapshots carried a copy)
 * is ignored: the mapping given here is the only one audited.
 */
export function withPageInputs(snapshot: Snapshot, mapping: Mapping | undefined, features: FeatureFlags | undefined): Snapshot {
  const declared = Object.fromEntries(Object.entries(features ?? {}).filter(([, value]) => value !== undefined));
  const hasDeclared = Object.keys(declared).length > 0;
  if (!snapshot.cin7 && !mapping && !hasDeclared) return snapshot;
  const { mapping: _storedCopy, ...fromApis } = snapshot.cin7 ?? {};
  return {
    ...snapshot,
    cin7: {
      ...fromApis,
      ...(mapping ? { mapping } : {}),
      ...(hasDeclared ? { features: { ...fromApis.features, ...declared } } : {}),
    },
  };
}

/** The snapshot to audit for a pair: its stored API snapshot (if any) with the pair's current page inputs. */
export async function snapshotToAudit(data: PairDataStore, pairId: string, stored: StoredSnapshot | undefined): Promise<Snapshot> {
  const [mapping, features] = await Promise.all([data.getMapping(pairId), data.getFeatures(pairId)]);
  return withPageInputs(stored?.snapshot ?? {}, mapping, features);
}
