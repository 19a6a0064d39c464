// TRACKED_INVENTORY (error): "Xero Inventory functionality is not compatible with Cin7 Core. If you already have stock
// recorded in Xero using Xero Inventory, you will have to remove it and re-create in Cin7 Core" (Xero Integration
// Basics, research/xero.md §1.4; onboarding seed). The advice names the item's quantity (QuantityOnHand) and value
// (TotalCostPool, "value on hand at average cost") so that stock can be re-created in Cin7 Core as opening stock.
import type { Rule } from '../rule';
import type { Finding } from '../types';
import type { XeroItem } from '../../schemas/xero';
import { xeroProductsLink } from '../links';

const amount = (value: number) => value.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** How much stock the item holds and the steps that move it to Cin7 Core without losing it. */
function stockAdvice(item: XeroItem, currency: string | null): string {
  const quantity = item.QuantityOnHand ?? null;
  const value = item.TotalCostPool ?? null;
  const untrack = 'turn off "Track inventory item" so Cin7 Core alone tracks stock.';
  if (quantity === null && value === null) {
    return `Check its quantity on hand in Xero first: any stock must be re-created in Cin7 Core as opening stock before you remove it in Xero and ${untrack}`;
  }
  if (!quantity && !value) return `It holds no stock in Xero, so there is no opening stock to move: ${untrack}`;
  const held = [quantity !== null ? `${quantity} on hand` : null, value !== null ? `worth ${currency ? `${currency} ` : ''}${amount(value)} at average cost` : null]
    .filter(Boolean)
    .join(', ');
  return `It holds ${held} in Xero. First re-create that stock in Cin7 Core as opening stock (the same quantity and cost), then remove it in Xero and ${untrack}`;
}

export const trackedInventoryRule: Rule = {
  id: 'tracked-inventory',
  title: 'No Xero item is tracked as inventory',
  codes: ['TRACKED_INVENTORY'],
  needs: ['xero.items'],
  run(ctx) {
    const findings: Finding[] = [];
    const items = ctx.snapshot.xero?.items ?? [];
    // Indexed: no iterator step per item (100,000 at the bench's scale).
    for (let at = 0; at < items.length; at++) {
      const item = items[at] as XeroItem;
      if (item.IsTrackedAsInventory !== true) continue;
      const name = item.Name?.trim() ? `${item.Code} ${item.Name.trim()}` : item.Code;
      const stock = stockAdvice(item, ctx.organisation?.BaseCurrency?.trim() || null);
      findings.push({
        code: 'TRACKED_INVENTORY',
        severity: 'error',
        subject: { kind: 'item', key: item.Code, label: name },
        message: `The Xero item ${name} is tracked as inventory, which Cin7 Core does not support. ${stock}`,
        fix: xeroProductsLink(ctx.shortCode, item.Code),
      });
    }
    return findings;
  },
};
