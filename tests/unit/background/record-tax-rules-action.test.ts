// @vitest-environment node
// getRecordTaxRules end to end against the sandbox (scenario broken): the stored snapshot's product, customer or
// supplier with each tax rule field's verdict; without a pair or before a refresh, the reason instead.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox/index';
import { checkRecordTaxRules } from '../../../utils/audit/record-tax-rules';
import { createPairDataStore } from '../../../utils/background/results';
import { createSecretStore } from '../../../utils/background/secrets';
import { createBackgroundService } from '../../../utils/background/service';
import { actions } from '../../../utils/protocol/actions';
import { type ActionContext } from '../../../utils/protocol/server';
import { sandboxConsent, sandboxFetch } from './sandbox-fetch';

const extension: ActionContext = { caller: 'extension' };
const cin7Tab: ActionContext = { caller: 'content', app: 'cin7', tabId: 4 };
let sandbox: Sandbox;
let run = 0;

beforeAll(async () => {
  sandbox = await startSandbox({ scenario: 'broken', port: 0, singleTenant: true });
});
afterAll(() => sandbox.close());

function service() {
  run++;
  return createBackgroundService({
    secrets: createSecretStore(`tax-rules-secrets-${run}`),
    data: createPairDataStore(`tax-rules-data-${run}`),
    redirectUrl: 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/',
    launchWebAuthFlow: sandboxConsent(sandbox),
    fetch: sandboxFetch(sandbox),
  });
}

async function connected() {
  const background = service();
  await background.handlers.setXeroClientId({ clientId: sandbox.xeroClientId }, extension);
  await background.handlers.connectXero(undefined, extension);
  await background.handlers.saveCin7Credentials(sandbox.cin7Credentials, extension);
  const { pairs } = await background.handlers.listPairs(undefined, extension);
  return { background, pair: pairs[0]! };
}

const idOf = (records: Array<Record<string, unknown>>, field: string, value: string) => {
  const record = records.find((candidate) => candidate[field] === value);
  expect(record, `${value} is in the sandbox`).toBeDefined();
  return String(record!.ID);
};

describe('getRecordTaxRules', () => {
  it('after a refresh: the product’s unknown sale rule and the supplier’s inactive rule, as the pure check says', async () => {
    const { background, pair } = await connected();
    await background.refresher.refresh(pair, { full: true });
    const productId = idOf(sandbox.store.cin7.products, 'SKU', 'SLB-DWN-0C');
    const product = await background.handlers.getRecordTaxRules({ kind: 'product', id: productId }, cin7Tab);
    expect(actions.getRecordTaxRules.result.parse(product)).toEqual(product);
    expect(product.found).toBe(true);
    expect(product.fields.map((field) => [field.fieldLabel, field.ruleName, field.verdict])).toEqual([
      ['Sale tax rule', 'GST on Sales', 'unknown'],
      ['Purchase tax rule', null, 'notSet'],
    ]);
    expect(product.fields[0]?.fix?.url).toContain(`/Product#${productId}`);
    // The same answer as the pure function over the sandbox's own data.
    expect(product).toEqual(checkRecordTaxRules(sandbox.snapshot(), { kind: 'product', id: productId }));

    const supplierId = idOf(sandbox.store.cin7.suppliers, 'Name', 'Aoraki Metalworks');
    const supplier = await background.handlers.getRecordTaxRules({ kind: 'supplier', id: supplierId }, cin7Tab);
    expect(supplier.fields).toMatchObject([{ ruleName: 'GST 12.5% on Expenses', verdict: 'inactive', severity: 'warning' }]);

    const customerId = idOf(sandbox.store.cin7.customers, 'Name', 'Summit Sports Whangārei');
    const customer = await background.handlers.getRecordTaxRules({ kind: 'customer', id: customerId }, cin7Tab);
    expect(customer.fields).toMatchObject([{ ruleName: 'GST on Income', verdict: 'ok' }]);
  });

  it('before anything is fetched, and without a pair, says why', async () => {
    const lonely = await service().handlers.getRecordTaxRules({ kind: 'product', id: 'abc' }, { caller: 'content', app: 'cin7', tabId: 99 });
    expect(lonely).toMatchObject({ found: false, fields: [], reason: expect.stringMatching(/Connect Cin7 Core and Xero/) });
    const { background } = await connected();
    const before = await background.handlers.getRecordTaxRules({ kind: 'customer', id: 'abc' }, cin7Tab);
    expect(before).toMatchObject({ found: false, fields: [], reason: expect.stringMatching(/Nothing fetched yet/) });
  });

  it('is open to content scripts and checks its arguments', () => {
    expect(actions.getRecordTaxRules.sender).toBe('app');
    expect(actions.getRecordTaxRules.args.safeParse({ kind: 'sale', id: 'x' }).success).toBe(false);
    expect(actions.getRecordTaxRules.args.safeParse({ kind: 'product', id: '' }).success).toBe(false);
    expect(actions.getRecordTaxRules.args.safeParse({ kind: 'supplier', id: 'a'.repeat(101) }).success).toBe(false);
  });
});
