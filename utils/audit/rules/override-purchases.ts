// OVERRIDE_ACCOUNT_INVALID / OVERRIDE_ACCOUNT_TYPE on purchases: the header's inventory account and bill /
// credit-note line and additional-cost accounts (inventory or expense).
import type { Rule } from '../rule';
import type { Finding } from '../types';
import { checkDocumentOverrides } from '../documents';

export const overridePurchasesRule: Rule = {
  id: 'override-purchases',
  title: 'Purchase and purchase-line accounts are valid',
  codes: ['OVERRIDE_ACCOUNT_INVALID', 'OVERRIDE_ACCOUNT_TYPE'],
  needs: ['cin7.purchases', 'xero.accounts'],
  run(ctx) {
    const findings: Finding[] = [];
    for (const purchase of ctx.snapshot.cin7?.purchases ?? []) checkDocumentOverrides({ kind: 'purchase', purchase }, ctx, findings);
    return findings;
  },
};
