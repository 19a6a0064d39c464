// TRACKED_INVENTORY (error): "Xero Inventory functionality is not compatible with Cin7 Core"; tracked items must be
// removed when Cin7 Core is connected (research/xero.md §1.4, onboarding seed).
import type { Rule } from '../rule';
import type { Finding } from '../types';
import { xeroProductsLink } from '../links';

export const trackedInventoryRule: Rule = {
  id: 'tracked-inventory',
  title: 'No Xero item is tracked as inventory',
  codes: ['TRACKED_INVENTORY'],
  needs: ['xero.items'],
  run(ctx) {
    const findings: Finding[] = [];
    for (const item of ctx.snapshot.xero?.items ?? []) {
      if (item.IsTrackedAsInventory !== true) continue;
      const name = item.Name?.trim() ? `${item.Code} ${item.Name.trim()}` : item.Code;
      const stock = item.QuantityOnHand ? ` It holds ${item.QuantityOnHand} on hand in Xero.` : '';
      findings.push({
        code: 'TRACKED_INVENTORY',
        severity: 'error',
        subject: { kind: 'item', key: item.Code, label: name },
        message: `The Xero item ${name} is tracked as inventory, which Cin7 Core does not support.${stock} Remove its stock in Xero and turn off "Track inventory item" so Cin7 Core alone tracks stock.`,
        fix: xeroProductsLink(ctx.shortCode, item.Code),
      });
    }
    return findings;
  },
};
