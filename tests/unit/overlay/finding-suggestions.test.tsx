// Issue #14: the panel's findings and the Account Mapping badges show the answer — the first suggested account —
// and the badges say what to do about payments.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FindingList } from '../../../components/panel/FindingList';
import { badgeFor, rowStatus } from '../../../entrypoints/cin7.content/mapping-status';
import { finding, status } from './status-fixtures';

afterEach(cleanup);

const inventory = [
  { code: '631', name: 'Inventory Control', reason: 'Current Asset account, active, payments off, used by no other role, name matches' },
  { code: '640', name: 'Stock on Hand', reason: 'Current Asset account, active, payments off, used by no other role' },
];
const missing = finding({
  key: 'missing',
  code: 'MAPPING_MISSING',
  subject: { kind: 'role', key: 'inventoryControl', label: 'Inventory Control' },
  message: 'Inventory Control is not mapped to a Xero account.',
  suggestions: inventory,
});

describe('FindingList suggestions', () => {
  it('shows the first suggestion with its reason, and nothing for a finding without one', () => {
    render(<FindingList currentApp="cin7" findings={[missing, finding({ key: 'plain', suggestions: undefined })]} />);
    const items = screen.getAllByRole('listitem');
    const answer = items[0]!.querySelector('.mg-suggestion');
    expect(answer?.textContent).toBe('Map to 631 Inventory Control');
    expect(answer?.getAttribute('title')).toMatch(/name matches/);
    expect(screen.queryByText('Map to 640 Stock on Hand')).toBeNull();
    expect(items[1]!.querySelector('.mg-suggestion')).toBeNull();
  });
});

describe('Account Mapping badges say what to do', () => {
  const badge = (roleId: 'inventoryControl' | 'supplierDeposits' | 'cogs' | 'taxLiability' | 'salesTax', account: string, findings = [missing]) =>
    badgeFor(rowStatus(roleId, account, status({ findings })), roleId);

  it('an unmapped row says which account to map, and keeps the problem in the tooltip', () => {
    const spec = badge('inventoryControl', '');
    expect(spec.text).toBe('Map to 631 Inventory Control');
    expect(spec.tone).toBe('error');
    expect(spec.tooltip).toMatch(/^Unmapped\. /);
  });

  it('payments findings without another account to choose say which way to turn the switch', () => {
    const on = finding({ code: 'PAYMENTS_NOT_ENABLED', subject: { kind: 'role', key: 'supplierDeposits', label: 'Supplier Deposits' } });
    const off = finding({ code: 'PAYMENTS_ENABLED', severity: 'warning', subject: { kind: 'role', key: 'cogs', label: 'Cost of Goods Sold' } });
    expect(badge('supplierDeposits', '621', [on]).text).toBe('Turn payments on');
    expect(badge('cogs', '310', [off]).text).toBe('Turn payments off');
  });

  it('a duplicate shows the suggestion only on the row its fix opens', () => {
    const duplicate = finding({
      code: 'MAPPING_NOT_UNIQUE',
      subject: { kind: 'account', key: '820', label: '820 GST' },
      fix: { app: 'cin7', url: 'https://inventory.dearsystems.com/Settings#mg-target=role:taxLiability', label: 'Open Account Mapping in Cin7 Core' },
      suggestions: [{ code: '830', name: 'Tax Liability', reason: 'Current Liability account, active' }],
    });
    expect(badge('taxLiability', '820: GST', [duplicate]).text).toBe('Map to 830 Tax Liability');
    expect(badge('salesTax', '820: GST', [duplicate]).text).toBe('Duplicate');
  });

  it('without an action the badge keeps the problem word', () => {
    const wrong = finding({ suggestions: undefined });
    expect(badge('cogs', '400', [wrong]).text).toBe('Wrong type');
  });
});
