// @vitest-environment node
// The sandbox's failed-transactions list (the dashboard's "Failed" count opens it; a Skip choice per row): its rows
// come from the scenario's real problems and carry Xero's verbatim messages (research/fidelity.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox/index';
import { failedTransactions, FAILED_LIST_PATH, syncHistory, xeroMessageDate } from '../../../sandbox/cin7-sync-errors';
import { SandboxStore } from '../../../sandbox/store';
import { loadScenario } from '../../../utils/scenarios';
import { call } from './client';

const CIN7 = 'https://inventory.dearsystems.com';
const storeOf = (name: 'broken' | 'healthy') => new SandboxStore(loadScenario(name), [], () => Date.parse('2026-11-21T00:00:00Z'));

describe('syncHistory', () => {
  it('shows every failed row as an error, with a few documents that synced, newest first', () => {
    const store = storeOf('broken');
    const history = syncHistory(store);
    expect(history.filter((entry) => entry.status === 'Error').map((entry) => entry.message).sort()).toEqual(failedTransactions(store).map((row) => row.message).sort());
    const dates = history.map((entry) => entry.date ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    const healthy = syncHistory(storeOf('healthy'));
    expect(healthy.length).toBeGreaterThan(0);
    expect(healthy.every((entry) => entry.status === 'Synced')).toBe(true);
  });
});

describe('failedTransactions', () => {
  it('fails the broken scenario’s back-dated invoice, its archived and its unknown line accounts, in Xero’s words', () => {
    const rows = failedTransactions(storeOf('broken'));
    expect(rows.map(({ document, type, message }) => ({ document, type, message }))).toEqual([
      { document: 'INV-01038 (SO-01038)', type: 'Sale invoice', message: 'The document date cannot be before the end of year lock date, currently set at 31-Mar-2026' },
      { document: 'CAN-00313 (PO-00313)', type: 'Purchase invoice', message: "Account code '425' has been archived, or has been deleted. Each line item must reference a valid account." },
      { document: 'INV-01044 (SO-01044)', type: 'Sale invoice', message: "Account code '275' is not a valid code for this document." },
    ]);
  });

  it('has nothing to fail in the healthy scenario', () => {
    expect(failedTransactions(storeOf('healthy'))).toEqual([]);
  });

  it('says a currency Xero lacks the way Xero does, and the period lock when it is the later one', () => {
    const store = storeOf('healthy');
    const sale = store.cin7.sales[0]!;
    sale.CustomerCurrency = 'SGD';
    expect(failedTransactions(store).map((row) => row.message)).toEqual(['Organisation is not subscribed to currency SGD']);
    sale.CustomerCurrency = store.tenants[0]!.organisation.BaseCurrency;
    store.modifyOrganisation({ PeriodLockDate: '/Date(1924992000000+0000)/', EndOfYearLockDate: null }); // 2031-01-01
    expect(failedTransactions(store)[0]?.message).toBe(`The document date cannot be before the period lock date, currently set at ${xeroMessageDate('2031-01-01')}`);
  });

  it('writes dates as Xero’s message does', () => {
    expect(xeroMessageDate('2018-11-30')).toBe('30-Nov-2018');
  });
});

describe('the list page', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ scenario: 'broken', port: 0 });
  });
  afterAll(() => sandbox.close());

  it('is opened by the dashboard’s Failed count, and a row marked Skipped leaves the count', async () => {
    const dashboard = (await call(sandbox, `${CIN7}/Dashboard`)).text;
    expect(dashboard).toContain(`<a href="${FAILED_LIST_PATH}" class="sync-failed">Failed: 3</a>`);
    const list = (await call(sandbox, `${CIN7}${FAILED_LIST_PATH}`)).text;
    expect(list).toContain('Account code &#39;425&#39; has been archived, or has been deleted.');
    const id = /name="id" value="([^"]+)"/.exec(list)?.[1] ?? '';
    const skip = await call(sandbox, `${CIN7}${FAILED_LIST_PATH}/Skip`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `id=${encodeURIComponent(id)}&status=skipped`,
    });
    expect(skip.status).toBe(302);
    expect((await call(sandbox, `${CIN7}/Dashboard`)).text).toContain('Failed: 2</a>');
    expect((await call(sandbox, `${CIN7}${FAILED_LIST_PATH}`)).text).toMatch(/<option value="skipped" selected>Skipped/);
  });
});
