// SERVICE_PRODUCT_NO_EXPENSE_ACCOUNT (warning): Cin7's API notes the expense account is required for Service
// products (research/cin7.md §2.5); without one their non-inventory costs (onboarding seed) have nowhere specific
// to post. A warning rather than an error: it matters only once such a service is bought.
import type { Rule } from '../rule';
import type { Finding } from '../types';
import { cin7RecordLink } from '../links';

export const serviceProductExpenseRule: Rule = {
  id: 'service-product-expense',
  title: 'Service products have an expense account',
  codes: ['SERVICE_PRODUCT_NO_EXPENSE_ACCOUNT'],
  needs: ['cin7.products'],
  run(ctx) {
    const findings: Finding[] = [];
    const products = ctx.snapshot.cin7?.products ?? [];
    // A handful of distinct types among 200,000 products: each judged once.
    const isService = new Map<string, boolean>();
    for (let at = 0; at < products.length; at++) {
      const product = products[at] as (typeof products)[number];
      const type = product.Type;
      if (!type) continue;
      let service = isService.get(type);
      if (service === undefined) isService.set(type, (service = type === 'Service' || type.trim().toLowerCase() === 'service'));
      if (!service) continue;
      if (product.Status === 'Deprecated' || product.ExpenseAccount?.trim()) continue;
      const name = product.Name?.trim();
      const label = name ? `Product ${product.SKU} (${name})` : `Product ${product.SKU}`;
      findings.push({
        code: 'SERVICE_PRODUCT_NO_EXPENSE_ACCOUNT',
        severity: 'warning',
        subject: { kind: 'product', key: product.SKU, label },
        message: `${label} is a Service product without an expense account, so Cin7 Core does not know where to post its cost. Set its expense account in Cin7 Core.`,
        fix: cin7RecordLink('product', product.ID, 'ExpenseAccount'),
      });
    }
    return findings;
  },
};
