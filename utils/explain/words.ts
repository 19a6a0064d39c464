// Each cause and what an error names, in a few words: the note on the page, the panel's and the popup's groups.
import type { CauseId, ExplainSubject } from './causes';

/** Each cause in a few words, without its subject. None holds a phrase of the cheap check (sync-errors test). */
export const CAUSE_TITLES: Readonly<Record<CauseId, string>> = {
  'account-invalid-for-document': 'Account not accepted on this document',
  'account-archived': 'Account archived or deleted in Xero',
  'period-locked': 'Dated before a Xero lock date',
  'currency-not-enabled': 'Currency not enabled in Xero',
  'tax-type-not-allowed': 'Tax rate not allowed on the account',
  'invoice-paid-in-xero': 'Invoice has a payment in Xero',
  'invalid-symbols-in-name': 'Unusual symbols in the product name',
  'payment-exceeds-outstanding': 'Payment larger than what is owed',
  'document-has-allocations': 'Document has a payment or credit allocation',
  'invalid-status-for-modification': 'Invoice status in Xero blocks changes',
  'inventory-account-type': 'Posts to an Inventory-type account',
};

/** What the error names, in words ("account 425", "end-of-year lock date 2018-11-30"); '' when nothing. */
export function subjectWords(subject: ExplainSubject): string {
  const parts: string[] = [];
  if (subject.taxType) parts.push(`tax rate ${subject.taxType}`);
  if (subject.account) parts.push(`account ${subject.account}`);
  if (subject.currency) parts.push(subject.currency);
  if (subject.lock) parts.push(`${subject.lock === 'period' ? 'period' : 'end-of-year'} lock date${subject.date ? ` ${subject.date}` : ''}`);
  return parts.join(', ');
}

/** The note's text on the page: the cause, then what it names. */
export function causeInWords(cause: CauseId, subject: ExplainSubject): string {
  const words = subjectWords(subject);
  return words ? `${CAUSE_TITLES[cause]}: ${words}` : CAUSE_TITLES[cause];
}
