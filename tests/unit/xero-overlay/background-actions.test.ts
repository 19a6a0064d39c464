// @vitest-environment node
// The two actions the Xero overlay added to the background, end to end against the sandbox: the pair's facts
// (mapped accounts by code, both lock dates) and the count of Cin7 documents in a date range (saleList/purchaseList).
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox/index';
import { accountKey, parseAccountText } from '../../../utils/audit/account-text';
import { createPairDataStore } from '../../../utils/background/results';
import { createSecretStore } from '../../../utils/background/secrets';
import { createBackgroundService } from '../../../utils/background/service';
import { countDocumentsInRange } from '../../../utils/background/xero-facts';
import { Cin7Client } from '../../../utils/cin7/api/client';
import { parseAnyDate } from '../../../utils/schemas/dates';
import type { ActionContext } from '../../../utils/protocol/server';
import { sandboxConsent, sandboxFetch } from '../background/sandbox-fetch';

const extension: ActionContext = { caller: 'extension' };
const xeroTab: ActionContext = { caller: 'content', app: 'xero', tabId: 7 };
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ scenario: 'broken', port: 0, singleTenant: true });
});
afterAll(() => sandbox.close());

async function connected() {
  const service = createBackgroundService({
    secrets: createSecretStore('xero-overlay-secrets'),
    data: createPairDataStore('xero-overlay-data'),
    redirectUrl: 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/',
    launchWebAuthFlow: sandboxConsent(sandbox),
    fetch: sandboxFetch(sandbox),
  });
  await service.handlers.setXeroClientId({ clientId: sandbox.xeroClientId }, extension);
  await service.handlers.connectXero(undefined, extension);
  await service.handlers.saveCin7Credentials(sandbox.cin7Credentials, extension);
  const { pairs } = await service.handlers.listPairs(undefined, extension);
  return { service, pair: pairs[0]! };
}

describe('Xero overlay actions', () => {
  it('getXeroPageFacts: the mapped accounts by code and both lock dates, for the organisation shown', async () => {
    const { service, pair } = await connected();
    const truth = sandbox.snapshot();
    const rows = truth.cin7?.mapping?.rows ?? [];
    expect(rows.length).toBeGreaterThan(3);
    await service.handlers.saveMapping({ rows, readAt: '2026-11-21T00:00:00Z' }, extension);
    await service.refresher.refresh(pair, { full: true });
    // The tab says which organisation it shows; the facts are that tab's pair's.
    await service.handlers.identifyTab({ xeroOrgName: truth.xero?.organisation?.Name ?? '' }, xeroTab);
    const facts = await service.handlers.getXeroPageFacts(undefined, xeroTab);
    expect(facts.pairId).toBe(pair.id);
    const mappedCodes = new Set(rows.map((row) => parseAccountText(row.account)).filter((code): code is string => code !== null).map(accountKey));
    expect(new Set(facts.mappedAccounts.map((entry) => accountKey(entry.code)))).toEqual(mappedCodes);
    expect(facts.mappedAccounts.flatMap((entry) => entry.roleIds)).toContain('cogs');
    expect(facts.cin7LockDate).toBe(parseAnyDate(truth.cin7?.me?.LockDate));
    const organisation = truth.xero?.organisation;
    const later = [parseAnyDate(organisation?.PeriodLockDate), parseAnyDate(organisation?.EndOfYearLockDate)].filter(Boolean).sort().pop() ?? null;
    expect(facts.xeroLockDate?.day ?? null).toBe(later);
  });

  it('countLockedDocuments: counts the pair’s sales and purchases in the range, as the lists say', async () => {
    const { service } = await connected();
    const client = new Cin7Client(sandbox.cin7Credentials, { fetch: sandboxFetch(sandbox) });
    const [sales, purchases] = await Promise.all([client.saleList(), client.purchaseList()]);
    expect(sales.length + purchases.length).toBeGreaterThan(0);
    const all = await service.handlers.countLockedDocuments({ to: '2100-01-01' }, xeroTab);
    expect(all).toEqual({ counted: true, ...countDocumentsInRange(sales, purchases, { to: '2100-01-01' }) });
    expect(all.sales + all.purchases).toBeGreaterThan(0);
    const none = await service.handlers.countLockedDocuments({ from: '1990-01-01', to: '1990-12-31' }, xeroTab);
    expect(none).toEqual({ counted: true, sales: 0, purchases: 0 });
  });

  it('without a pair, says why instead of counting', async () => {
    const service = createBackgroundService({
      secrets: createSecretStore('xero-overlay-empty-secrets'),
      data: createPairDataStore('xero-overlay-empty-data'),
      redirectUrl: 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/',
      launchWebAuthFlow: async () => undefined,
      fetch: sandboxFetch(sandbox),
    });
    const result = await service.handlers.countLockedDocuments({ to: '2026-01-01' }, { caller: 'content', app: 'xero', tabId: 99 });
    expect(result.counted).toBe(false);
    expect(result.reason).toBeTruthy();
    expect(await service.handlers.getXeroPageFacts(undefined, { caller: 'content', app: 'xero', tabId: 99 })).toEqual({ mappedAccounts: [], cin7LockDate: null, xeroLockDate: null });
  });
});
