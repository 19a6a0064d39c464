// OVERRIDE_ACCOUNT_INVALID / OVERRIDE_ACCOUNT_TYPE on products' inventory, revenue, COGS and expense accounts.
// Deprecated products are skipped: nothing new posts through them.
import type { Rule } from '../rule';
import type { Finding } from '../types';
import { checkProductOverrides } from '../overrides';

export const overrideProductsRule: Rule = {
  id: 'override-products',
  title: 'Product account overrides are valid',
  codes: ['OVERRIDE_ACCOUNT_INVALID', 'OVERRIDE_ACCOUNT_TYPE'],
  needs: ['cin7.products', 'xero.accounts'],
  run(ctx) {
    const findings: Finding[] = [];
    const products = ctx.snapshot.cin7?.products ?? [];
    for (let at = 0; at < products.length; at++) {
      const product = products[at] as (typeof products)[number];
      if (product.Status !== 'Deprecated') checkProductOverrides(ctx, product, findings);
    }
    return findings;
  },
};
