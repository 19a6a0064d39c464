import { describe, expect, it } from 'vitest';
import { decisionStatus, requiredKeys } from '../../../utils/checklist/decisions';
import { findChecklistItem, type DecisionItem } from '../../../utils/checklist/items';

const item = (id: string) => findChecklistItem(id) as DecisionItem;
const channels = [{ id: 'all', name: 'All channels' }, { id: 'shopify', name: 'Shopify' }];

describe('decisionStatus', () => {
  it('is open without a decision, partial with a note or some fields, decided with every field', () => {
    const origination = item('invoiceOrigination');
    expect(decisionStatus(origination, undefined, channels)).toBe('open');
    expect(decisionStatus(origination, { values: {}, note: 'ask the accountant' }, channels)).toBe('partial');
    expect(decisionStatus(origination, { values: { sentFrom: 'Xero' }, note: '' }, channels)).toBe('partial');
    expect(decisionStatus(origination, { values: { sentFrom: 'Xero', loadInvoices: 'On' }, note: '' }, channels)).toBe('decided');
  });

  it('does not count a value that is not one of the field’s choices', () => {
    expect(decisionStatus(item('approvalWorkflow'), { values: { invoiceStatus: 'Approved' }, note: '' }, channels)).toBe('open');
  });

  it('needs every channel answered for per-channel items', () => {
    const payments = item('consolidatingPayments');
    expect(requiredKeys(payments, channels)).toEqual(['all:payments', 'shopify:payments']);
    expect(decisionStatus(payments, { values: { 'all:payments': 'Individual' }, note: '' }, channels)).toBe('partial');
    expect(decisionStatus(payments, { values: { 'all:payments': 'Individual', 'shopify:payments': 'Daily consolidate' }, note: '' }, channels)).toBe('decided');
  });
});
