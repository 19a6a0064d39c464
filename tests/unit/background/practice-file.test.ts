// The practice file (issue #18): export holds names, identities, decisions, notes, reviewed marks and the schedule
// and never a secret; import merges and says what changed; a malformed or foreign file changes nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { practiceHandlers } from '@/utils/background/handlers/practice';
import { createPracticeQueue } from '@/utils/background/practice-queue';
import { pairsItem, settingsItem } from '@/utils/background/state';
import { checklistStorageKey, readChecklistState } from '@/utils/store/checklist-records';
import type { Pair } from '@/utils/protocol/shapes';
import { MAX_PRACTICE_FILE_CHARS, PRACTICE_FILE_TOO_LARGE } from '@/utils/practice/file';
import { practiceActions } from '@/utils/protocol/practice-actions';
import { MAX_REVIEWED_AFTER_IMPORT, mergePair } from '@/utils/background/practice-merge';
import { MAX_NOTE_CHARS } from '@/utils/checklist/decisions';
import { fakeContext, storedResult } from './fake-context';

const acme: Pair = {
  id: 'pair-0123456789abcdef01234567',
  name: 'Acme ↔ Acme Ltd',
  cin7AccountId: 'SECRET-ACCOUNT-ID-1234',
  cin7Company: 'Acme',
  xeroTenantId: 'tenant-1',
  xeroTenantName: 'Acme Ltd',
};
const decision = (note: string, updatedAt: string) => ({ values: { method: 'Xero' }, note, updatedAt });
// Dated before the fake clock's now (2026-11-21): a file's decision may not be dated later than now.
const record = (note: string, updatedAt = '2026-11-01T00:00:00.000Z') => ({
  version: 2,
  state: { channels: [{ id: 'all', name: 'All channels' }], decisions: { paymentsFromXero: decision(note, updatedAt) } },
});

function handlers() {
  const fake = fakeContext();
  return { fake, practice: practiceHandlers(fake.ctx, createPracticeQueue(fake.ctx)) };
}
/** The latest audit of the pair has findings with these keys (only their reviewed marks are exported). */
const audited = (fake: ReturnType<typeof fakeContext>, ...keys: string[]) => fake.store.putResult(acme.id, { ...storedResult(1), keys });
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
    await audited(fake, 'CODE:role:cogs:abc');
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

describe('exportPractice writes only what its import accepts', () => {
  it('exports only the reviewed marks of the latest audit’s findings', async () => {
    const { fake, practice } = handlers();
    await audited(fake, 'CURRENT:k');
    await fake.store.putReviewed(acme.id, new Set(['CURRENT:k', 'OLD:gone']));
    const file = JSON.parse((await practice.exportPractice(undefined, extension)).json) as { pairs: { reviewed: string[] }[] };
    expect(file.pairs[0]?.reviewed).toEqual(['CURRENT:k']);
  });

  it('refuses to export, in words naming the client, what the import would refuse', async () => {
    await fakeBrowser.storage.local.set({
      [checklistStorageKey(acme.id)]: { version: 2, state: { channels: [{ id: 'all', name: 'All channels' }], decisions: { paymentsFromXero: { values: { method: 'x'.repeat(600) }, note: '' } } } },
    });
    const { practice } = handlers();
    await expect(practice.exportPractice(undefined, extension)).rejects.toThrow(
      /was not exported\. Acme ↔ Acme Ltd: checklist\.decisions\.paymentsFromXero\.values\.method is longer than 500 allows/,
    );
  });

  it('a note is kept within the file’s limit by the store, so the export imports again', async () => {
    await fakeBrowser.storage.local.set({ [checklistStorageKey(acme.id)]: record('n'.repeat(MAX_NOTE_CHARS + 5_000)) });
    const { practice } = handlers();
    const { json } = await practice.exportPractice(undefined, extension);
    expect((JSON.parse(json) as { pairs: { checklist: { decisions: Record<string, { note: string }> } }[] }).pairs[0]?.checklist.decisions.paymentsFromXero?.note).toHaveLength(MAX_NOTE_CHARS);
    await expect(practice.importPractice({ json }, extension)).resolves.toBeDefined();
  });
});

describe('importPractice', () => {
  it('restores decisions, notes and reviewed marks into an empty profile and says what it changed', async () => {
    const { fake, practice } = handlers();
    await audited(fake, 'CODE:role:cogs:abc');
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
    await fakeBrowser.storage.local.set({ [checklistStorageKey(acme.id)]: record('Edited later', '2026-11-02T00:00:00.000Z') });
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

describe('import bounds', () => {
  const fileWith = (pairs: unknown[]) => JSON.stringify({ format: 'mapping-guard-practice', version: 1, exportedAt: '2026-12-01T00:00:00.000Z', schedule: { refreshHours: 12 }, pairs });
  const filePair = (over: Record<string, unknown> = {}) => ({ id: acme.id, name: acme.name, xeroTenantId: acme.xeroTenantId, reviewed: [], ...over });
  const checklistDated = (updatedAt: string) => ({ channels: [{ id: 'all', name: 'All channels' }], decisions: { paymentsFromXero: decision('From the future', updatedAt) } });

  it('refuses a decision dated later than now (it would win every merge) and one not dated as an ISO time', async () => {
    const { practice } = handlers();
    const before = await fakeBrowser.storage.local.get(null);
    await expect(practice.importPractice({ json: fileWith([filePair({ checklist: checklistDated('9999-12-31T00:00:00.000Z') })]) }, extension)).rejects.toThrow(
      /Acme ↔ Acme Ltd has a decision \(paymentsFromXero\) dated in the future/,
    );
    await expect(practice.importPractice({ json: fileWith([filePair({ checklist: checklistDated('9999') })]) }, extension)).rejects.toThrow(/damaged.*updatedAt/);
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });

  it('keeps no client that is not set up here, and says so', async () => {
    const { fake, practice } = handlers();
    const stranger = filePair({ id: 'pair-ffffffffffffffffffffffff', name: 'Stranger ↔ Stranger Ltd', reviewed: ['X:k'], checklist: checklistDated('2026-11-01T00:00:00.000Z') });
    const before = await fakeBrowser.storage.local.get(null);
    const { changes } = await practice.importPractice({ json: fileWith([stranger]) }, extension);
    expect(changes).toEqual(['Stranger ↔ Stranger Ltd: not imported, this client is not connected in this browser. Connect it here, then import the file again.']);
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
    expect(fake.writes).toEqual([]);
  });

  it('caps the merged reviewed marks well below what the store reads back, the latest audit’s first', () => {
    const stored = new Set(Array.from({ length: MAX_REVIEWED_AFTER_IMPORT }, (_, i) => `OLD:${i}`));
    const fromFile = Array.from({ length: 10_000 }, (_, i) => `FILE:${i}`);
    const merged = mergePair(filePair({ reviewed: fromFile }) as Parameters<typeof mergePair>[0], { reviewed: stored, latestKeys: ['FILE:9999', 'OLD:5'] });
    expect(merged.reviewed.size).toBe(MAX_REVIEWED_AFTER_IMPORT);
    expect(MAX_REVIEWED_AFTER_IMPORT).toBeLessThan(100_000);
    expect([...merged.reviewed].slice(0, 2).sort()).toEqual(['FILE:9999', 'OLD:5']);
    expect(merged.reviewedAdded).toBe(1);
  });

  it('a file over the size limit gets the file limit’s words through the message layer', async () => {
    const json = ' '.repeat(MAX_PRACTICE_FILE_CHARS + 1);
    expect(practiceActions.importPractice.args.safeParse({ json }).success).toBe(true);
    const { practice } = handlers();
    await expect(practice.importPractice({ json }, extension)).rejects.toThrow(PRACTICE_FILE_TOO_LARGE);
  });
});
