// Earlier releases named a pair `cin7AccountId~xeroTenantId`: that id reached content scripts (statuses) and named
// the pair's checklist record in storage.local, so it gave the Cin7 Account ID away. Once, at start, each such pair is
// renamed to its opaque id (pairs.ts) with everything stored under the old name: its IndexedDB records, its checklist
// record and the selection.
import { browser } from 'wxt/browser';
import { checklistStorageKey, loadChecklistRecords } from '../store/checklist-records';
import { pairIdOf } from './pairs';
import type { PairDataStore } from './results';
import { pairsItem, selectedPairItem } from './state';

const isLegacyId = (id: string) => id.includes('~');

async function movePairData(data: PairDataStore, from: string, to: string): Promise<void> {
  const [snapshot, result, mapping, reviewed, features, change] = await Promise.all([
    data.getSnapshot(from),
    data.getResult(from),
    data.getMapping(from),
    data.getReviewed(from),
    data.getFeatures(from),
    data.getMappingChange(from),
  ]);
  if (snapshot) await data.putSnapshot(to, snapshot);
  if (result) await data.putResult(to, result);
  if (mapping) await data.putMapping(to, mapping);
  if (reviewed.size) await data.putReviewed(to, reviewed);
  if (Object.keys(features).length) await data.putFeatures(to, features);
  if (change) await data.putMappingChange(to, change);
  await data.forget(from);
}

async function moveChecklist(from: string, to: string): Promise<void> {
  const [oldKey, newKey] = [checklistStorageKey(from), checklistStorageKey(to)];
  const record = (await browser.storage.local.get(oldKey))[oldKey];
  if (record === undefined) return;
  await browser.storage.local.set({ [newKey]: record });
  await browser.storage.local.remove(oldKey);
}

/** Renames every pair that still has an `account~tenant` id; returns the renames made (old → new). */
export async function migrateLegacyPairIds(data: PairDataStore): Promise<Record<string, string>> {
  const pairs = await pairsItem.getValue();
  const renames: Record<string, string> = {};
  for (const pair of pairs) if (isLegacyId(pair.id)) renames[pair.id] = await pairIdOf(pair.cin7AccountId, pair.xeroTenantId);
  if (Object.keys(renames).length === 0) return renames;
  // The release before kept every pair's checklist under one key: split it into records first, so each moves.
  await loadChecklistRecords();
  for (const [from, to] of Object.entries(renames)) {
    await movePairData(data, from, to);
    await moveChecklist(from, to);
  }
  await pairsItem.setValue(pairs.map((pair) => ({ ...pair, id: renames[pair.id] ?? pair.id })));
  const selected = await selectedPairItem.getValue();
  if (selected && renames[selected]) await selectedPairItem.setValue(renames[selected]);
  return renames;
}
