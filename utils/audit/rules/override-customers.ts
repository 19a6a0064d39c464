// OVERRIDE_ACCOUNT_INVALID / OVERRIDE_ACCOUNT_TYPE on customers' receivable and revenue accounts.
import type { Rule } from '../rule';
import type { Finding } from '../types';
import { checkCustomerOverrides } from '../overrides';

export const overrideCustomersRule: Rule = {
  id: 'override-customers',
  title: 'Customer account overrides are valid',
  codes: ['OVERRIDE_ACCOUNT_INVALID', 'OVERRIDE_ACCOUNT_TYPE'],
  needs: ['cin7.customers', 'xero.accounts'],
  run(ctx) {
    const findings: Finding[] = [];
    for (const customer of ctx.snapshot.cin7?.customers ?? []) {
      if (customer.Status !== 'Deprecated') checkCustomerOverrides(ctx, customer, findings);
    }
    return findings;
  },
};
