// checkRecordTaxRules: every verdict of a product's, customer's or supplier's tax rule fields, with its fix.
import { describe, expect, it } from 'vitest';
import { checkRecordTaxRules, type TaxRuleRecordKind, type TaxRuleVerdict } from '../../../utils/audit/record-tax-rules';
import { readTarget } from '../../../utils/audit/links';
import { parseSnapshot, type Snapshot } from '../../../utils/schemas';
import { healthyAccounts } from './fixtures';

type Raw = Record<string, unknown>;

const PRODUCT = 'p-0001';
const CUSTOMER = 'c-0001';
const SUPPLIER = 's-0001';

const rule = (Name: string, extra: Raw = {}): Raw => ({ Name, Account: '820', IsActive: true, IsTaxForSale: true, IsTaxForPurchase: true, ...extra });
const rate = (Name: string, TaxType: string, Status = 'ACTIVE'): Raw => ({ Name, TaxType, Status });

interface Setup {
  product?: Raw;
  customer?: Raw;
  supplier?: Raw;
  rules?: Raw[] | undefined;
  rates?: Raw[];
  me?: Raw | null;
  accounts?: Raw[] | undefined;
}

function snapshot(setup: Setup = {}): Snapshot {
  const has = (key: keyof Setup) => Object.prototype.hasOwnProperty.call(setup, key);
  const accounts = has('accounts') ? setup.accounts : healthyAccounts();
  return parseSnapshot({
    cin7: {
      me: has('me') ? setup.me : { Currency: 'NZD', DefaultSaleTaxRuleName: 'GST on Income' },
      taxRules: has('rules')
        ? setup.rules
        : [rule('GST on Income'), rule('GST on Expenses'), rule('Old GST', { IsActive: false }), rule('Posts to Sales', { Account: '200' }), rule('Archived account', { Account: '477' }), rule('Gone account', { Account: '555' }), rule('Zero Rated'), rule('Purchases only', { IsTaxForSale: false }), rule('Sales only', { IsTaxForPurchase: false }), rule('Flags absent', { IsTaxForSale: undefined, IsTaxForPurchase: undefined })],
      products: [{ ID: PRODUCT, SKU: 'TENT-1', Name: 'Tent', SaleTaxRule: null, PurchaseTaxRule: null, ...setup.product }],
      customers: [{ ID: CUSTOMER, Name: 'Acme Ltd', TaxRule: 'GST on Income', ...setup.customer }],
      suppliers: [{ ID: SUPPLIER, Name: 'Metalworks', TaxRule: 'GST on Expenses', ...setup.supplier }],
    },
    xero: {
      organisation: { Name: 'Org', ShortCode: '!abc', BaseCurrency: 'NZD' },
      ...(accounts ? { accounts } : {}),
      taxRates: setup.rates ?? [rate('GST on Income', 'OUTPUT2'), rate('GST on Expenses', 'INPUT2')],
    },
  });
}

const ID = { product: PRODUCT, customer: CUSTOMER, supplier: SUPPLIER } as const;
const fieldOf = (kind: TaxRuleRecordKind, setup: Setup, index = 0) => {
  const result = checkRecordTaxRules(snapshot(setup), { kind, id: ID[kind] });
  expect(result.found).toBe(true);
  return result.fields[index]!;
};

describe('checkRecordTaxRules verdicts', () => {
  const cases: Array<{ name: string; kind: TaxRuleRecordKind; setup: Setup; index?: number; verdict: TaxRuleVerdict; severity: string; explains: RegExp; fix: RegExp | null }> = [
    { name: 'customer rule that exists, is active and posts to a liability', kind: 'customer', setup: {}, verdict: 'ok', severity: 'ok', explains: /“GST on Income” is an active Cin7 Core tax rule posting to a valid liability account/, fix: null },
    { name: 'name matched ignoring case and space', kind: 'supplier', setup: { supplier: { TaxRule: '  gst ON expenses ' } }, verdict: 'ok', severity: 'ok', explains: /“GST on Expenses” is an active/, fix: null },
    { name: 'product sale rule not set: the sale’s (customer’s) rule, default named', kind: 'product', setup: {}, verdict: 'notSet', severity: 'info', explains: /sales of this product use the sale’s tax rule, which comes from the customer\. Cin7 Core’s default sale tax rule is “GST on Income”/, fix: null },
    { name: 'product purchase rule not set: the supplier’s', kind: 'product', setup: {}, index: 1, verdict: 'notSet', severity: 'info', explains: /purchases of this product use the purchase’s tax rule, which comes from the supplier/, fix: null },
    { name: 'customer without a rule: the default sale tax rule', kind: 'customer', setup: { customer: { TaxRule: null } }, verdict: 'notSet', severity: 'info', explains: /fall back to the default sale tax rule\. Cin7 Core’s default sale tax rule is “GST on Income”/, fix: /\/Customer#c-0001&mg-target=field:Tax%20rule/ },
    { name: 'customer without a rule, company settings not fetched', kind: 'customer', setup: { customer: { TaxRule: '' }, me: null }, verdict: 'notSet', severity: 'info', explains: /default sale tax rule is not known \(company settings not fetched\)/, fix: /\/Customer#/ },
    { name: 'supplier without a rule: no purchase default', kind: 'supplier', setup: { supplier: { TaxRule: null } }, verdict: 'notSet', severity: 'info', explains: /no default purchase tax rule/, fix: /^https:\/\/inventory\.dearsystems\.com\/$/ },
    { name: 'unknown rule name', kind: 'product', setup: { product: { SaleTaxRule: 'GST on Sales' } }, verdict: 'unknown', severity: 'error', explains: /no tax rule named “GST on Sales” .*this product’s sales/, fix: /\/Product#p-0001&mg-target=field:Sale%20tax%20rule/ },
    { name: 'inactive rule', kind: 'product', setup: { product: { PurchaseTaxRule: 'Old GST' } }, index: 1, verdict: 'inactive', severity: 'warning', explains: /“Old GST” is inactive in Cin7 Core, so it should not be used on new purchases/, fix: /\/Product#p-0001&mg-target=field:Purchase%20tax%20rule/ },
    { name: 'purchase-only rule on a customer (sales)', kind: 'customer', setup: { customer: { TaxRule: 'Purchases only' } }, verdict: 'wrongUse', severity: 'warning', explains: /“Purchases only” is set up in Cin7 Core for purchases only, not for sales/, fix: /\/Customer#c-0001&mg-target=field:Tax%20rule/ },
    { name: 'sale-only rule on a product’s purchase field', kind: 'product', setup: { product: { PurchaseTaxRule: 'Sales only' } }, index: 1, verdict: 'wrongUse', severity: 'warning', explains: /for sales only, not for purchases/, fix: /Purchase%20tax%20rule/ },
    { name: 'rule without the sale/purchase flags: not judged on them', kind: 'supplier', setup: { supplier: { TaxRule: 'Flags absent' } }, verdict: 'ok', severity: 'ok', explains: /“Flags absent” is an active/, fix: null },
    { name: 'rule posting to a non-liability account (the engine’s message, its Xero chart link)', kind: 'supplier', setup: { supplier: { TaxRule: 'Posts to Sales' } }, verdict: 'accountInvalid', severity: 'error', explains: /"Posts to Sales" posts to 200 Sales, which is not a liability account/, fix: /go\.xero\.com.*ChartOfAccounts/ },
    { name: 'rule posting to an archived account', kind: 'customer', setup: { customer: { TaxRule: 'Archived account' } }, verdict: 'accountInvalid', severity: 'error', explains: /which is archived in Xero/, fix: /ChartOfAccounts/ },
    { name: 'rule posting to a code not in Xero: fixed on the record', kind: 'customer', setup: { customer: { TaxRule: 'Gone account' } }, verdict: 'accountInvalid', severity: 'error', explains: /account 555, which is not in Xero's chart of accounts/, fix: /\/Customer#c-0001/ },
    { name: 'Xero tax rate of the same name deleted', kind: 'customer', setup: { rates: [rate('GST on Income', 'OUTPUT2', 'DELETED')] }, verdict: 'xeroTaxRateInactive', severity: 'error', explains: /Xero’s tax rate “GST on Income” \(OUTPUT2\), .* is deleted in Xero/, fix: /shortcode=!abc.*TaxRates\.aspx/ },
    { name: 'Xero tax rate of the same name archived', kind: 'supplier', setup: { rates: [rate('gst on expenses', 'INPUT2', 'ARCHIVED')] }, verdict: 'xeroTaxRateInactive', severity: 'error', explains: /is archived in Xero/, fix: /TaxRates\.aspx/ },
    { name: 'no Xero rate of that name: not judged', kind: 'customer', setup: { customer: { TaxRule: 'Zero Rated' } }, verdict: 'ok', severity: 'ok', explains: /“Zero Rated” is an active/, fix: null },
    { name: 'tax rules not fetched', kind: 'customer', setup: { rules: undefined }, verdict: 'unchecked', severity: 'info', explains: /tax rules have not been fetched yet/, fix: null },
    { name: 'Xero chart not fetched: active rule, account not checked', kind: 'customer', setup: { accounts: undefined }, verdict: 'ok', severity: 'ok', explains: /checked once Xero’s chart of accounts is fetched/, fix: null },
  ];

  it.each(cases)('$name → $verdict', ({ kind, setup, index, verdict, severity, explains, fix }) => {
    const field = fieldOf(kind, setup, index);
    expect(field.verdict).toBe(verdict);
    expect(field.severity).toBe(severity);
    expect(field.explanation).toMatch(explains);
    if (fix) expect(field.fix?.url).toMatch(fix);
    else expect(field.fix).toBeUndefined();
  });

  it('an inactive rule is reported as inactive, not through its account (the engine skips inactive rules)', () => {
    const field = fieldOf('customer', { customer: { TaxRule: 'Old' }, rules: [rule('Old', { IsActive: false, Account: '200' })] });
    expect(field.verdict).toBe('inactive');
  });

  it('links a rule to its Xero rate by percentages, not by name alone', () => {
    const rates = [{ Name: '15% GST on Income', TaxType: 'OUTPUT2', Status: 'ACTIVE', DisplayTaxRate: 15 }, { Name: 'GST on Old', TaxType: 'OLD', Status: 'ACTIVE', DisplayTaxRate: 15 }];
    const linked = fieldOf('customer', { rules: [rule('GST on Income', { TaxPercent: 15 })], rates });
    expect(linked).toMatchObject({ verdict: 'ok' });
    expect(linked.explanation).toMatch(/stands for Xero’s “15% GST on Income” \(OUTPUT2\)/);
    const missing = fieldOf('customer', { rules: [rule('GST on Income', { TaxPercent: 12.5 })], rates });
    expect(missing).toMatchObject({ verdict: 'notInXero', severity: 'warning', fix: { app: 'xero' } });
    expect(missing.explanation).toMatch(/No Xero tax rate is 12\.5% like the Cin7 Core tax rule “GST on Income”/);
    const archived = fieldOf('customer', { rules: [rule('GST on Income', { TaxPercent: 15 })], rates: [{ ...rates[0], Status: 'ARCHIVED' }] });
    expect(archived).toMatchObject({ verdict: 'xeroTaxRateInactive', severity: 'error' });
  });

  it('names the rule, the field and the fallback', () => {
    const customer = fieldOf('customer', { customer: { TaxRule: null } });
    expect(customer).toMatchObject({ field: 'TaxRule', fieldLabel: 'Tax rule', ruleName: null, fallback: 'GST on Income' });
    const product = checkRecordTaxRules(snapshot({ product: { SaleTaxRule: 'GST on Income', PurchaseTaxRule: 'GST on Expenses' } }), { kind: 'product', id: PRODUCT.toUpperCase() });
    expect(product.label).toBe('Product TENT-1 (Tent)');
    expect(product.fields.map((f) => [f.field, f.fieldLabel, f.ruleName, f.verdict])).toEqual([
      ['SaleTaxRule', 'Sale tax rule', 'GST on Income', 'ok'],
      ['PurchaseTaxRule', 'Purchase tax rule', 'GST on Expenses', 'ok'],
    ]);
  });

  it('fix links on the record carry the field to highlight', () => {
    const field = fieldOf('product', { product: { SaleTaxRule: 'Nope' } });
    expect(field.fix?.app).toBe('cin7');
    expect(readTarget(field.fix!.url)).toEqual({ kind: 'field', key: 'Sale tax rule' });
  });

  it('a record not in the snapshot, or a list not fetched, says why', () => {
    const missing = checkRecordTaxRules(snapshot(), { kind: 'supplier', id: 'nope' });
    expect(missing).toMatchObject({ found: false, fields: [] });
    expect(missing.reason).toMatch(/not in the fetched data yet/);
    const unfetched = checkRecordTaxRules(parseSnapshot({ cin7: { taxRules: [] } }), { kind: 'product', id: PRODUCT });
    expect(unfetched.reason).toMatch(/products not fetched yet/);
  });
});
