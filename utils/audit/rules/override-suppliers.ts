// OVERRIDE_ACCOUNT_INVALID / OVERRIDE_ACCOUNT_TYPE on suppliers' payable account (suppliers carry no other).
import type { Rule } from '../rule';
import type { Finding } from '../types';
import { checkSupplierOverrides } from '../overrides';

export const overrideSuppliersRule: Rule = {
  id: 'override-suppliers',
  title: 'Supplier account overrides are valid',
  codes: ['OVERRIDE_ACCOUNT_INVALID', 'OVERRIDE_ACCOUNT_TYPE'],
  needs: ['cin7.suppliers', 'xero.accounts'],
  run(ctx) {
    const findings: Finding[] = [];
    const suppliers = ctx.snapshot.cin7?.suppliers ?? [];
    // Indexed: no iterator step per supplier.
    for (let at = 0; at < suppliers.length; at++) {
      const supplier = suppliers[at] as (typeof suppliers)[number];
      if (supplier.Status !== 'Deprecated') checkSupplierOverrides(ctx, supplier, findings);
    }
    return findings;
  },
};
