// @vitest-environment node
// Every cause from variants written here (prefixes, case, spacing, line breaks, entities, spellings, date forms), and
// texts that must give no match. The samples are the public wordings in research/fidelity.md.
import { describe, expect, it } from 'vitest';
import { CAUSES, explain, type CauseId, type ExplainSubject } from '@/utils/explain';

const found = (text: string) => explain(text).matches.map(({ cause, subject }) => ({ cause, subject }));

const VARIANTS: [CauseId, string, ExplainSubject][] = [
  ['account-invalid-for-document', "Account code '200' is not a valid code for this document.", { account: '200' }],
  ['account-invalid-for-document', "A validation exception occurred: Account code &#39;4-1000&#39; is not a valid code for this document.", { account: '4-1000' }],
  ['account-invalid-for-document', 'ACCOUNT CODE "SALES" IS NOT A VALID CODE FOR THIS DOCUMENT', { account: 'SALES' }],
  ['account-invalid-for-document', 'Sync failed. account code 200 is not a valid\ncode for this document. Please check.', { account: '200' }],
  ['account-archived', "Account code '455' has been archived, or has been deleted. Each line item must reference a valid account.", { account: '455' }],
  ['account-archived', "A validation exception occurred\n\nAccount code &#x27;810&#x27; has been archived, or has been deleted.", { account: '810' }],
  ['account-archived', 'account   code  ‘091’  has been\r\narchived,  or has been deleted', { account: '091' }],
  ['account-archived', "<td>Account code &amp;#39;425&amp;#39; has been archived, or has been deleted.</td>", { account: '425' }],
  ['period-locked', 'The document date cannot be before the period lock date, currently set at 30-Nov-2018', { lock: 'period', date: '2018-11-30' }],
  ['period-locked', 'A validation exception occurred: the document date cannot be before the period lock date, currently set at 30 Nov 2018.', { lock: 'period', date: '2018-11-30' }],
  ['period-locked', 'The document date cannot be before the end of year lock date, currently set at 2018-11-30.', { lock: 'endOfYear', date: '2018-11-30' }],
  ['period-locked', 'THE DOCUMENT DATE CAN NOT BE BEFORE THE END-OF-YEAR LOCK DATE, CURRENTLY SET AT 31 MARCH 2026', { lock: 'endOfYear', date: '2026-03-31' }],
  ['period-locked', 'The document date cannot be before the period lock date, currently set at March 31, 2026', { lock: 'period', date: '2026-03-31' }],
  ['period-locked', 'The document date cannot be before the period lock date, currently set at 31/03/2026', { lock: 'period', date: '2026-03-31' }],
  // Day and month could be either way round: the cause, without a date, rather than a wrong date.
  ['period-locked', 'The document date cannot be before the period lock date, currently set at 03/04/2026', { lock: 'period' }],
  ['period-locked', 'The document date cannot be before the period lock date', { lock: 'period' }],
  ['currency-not-enabled', 'Organisation is not subscribed to currency SGD', { currency: 'SGD' }],
  ['currency-not-enabled', 'XRO068: Organization is not subscribed to currency gbp.', { currency: 'GBP' }],
  ['currency-not-enabled', 'Xero said: ORGANISATION IS NOT SUBSCRIBED TO CURRENCY &quot;USD&quot;', { currency: 'USD' }],
  // Expensify's placeholder "x" is no currency: the cause without a subject.
  ['currency-not-enabled', 'XRO068: Organization is not subscribed to currency x', {}],
  ['tax-type-not-allowed', "The TaxType code 'OUTPUT2' cannot be used with account code '090'.", { taxType: 'OUTPUT2', account: '090' }],
  ['tax-type-not-allowed', 'A validation exception occurred: the tax type code &#39;input&#39; cannot be used with account code &#39;200&#39;', { taxType: 'INPUT', account: '200' }],
  ['tax-type-not-allowed', 'The TaxType code OUTPUT2 cannot be used with account code 090.', { taxType: 'OUTPUT2', account: '090' }],
  ['invoice-paid-in-xero', 'Current invoice has been paid in Xero and cannot be updated. Please remove payment in Xero and then try to export the invoice.', {}],
  ['invoice-paid-in-xero', 'INV-0042: current invoice has been paid in XERO and can not be updated', {}],
  ['invalid-symbols-in-name', 'Please remove the incorrect symbols from the product name.', {}],
  ['invalid-symbols-in-name', 'Error:\nplease  remove the incorrect symbols\nfrom the product name', {}],
  ['payment-exceeds-outstanding', 'Payment amount exceeds the amount outstanding on this document', {}],
  ['payment-exceeds-outstanding', 'PAYMENT AMOUNT EXCEEDS THE AMOUNT OUTSTANDING ON THIS DOCUMENT.', {}],
  ['document-has-allocations', 'This document cannot be edited as it has a payment or credit note allocated to it.', {}],
  ['document-has-allocations', 'A validation exception occurred: this document cannot be edited as it has a payment or credit note allocated to it', {}],
  ['invalid-status-for-modification', 'Invoice not of valid status for modification', {}],
  ['invalid-status-for-modification', 'A validation exception occurred - INVOICE NOT OF VALID STATUS FOR MODIFICATION.', {}],
  ['inventory-account-type', 'You cannot save this transaction using an inventory account type', {}],
  ['inventory-account-type', 'Xero: you cannot save this transaction using an Inventory account type.', {}],
];

describe('explain recognises every cause', () => {
  it('has variants for every cause', () => {
    expect(new Set(VARIANTS.map(([cause]) => cause))).toEqual(new Set(CAUSES));
  });

  it.each(VARIANTS)('%s from %j', (cause, text, subject) => {
    expect(found(text)).toEqual([{ cause, subject }]);
  });

  it('gives a message for every cause, and a fix link where a screen fixes it', () => {
    for (const [cause, text] of VARIANTS) {
      const [match] = explain(text).matches;
      expect(match!.message.length, cause).toBeGreaterThan(40);
      expect(match!.related).toEqual([]);
      const linked = !['invoice-paid-in-xero', 'invalid-symbols-in-name', 'payment-exceeds-outstanding', 'document-has-allocations', 'invalid-status-for-modification'].includes(cause);
      expect(match!.fix !== undefined, cause).toBe(linked);
    }
  });
});

describe('several errors and repeats', () => {
  it('returns one match per error, in the order of the text', () => {
    const text = [
      '12 Nov  SO-1038  Invoice  The document date cannot be before the end of year lock date, currently set at 31-Mar-2026',
      "13 Nov  SO-1044  Invoice  Account code '275' is not a valid code for this document.",
      '14 Nov  SO-1050  Invoice  Organisation is not subscribed to currency GBP',
    ].join('\n');
    expect(found(text).map((match) => match.cause)).toEqual(['period-locked', 'account-invalid-for-document', 'currency-not-enabled']);
  });

  it('keeps different subjects of one cause apart and drops exact repeats', () => {
    const text = "Account code '810' has been archived, or has been deleted. Account code '425' has been archived, or has been deleted. Account code '810' has been archived, or has been deleted.";
    expect(found(text)).toEqual([
      { cause: 'account-archived', subject: { account: '810' } },
      { cause: 'account-archived', subject: { account: '425' } },
    ]);
  });
});

describe('texts that must not match', () => {
  it.each([
    '',
    'Everything synced.',
    "Account code '200' is a valid code for this document.",
    "Account code '455' has been approved.",
    'Organisation is subscribed to currency SGD',
    'The document date can be before the period lock date',
    'The invoice date is before the lock date',
    'Payment amount is less than the amount outstanding on this document',
    'This document can be edited.',
    'Invoice is of valid status for modification',
    'You can save this transaction using an inventory account type',
    'Current invoice has been paid in Stripe',
    'Please remove the symbols from the customer name.',
    // Other systems' errors.
    'The transaction date is prior to the closing date.', // QuickBooks
    'Transaction date is in a locked period', // generic accounting
    'Stripe: Your card was declined.',
    'Shopify: Inventory item does not have inventory tracking enabled',
    'TaxType OUTPUT2 is invalid', // not Xero's account-code wording
    'AccountCodeArchived: 455', // a made-up code, not a published text
  ])('%j', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('does not read a word after "currency" as a currency', () => {
    expect(found('Organisation is not subscribed to currency and cannot accept it')).toEqual([{ cause: 'currency-not-enabled', subject: {} }]);
  });

  it('does not read an impossible date as a date', () => {
    expect(found('The document date cannot be before the period lock date, currently set at 31-Feb-2018')).toEqual([{ cause: 'period-locked', subject: { lock: 'period' } }]);
  });
});
