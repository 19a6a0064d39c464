// Upgrades: what the previous release stored still reads; a stored record the new release cannot read is treated
// as absent instead of breaking the status; an update rebuilds every pair's findings from its stored snapshot.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { audit } from '@/utils/audit';
import { idbPut, openDatabase } from '@/utils/background/idb';
import { Refresher } from '@/utils/background/refresher';
import { createPairDataStore } from '@/utils/background/results';
import { pairsItem } from '@/utils/background/state';
import { reauditStoredPairs } from '@/utils/background/upgrade';
import { loadScenario } from '@/utils/scenarios';
import { pair } from './fake-context';

/** A result exactly as the previous release wrote it (no version field; findings as the engine made them). */
const PREVIOUS_RELEASE_RESULT = {
  audit: {
    findings: [
      {
        code: 'ACCOUNT_ARCHIVED',
        severity: 'error',
        subject: { kind: 'role', key: 'customerCredits', label: 'Customer Credits' },
        message: 'Customer Credits is mapped to 810 Customer Credits, which is archived in Xero.',
        fix: { app: 'xero', url: 'https://go.xero.com/GeneralLedger/ChartOfAccounts.aspx#mg-target=account:810', label: 'Open the chart of accounts in Xero' },
      },
      { code: 'LOCK_DATE_NOT_SET', severity: 'info', subject: { kind: 'organisation', key: 'lock', label: 'Lock dates' }, message: 'Neither app has a period lock date.' },
    ],
    summary: { errors: 1, warnings: 0, infos: 1, total: 2 },
    coverage: [{ check: 'mapping', label: 'Mapped accounts exist', ran: true }],
  },
  keys: ['k1', 'k2'],
  auditedAt: '2026-11-20T10:00:00.000Z',
  attemptedAt: '2026-11-20T10:00:00.000Z',
  fetched: { 'cin7.me': '2026-11-20T09:59:00.000Z' },
  lastError: { message: 'Cin7 Core answered with an error.', detail: 'GET product: 500', code: 'cin7-api' },
};

let run = 0;
let dbName: string;
beforeEach(async () => {
  dbName = `upgrade-${++run}`;
  await pairsItem.setValue([pair]);
});
/** Writes as the previous release did (its database version 2), then lets go so this release can upgrade it. */
const raw = async (store: string, value: unknown) => {
  const db = await openDatabase(dbName, ['snapshots', 'results', 'mappings', 'reviewed', 'features'], 2);
  await idbPut(db, store, pair.id, value);
  db.close();
};

describe('reading stored records', () => {
  it('reads a result written by the previous release as it was', async () => {
    await raw('results', PREVIOUS_RELEASE_RESULT);
    expect(await createPairDataStore(dbName).getResult(pair.id)).toEqual(PREVIOUS_RELEASE_RESULT);
  });

  it('treats a result with a finding code this release does not know as absent, instead of failing the status', async () => {
    const renamed = structuredClone(PREVIOUS_RELEASE_RESULT);
    renamed.audit.findings[0]!.code = 'ACCOUNT_GONE';
    await raw('results', renamed);
    expect(await createPairDataStore(dbName).getResult(pair.id)).toBeUndefined();
  });

  it('treats broken reviewed marks, features and mappings as empty', async () => {
    await raw('reviewed', 'not a list');
    await raw('features', { giftCards: 'yes' });
    await raw('mappings', { rows: 'none' });
    const data = createPairDataStore(dbName);
    expect(await data.getReviewed(pair.id)).toEqual(new Set());
    expect(await data.getFeatures(pair.id)).toEqual({});
    expect(await data.getMapping(pair.id)).toBeUndefined();
  });
});

describe('after an update', () => {
  it('rebuilds each pair’s findings from its stored snapshot with this release’s engine, replacing an unreadable result', async () => {
    const stale = structuredClone(PREVIOUS_RELEASE_RESULT);
    stale.audit.findings[0]!.code = 'ACCOUNT_GONE';
    await raw('results', stale);
    const data = createPairDataStore(dbName);
    const snapshot = loadScenario('broken');
    await data.putSnapshot(pair.id, { version: 1, snapshot: { cin7: snapshot.cin7, xero: snapshot.xero }, fetched: { 'cin7.me': '2026-11-20T09:59:00.000Z' } });
    const now = Date.parse('2026-11-21T12:00:00.000Z');
    const refresher = new Refresher({ data, xeroTokens: {} as never, cin7Credentials: async () => undefined, now: () => now, onChange: () => undefined });
    expect(await reauditStoredPairs({ data, refresher })).toEqual([pair.id]);
    const rebuilt = await data.getResult(pair.id);
    // The mapping lives in its own store (none saved here), so the engine sees the snapshot without one.
    const expected = audit({ cin7: { ...snapshot.cin7, mapping: undefined }, xero: snapshot.xero }, { today: '2026-11-21' });
    expect(rebuilt?.audit.findings.map((f) => f.code)).toEqual(expected.findings.map((f) => f.code));
    expect(rebuilt?.audit.summary.errors).toBeGreaterThan(0);
  });
});
