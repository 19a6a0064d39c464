// OVERRIDE_ACCOUNT_INVALID / OVERRIDE_ACCOUNT_TYPE on sales: the header's sale account and invoice / credit-note
// line and additional-charge accounts (all revenue).
import type { Rule } from '../rule';
import type { Finding } from '../types';
import { checkDocumentOverrides } from '../documents';

export const overrideSalesRule: Rule = {
  id: 'override-sales',
  title: 'Sale and sale-line accounts are valid',
  codes: ['OVERRIDE_ACCOUNT_INVALID', 'OVERRIDE_ACCOUNT_TYPE'],
  needs: ['cin7.sales', 'xero.accounts'],
  run(ctx) {
    const findings: Finding[] = [];
    for (const sale of ctx.snapshot.cin7?.sales ?? []) checkDocumentOverrides({ kind: 'sale', sale }, ctx, findings);
    return findings;
  },
};
