// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  applyLearnedPages,
  cin7AccountMappingLink,
  cin7GeneralSettingsLink,
  cin7RecordLink,
  readTarget,
  stripTarget,
  withTarget,
  xeroBankAccountsLink,
  xeroChartLink,
  xeroCurrenciesLink,
  xeroFinancialSettingsLink,
  xeroProductsLink,
  xeroTaxRatesLink,
  xeroTrackingLink,
  xeroUrl,
} from '../../../utils/audit/links';

const wrap = (path: string) => `https://go.xero.com/organisationlogin/default.aspx?shortcode=!NLglS&redirecturl=${encodeURIComponent(path)}`;

describe('fix links', () => {
  it.each([
    // Issue #13: pages without a published URL go to the sourced Settings page (the label says the menu path).
    [cin7AccountMappingLink(), 'cin7', 'https://inventory.dearsystems.com/Settings'],
    [cin7AccountMappingLink('cogs'), 'cin7', 'https://inventory.dearsystems.com/Settings#mg-target=role:cogs'],
    [cin7GeneralSettingsLink(), 'cin7', 'https://inventory.dearsystems.com/Settings'],
    [cin7RecordLink('sale', 'abc-1'), 'cin7', 'https://inventory.dearsystems.com/Sale#abc-1'],
    [cin7RecordLink('purchase', 'T-9'), 'cin7', 'https://inventory.dearsystems.com/Purchase#T-9'],
    [cin7RecordLink('product', 'p1', 'ExpenseAccount'), 'cin7', 'https://inventory.dearsystems.com/Product#p1&mg-target=field:ExpenseAccount'],
    [cin7RecordLink('customer', undefined), 'cin7', 'https://inventory.dearsystems.com/CustomerList'],
    [cin7RecordLink('supplier', ''), 'cin7', 'https://inventory.dearsystems.com/'],
    [cin7RecordLink('supplier', 's-1'), 'cin7', 'https://inventory.dearsystems.com/'],
    [cin7RecordLink('product', null), 'cin7', 'https://inventory.dearsystems.com/'],
    [cin7RecordLink('sale', null), 'cin7', 'https://inventory.dearsystems.com/SaleList'],
    [xeroChartLink(null), 'xero', 'https://go.xero.com/GeneralLedger/ChartOfAccounts.aspx'],
    [xeroChartLink(undefined, '1400'), 'xero', 'https://go.xero.com/GeneralLedger/ChartOfAccounts.aspx#mg-target=account:1400'],
    [xeroChartLink('!NLglS', '1400'), 'xero', wrap('/GeneralLedger/ChartOfAccounts.aspx#mg-target=account:1400')],
    [xeroFinancialSettingsLink('!NLglS'), 'xero', wrap('/Setup/FinancialSettings.aspx')],
    [xeroProductsLink('!NLglS', 'W-1'), 'xero', wrap('/Accounts/Inventory/#mg-target=item:W-1')],
    [xeroCurrenciesLink(null, 'EUR'), 'xero', 'https://go.xero.com/Setup/CurrencyRates.aspx#mg-target=currency:EUR'],
    [xeroBankAccountsLink(null), 'xero', 'https://go.xero.com/Bank/BankAccounts.aspx'],
    [xeroTrackingLink(null), 'xero', 'https://go.xero.com/Setup/Tracking.aspx'],
    [xeroTaxRatesLink('  '), 'xero', 'https://go.xero.com/Setup/TaxRates.aspx'],
  ])('%#: %o', (link, app, url) => {
    expect(link.app).toBe(app);
    expect(link.url).toBe(url);
    expect(link.label.length).toBeGreaterThan(0);
  });
});

describe('archived accounts', () => {
  it('link to the chart’s Archive tab, where Xero lists them, with the account as arrival target', () => {
    const link = xeroChartLink('!NLglS', '810', { archived: true });
    expect(link.url).toBe(wrap('/GeneralLedger/ChartOfAccounts.aspx?accountClass=ACCTSTATUS/ARCHIVED&PageSize=200#mg-target=account:810'));
    expect(link.label).toMatch(/Archive tab/);
    expect(readTarget(link.url)).toEqual({ kind: 'account', key: '810' });
  });
});

describe('pages without a published URL', () => {
  it('say the menu path in words until the page is learned', () => {
    expect(cin7AccountMappingLink('cogs')).toEqual({
      app: 'cin7',
      url: 'https://inventory.dearsystems.com/Settings#mg-target=role:cogs',
      label: 'Open Settings in Cin7 Core → Reference Books → Financial → Account Mapping',
      page: 'accountMapping',
    });
    expect(cin7GeneralSettingsLink().label).toBe('Open Settings in Cin7 Core → General Settings');
  });

  it('applyLearnedPages moves the link to the learned URL and keeps the target after its own fragment', () => {
    const learned = { accountMapping: 'https://inventory.dearsystems.com/Settings#ReferenceBooks/Financial/AccountMapping' };
    expect(applyLearnedPages(cin7AccountMappingLink('cogs'), learned)).toEqual({
      app: 'cin7',
      url: 'https://inventory.dearsystems.com/Settings#ReferenceBooks/Financial/AccountMapping&mg-target=role:cogs',
      label: 'Open Account Mapping in Cin7 Core',
      page: 'accountMapping',
    });
    expect(applyLearnedPages(cin7AccountMappingLink(), { accountMapping: 'https://inventory.dearsystems.com/x' }).url).toBe('https://inventory.dearsystems.com/x');
  });

  it('applyLearnedPages leaves links of other pages, unlearned pages and record links alone', () => {
    const learned = { chartOfAccounts: 'https://inventory.dearsystems.com/y' };
    expect(applyLearnedPages(cin7AccountMappingLink('cogs'), learned)).toEqual(cin7AccountMappingLink('cogs'));
    expect(applyLearnedPages(cin7RecordLink('sale', 'abc'), { accountMapping: 'https://inventory.dearsystems.com/z' })).toEqual(cin7RecordLink('sale', 'abc'));
    expect(applyLearnedPages(xeroChartLink(null), learned)).toEqual(xeroChartLink(null));
  });
});

describe('arrival target', () => {
  it.each([
    ['https://inventory.dearsystems.com/AccountMapping', { kind: 'role', key: 'cogs' }],
    ['https://inventory.dearsystems.com/Sale#abc', { kind: 'line', key: '3' }],
    ['https://go.xero.com/GeneralLedger/ChartOfAccounts.aspx', { kind: 'account', key: 'A:B&C#D E' }],
    [xeroUrl('/GeneralLedger/ChartOfAccounts.aspx', '!NLglS'), { kind: 'account', key: '1400' }],
  ])('round-trips through withTarget/readTarget: %s', (url, target) => {
    const linked = withTarget(url, target);
    expect(readTarget(linked)).toEqual(target);
    expect(readTarget(withTarget(linked, { kind: 'role', key: 'other' }))).toEqual({ kind: 'role', key: 'other' });
  });

  it('keeps a record id in the fragment and strips only the target', () => {
    const linked = withTarget('https://inventory.dearsystems.com/Sale#abc', { kind: 'line', key: '3' });
    expect(linked).toBe('https://inventory.dearsystems.com/Sale#abc&mg-target=line:3');
    expect(stripTarget(linked)).toBe('https://inventory.dearsystems.com/Sale#abc');
    expect(stripTarget('https://inventory.dearsystems.com/AccountMapping#mg-target=role:cogs')).toBe('https://inventory.dearsystems.com/AccountMapping');
  });

  it('puts the target inside the Xero wrapper\'s redirecturl', () => {
    const linked = withTarget(xeroUrl('/Setup/FinancialSettings.aspx', '!NLglS'), { kind: 'lock', key: 'period' });
    const redirect = new URL(linked).searchParams.get('redirecturl');
    expect(redirect).toBe('/Setup/FinancialSettings.aspx#mg-target=lock:period');
    expect(new URL(linked).hash).toBe('');
  });

  it.each([
    ['https://go.xero.com/GeneralLedger/ChartOfAccounts.aspx'],
    ['https://go.xero.com/x#mg-target='],
    ['https://go.xero.com/x#mg-target=account'],
    ['https://go.xero.com/x#mg-target=:1400'],
    ['https://go.xero.com/x#mg-target=account:%E0%A4%A'],
    ['not a url'],
  ])('reads no target from %s', (url) => {
    expect(readTarget(url)).toBeNull();
  });
});
