// The practice file (issue #18): export holds names, identities, decisions, notes, reviewed marks and the schedule
// and never a secret; import merges and says what changed; a malformed or foreign file changes nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { practiceHandlers } from '@/utils/background/handlers/practice';
import { createPracticeQueue } from '@/utils/background/practice-queue';
import { pairsItem, settingsItem } from '@/utils/background/state';
import { checklistStorageKey, readChecklistState } from '@/utils/store/checklist-records';
import type { Pair } from '@/utils/protocol/shapes';
import { fakeContext } from './fake-context';

const acme: Pair = {
  id: 'pair-0123456789abcdef01234567',
  name: 'Acme ↔ Acme Ltd',
  cin7AccountId: 'SECRET-ACCOUNT-ID-1234',
  cin7Company: 'Acme',
  xeroTenantId: 'tenant-1',
  xeroTenantName: 'Acme Ltd',
};
const decision = (note: string, updatedAt: string) => ({ values: { method: 'Xero' }, note, updatedAt });
const record = (note: string, updatedAt = '2026-12-01T00:00:00.000Z') => ({
  version: 2,
  state: { channels: [{ id: 'all', name: 'All channels' }], decisions: { paymentsFromXero: decision(note, updatedAt) } },
});

function handlers() {
  const fake = fakeContext();
  return { fake, practice: practiceHandlers(fake.ctx, createPracticeQueue(fake.ctx)) };
}
const extension = { caller: 'extension' as const };

/** Every key anywhere in a JSON value, lower-cased. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => [key.toLowerCase(), ...keysOf(inner)]);
  return [];
}

beforeEach(async () => {
  await pairsItem.setValue([acme]);
  await settingsItem.setValue({ refreshHours: 12 });
  await fakeBrowser.storage.local.set({ [checklistStorageKey(acme.id)]: record('Payments come from Xero') });
});

describe('exportPractice', () => {
  it('holds the pair’s names, decisions, notes, reviewed marks and schedule, and nothing secret-looking', async () => {
    const { fake, practice } = handlers();
    await fake.store.putReviewed(acme.id, new Set(['CODE:role:cogs:abc']));
    const { json } = await practice.exportPractice(undefined, extension);
    const file = JSON.parse(json) as { pairs: { checklist: { decisions: Record<string, { note: string }> }; reviewed: string[] }[]; schedule: unknown };
    expect(file.schedule).toEqual({ refreshHours: 12 });
    expect(file.pairs[0]?.checklist.decisions.paymentsFromXero?.note).toBe('Payments come from Xero');
    expect(file.pairs[0]?.reviewed).toEqual(['CODE:role:cogs:abc']);
    expect(json).not.toContain(acme.cin7AccountId);
    expect(keysOf(file).filter((key) => /token|secret|key|password|passphrase|account_?id|accountid|credential/.test(key))).toEqual([]);
  });
});

describe('importPractice', () => {
  it('restores decisions, notes and reviewed marks into an empty profile and says what it changed', async () => {
    const { fake, practice } = handlers();
    await fake.store.putReviewed(acme.id, new Set(['CODE:role:cogs:abc']));
    const { json } = await practice.exportPractice(undefined, extension);

    fakeBrowser.reset();
    await pairsItem.setValue([acme]);
    const fresh = handlers();
    const { changes } = await fresh.practice.importPractice({ json }, extension);
    expect(changes).toEqual(['Acme ↔ Acme Ltd: 1 decision or note, 1 reviewed mark', 'Schedule: every 12 hours (was 6)']);
    expect((await readChecklistState()).pairs[acme.id]?.decisions.paymentsFromXero?.note).toBe('Payments come from Xero');
    expect([...(await fresh.fake.store.getReviewed(acme.id))]).toEqual(['CODE:role:cogs:abc']);
    expect((await settingsItem.getValue()).refreshHours).toBe(12);
  });

  it('merges: the later edit of a decision wins, and importing the same file again changes nothing', async () => {
    const { practice } = handlers();
    const { json } = await practice.exportPractice(undefined, extension);
    await fakeBrowser.storage.local.set({ [checklistStorageKey(acme.id)]: record('Edited later', '2026-12-02T00:00:00.000Z') });
    const { changes } = await practice.importPractice({ json }, extension);
    expect(changes).toEqual(['Acme ↔ Acme Ltd: nothing new']);
    expect((await readChecklistState()).pairs[acme.id]?.decisions.paymentsFromXero?.note).toBe('Edited later');
  });

  const bad: [string, string, RegExp][] = [
    ['not JSON', '{oops', /not JSON/],
    ['a foreign JSON file', JSON.stringify({ name: 'package', version: '1.0.0' }), /not a Mapping Guard practice file/],
    ['a newer version', JSON.stringify({ format: 'mapping-guard-practice', version: 2 }), /newer Mapping Guard/],
    [
      'an unknown field (a smuggled token)',
      JSON.stringify({ format: 'mapping-guard-practice', version: 1, exportedAt: 'x', schedule: { refreshHours: 6 }, pairs: [], token: 'abc' }),
      /damaged/,
    ],
    [
      'a bad pair id',
      JSON.stringify({ format: 'mapping-guard-practice', version: 1, exportedAt: 'x', schedule: { refreshHours: 6 }, pairs: [{ id: 'x', name: 'n', xeroTenantId: 't', reviewed: [] }] }),
      /damaged.*pairs\.0\.id/,
    ],
  ];
  it.each(bad)('refuses %s with one clear error and changes nothing', async (_name, json, message) => {
    const { practice } = handlers();
    const before = await fakeBrowser.storage.local.get(null);
    await expect(practice.importPractice({ json }, extension)).rejects.toThrow(message);
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });
});
