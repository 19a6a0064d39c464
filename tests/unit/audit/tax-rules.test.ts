// Tax by substance (issue #14): Cin7 rules matched to Xero rates by percentages, and the three tax codes.
import { describe, expect, it } from 'vitest';
import { matchTaxRate } from '../../../utils/audit/tax-match';
import { checkRecordTaxRules } from '../../../utils/audit/record-tax-rules';
import { healthScore } from '../../../utils/audit/score';
import type { Cin7TaxRule } from '../../../utils/schemas/cin7';
import type { XeroTaxRate } from '../../../utils/schemas/xero';
import { findingsOf, runAudit, snapshotWith } from './fixtures';

type Raw = Record<string, unknown>;

const rule = (Name: string, percents: number[], extra: Partial<Cin7TaxRule> = {}): Cin7TaxRule => ({
  Name,
  Account: '820',
  IsActive: true,
  TaxPercent: percents.reduce((sum, value) => sum + value, 0),
  Components: percents.map((Percent, index) => ({ Name: `Part ${index + 1}`, Percent: String(Percent), AccountCode: '820', ComponentOrder: index + 1 })),
  ...extra,
});
const rate = (Name: string, TaxType: string, percents: number[], extra: Partial<XeroTaxRate> = {}): XeroTaxRate => ({
  Name,
  TaxType,
  Status: 'ACTIVE',
  DisplayTaxRate: percents.reduce((sum, value) => sum + value, 0),
  TaxComponents: percents.map((Rate) => ({ Name: 'GST', Rate, IsCompound: false })),
  ...extra,
});

const NZ = [rate('15% GST on Expenses', 'INPUT2', [15]), rate('15% GST on Income', 'OUTPUT2', [15]), rate('No GST', 'NONE', [0]), rate('Zero Rated', 'ZERORATED', [0])];

describe('matchTaxRate', () => {
  it('matches by percentages when the names differ, preferring the likelier name', () => {
    expect(matchTaxRate(rule('GST on Income', [15]), NZ)).toMatchObject({ status: 'matched', by: 'substance', rate: { TaxType: 'OUTPUT2' } });
    expect(matchTaxRate(rule('GST on Expenses', [15]), NZ)).toMatchObject({ status: 'matched', rate: { TaxType: 'INPUT2' } });
    expect(matchTaxRate(rule('Zero Rated', [0]), NZ)).toMatchObject({ status: 'matched', by: 'name', rate: { TaxType: 'ZERORATED' } });
  });

  it('does not take a same-named rate with other percentages', () => {
    const result = matchTaxRate(rule('GST on Income', [12.5]), [rate('GST on Income', 'OUTPUT', [15])]);
    expect(result).toMatchObject({ status: 'differs', rule: '12.5%', xero: '15%' });
  });

  it('says so when no rate has the percentages, and prefers an active rate to an archived one', () => {
    expect(matchTaxRate(rule('GST 10%', [10]), NZ)).toEqual({ status: 'missing', rule: '10%' });
    const archived = rate('GST on Income', 'OUTPUT', [15], { Status: 'ARCHIVED' });
    expect(matchTaxRate(rule('GST on Income', [15]), [archived])).toMatchObject({ status: 'inactive', rate: archived });
    expect(matchTaxRate(rule('GST on Income', [15]), [archived, ...NZ])).toMatchObject({ status: 'matched', rate: { TaxType: 'OUTPUT2' } });
  });

  it('compares components, compounding included, and totals when one side lists none', () => {
    const compound = rate('PST + GST', 'CA', [5, 7], { TaxComponents: [{ Name: 'GST', Rate: 5, IsCompound: false }, { Name: 'PST', Rate: 7, IsCompound: true }] });
    expect(matchTaxRate(rule('PST + GST', [5, 7]), [compound]).status).toBe('differs');
    expect(matchTaxRate({ Name: 'Fifteen', TaxPercent: 15, Components: [] }, [rate('Sales 15', 'S15', [15])])).toMatchObject({ status: 'matched', by: 'substance' });
    expect(matchTaxRate(rule('Split', [10, 5]), [rate('Sales 15', 'S15', [15])]).status).toBe('matched');
  });

  it('between equally likely rates, prefers one that applies to the rule’s side (the same name still wins)', () => {
    const sales = rate('Zero (sales)', 'ZEROOUT', [0], { CanApplyToExpenses: false });
    const purchases = rate('Zero (purchases)', 'ZEROIN', [0]);
    const forPurchases = rule('Zero', [0], { IsTaxForPurchase: true, IsTaxForSale: false });
    expect(matchTaxRate(forPurchases, [sales, purchases])).toMatchObject({ rate: { TaxType: 'ZEROIN' } });
    expect(matchTaxRate({ ...forPurchases, Name: 'Zero (sales)' }, [sales, purchases])).toMatchObject({ rate: { TaxType: 'ZEROOUT' } });
  });

  it('judges a rule without percentages by name only', () => {
    expect(matchTaxRate({ Name: 'GST on Income' }, [rate('GST on Income', 'OUTPUT2', [15])])).toMatchObject({ status: 'matched', by: 'name' });
    expect(matchTaxRate({ Name: 'Unknown' }, NZ)).toEqual({ status: 'unjudged' });
  });
});

const GST15 = { Name: 'GST on Income', Account: '820', IsActive: true, TaxPercent: 15, IsTaxForSale: true, IsTaxForPurchase: true };
const withTax = (edit: (raw: { cin7: Raw; xero: Raw }) => void) =>
  snapshotWith((raw) => {
    raw.cin7.taxRules = [GST15];
    raw.xero.taxRates = [rate('15% GST', 'OUTPUT2', [15])];
    edit(raw);
  });

describe('RECORD_TAX_RULE_INVALID', () => {
  it('reports each record field the record page judges wrong, with the page’s own words and fix', () => {
    const snapshot = withTax((raw) => {
      (raw.cin7.products as Raw[])[0]!.SaleTaxRule = 'GST on Sales';
      (raw.cin7.customers as Raw[])[0]!.TaxRule = 'GST on Income';
    });
    const findings = findingsOf(snapshot, 'RECORD_TAX_RULE_INVALID');
    expect(findings).toHaveLength(1);
    const page = checkRecordTaxRules(snapshot, { kind: 'product', id: 'p1' }).fields[0]!;
    expect(findings[0]).toMatchObject({ severity: 'error', subject: { kind: 'product', key: 'WIDGET' }, fix: page.fix, cause: 'taxRuleName:gst on sales' });
    expect(findings[0]!.message).toContain(page.explanation);
  });

  it('shares the cause of a rule’s own problem, so the score counts it once', () => {
    const snapshot = withTax((raw) => {
      (raw.cin7.taxRules as Raw[]).push({ Name: 'Bad', Account: '200', IsActive: true });
      (raw.cin7.customers as Raw[])[0]!.TaxRule = 'Bad';
      (raw.cin7.suppliers as Raw[])[0]!.TaxRule = 'Bad';
    });
    const { findings } = runAudit(snapshot);
    const tax = findings.filter((finding) => finding.code === 'RECORD_TAX_RULE_INVALID' || finding.code === 'TAX_RULE_ACCOUNT_INVALID');
    expect(tax).toHaveLength(3);
    const only = findings.filter((finding) => finding.code === 'TAX_RULE_ACCOUNT_INVALID');
    expect(healthScore(tax, { mappingRead: true })).toBe(healthScore(only, { mappingRead: true }));
  });

  it('reports nothing for fields left empty (the next level’s rule applies)', () => {
    expect(findingsOf(withTax(() => {}), 'RECORD_TAX_RULE_INVALID')).toEqual([]);
  });
});

describe('TAX_RULE_NOT_IN_XERO', () => {
  it('flags a used rule Xero has no rate for, with who uses it, and not an unused or inactive one', () => {
    const snapshot = withTax((raw) => {
      (raw.cin7.taxRules as Raw[]).push(
        { Name: 'GST 10%', Account: '820', IsActive: true, TaxPercent: 10 },
        { Name: 'Unused 9%', Account: '820', IsActive: true, TaxPercent: 9 },
        { Name: 'Old 12.5%', Account: '820', IsActive: false, TaxPercent: 12.5 },
      );
      (raw.cin7.customers as Raw[])[0]!.TaxRule = 'GST 10%';
      (raw.cin7.products as Raw[])[0]!.SaleTaxRule = 'gst 10%';
      (raw.cin7.suppliers as Raw[])[0]!.TaxRule = 'Old 12.5%';
    });
    const findings = findingsOf(snapshot, 'TAX_RULE_NOT_IN_XERO');
    expect(findings.map((finding) => finding.subject.key)).toEqual(['GST 10%']);
    expect(findings[0]).toMatchObject({ severity: 'warning', cause: 'taxRule:gst 10%', fix: { app: 'xero' } });
    expect(findings[0]!.message).toMatch(/No Xero tax rate is 10%.*tax adjustment line.*Used by 1 product and 1 customer\./);
  });

  it('is an error when the only matching Xero rate is archived', () => {
    const snapshot = withTax((raw) => {
      raw.xero.taxRates = [rate('15% GST', 'OUTPUT2', [15], { Status: 'ARCHIVED' })];
    });
    const findings = findingsOf(snapshot, 'TAX_RULE_NOT_IN_XERO');
    expect(findings).toHaveLength(0); // nothing uses the rule yet
    const used = withTax((raw) => {
      raw.xero.taxRates = [rate('15% GST', 'OUTPUT2', [15], { Status: 'ARCHIVED' })];
      (raw.cin7.customers as Raw[])[0]!.TaxRule = 'GST on Income';
    });
    expect(findingsOf(used, 'TAX_RULE_NOT_IN_XERO')[0]).toMatchObject({ severity: 'error' });
    expect(findingsOf(used, 'RECORD_TAX_RULE_INVALID')[0]).toMatchObject({ severity: 'error', cause: 'taxRule:gst on income' });
  });
});

describe('TAX_RATE_NOT_APPLICABLE', () => {
  const salesOnly = rate('15% GST', 'OUTPUT2', [15], { CanApplyToRevenue: true, CanApplyToAssets: false, CanApplyToExpenses: false });

  it('flags a record whose rule’s Xero rate cannot apply to the account it posts to', () => {
    const snapshot = withTax((raw) => {
      raw.xero.taxRates = [salesOnly];
      (raw.cin7.products as Raw[])[0]!.PurchaseTaxRule = 'GST on Income'; // posts to 1400 Inventory Control (asset)
      (raw.cin7.products as Raw[])[0]!.SaleTaxRule = 'GST on Income'; // posts to 200 Sales (revenue): allowed
      (raw.cin7.products as Raw[])[1]!.PurchaseTaxRule = 'GST on Income'; // service: 429 General Expenses
    });
    const findings = findingsOf(snapshot, 'TAX_RATE_NOT_APPLICABLE');
    expect(findings.map((finding) => [finding.subject.key, finding.cause])).toEqual([
      ['FITTING', 'taxRate:OUTPUT2:EXPENSE'],
      ['WIDGET', 'taxRate:OUTPUT2:ASSET'],
    ]);
    expect(findings[1]!.message).toMatch(/purchase tax rule “GST on Income” stands for Xero’s tax rate “15% GST” \(OUTPUT2\), which Xero does not allow on asset accounts \(CanApplyToAssets is false\), yet it posts to 1400 Inventory Control/);
  });

  it('flags a Xero item whose tax type cannot apply to its account, and says nothing when the flag is absent', () => {
    const snapshot = withTax((raw) => {
      raw.xero.taxRates = [salesOnly, rate('No flags', 'NONE', [0])];
      raw.xero.items = [
        { Code: 'WIDGET', Name: 'Widget', SalesDetails: { AccountCode: '200', TaxType: 'OUTPUT2' }, PurchaseDetails: { AccountCode: '429', TaxType: 'OUTPUT2' } },
        { Code: 'PLAIN', Name: 'Plain', PurchaseDetails: { AccountCode: '429', TaxType: 'NONE' } },
      ];
    });
    const findings = findingsOf(snapshot, 'TAX_RATE_NOT_APPLICABLE');
    expect(findings.map((finding) => [finding.subject.kind, finding.subject.key])).toEqual([['item', 'WIDGET']]);
    expect(findings[0]!.message).toMatch(/purchase tax rate is “15% GST”.*expense accounts/);
  });

  it('does not run without Xero’s tax rates', () => {
    const snapshot = withTax((raw) => {
      delete raw.xero.taxRates;
    });
    const coverage = runAudit(snapshot).coverage.filter((entry) => entry.check.startsWith('tax-r'));
    expect(coverage.filter((entry) => !entry.ran).map((entry) => entry.check).sort()).toEqual(['tax-rate-not-applicable', 'tax-rule-not-in-xero']);
  });
});
