// The sync-error texts users meet, verbatim from public sources (research/fidelity.md, "Sync-error texts seen in
// public"; each source named in utils/explain/causes.ts beside its pattern). One home for them: the explainer's
// samples and tests, the audit's findings that predict an error, and the sandbox's failed rows all use these.
// Pure and import-free, so the audit can use it while the explainer (which imports the audit) re-exports it.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Xero's date in its lock-date message: "30-Nov-2018" (the published sample's form). */
export function xeroMessageDate(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}-${MONTHS[Number(month) - 1]}-${year}`;
}

/** The messages Xero's API gives for what the audit can predict, filled in. */
export const XERO_MESSAGES = {
  accountInvalidForDocument: (code: string) => `Account code '${code}' is not a valid code for this document.`,
  accountArchived: (code: string) => `Account code '${code}' has been archived, or has been deleted. Each line item must reference a valid account.`,
  lockDate: (which: 'period' | 'endOfYear', day: string) =>
    `The document date cannot be before the ${which === 'period' ? 'period lock date' : 'end of year lock date'}, currently set at ${xeroMessageDate(day)}`,
  currencyNotEnabled: (currency: string) => `Organisation is not subscribed to currency ${currency}`,
} as const;

/** One published sample per cause id of utils/explain/causes.ts (issue #16's table). */
export const SYNC_ERROR_SAMPLES = {
  'account-invalid-for-document': XERO_MESSAGES.accountInvalidForDocument('200'),
  'account-archived': XERO_MESSAGES.accountArchived('455'),
  'period-locked': XERO_MESSAGES.lockDate('period', '2018-11-30'),
  'currency-not-enabled': XERO_MESSAGES.currencyNotEnabled('SGD'),
  'tax-type-not-allowed': "The TaxType code 'OUTPUT2' cannot be used with account code '090'.",
  'invoice-paid-in-xero': 'Current invoice has been paid in Xero and cannot be updated. Please remove payment in Xero and then try to export the invoice.',
  'invalid-symbols-in-name': 'Please remove the incorrect symbols from the product name.',
  'payment-exceeds-outstanding': 'Payment amount exceeds the amount outstanding on this document',
  'document-has-allocations': 'This document cannot be edited as it has a payment or credit note allocated to it.',
  'invalid-status-for-modification': 'Invoice not of valid status for modification',
  'inventory-account-type': 'You cannot save this transaction using an inventory account type',
} as const;
