// The Xero overlay's facts, computed from what the background holds: which accounts carry which Cin7 role (from
// the mapping read in Cin7 Core) and how many Cin7 documents fall in a date range Xero's lock date would refuse.
import { accountKey, parseAccountText } from '../audit/account-text';
import { matchRoleLabel } from '../audit/labels';
import { parseAnyDate } from '../schemas/dates';
import type { Cin7PurchaseListItem, Cin7SaleListItem } from '../schemas/cin7';
import type { Mapping } from '../schemas/snapshot';

/** Mapped accounts by code, each with the role ids mapped to it, in the mapping's order. Unknown labels are left out. */
export function mappedAccounts(mapping: Mapping | undefined): { code: string; roleIds: string[] }[] {
  const byKey = new Map<string, { code: string; roleIds: string[] }>();
  for (const row of mapping?.rows ?? []) {
    const code = parseAccountText(row.account);
    const roleId = matchRoleLabel(row.label);
    if (!code || !roleId) continue;
    const key = accountKey(code);
    const entry = byKey.get(key) ?? { code, roleIds: [] };
    if (!entry.roleIds.includes(roleId)) entry.roleIds.push(roleId);
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

/** Statuses that never reach Xero: nothing to refuse. */
const NOT_SENT = new Set(['VOIDED', 'VOID', 'DRAFT']);

/** The day Xero would date the document: its invoice date, else its order date. */
function documentDay(document: { InvoiceDate?: string | null; OrderDate?: string | null }): string | null {
  return parseAnyDate(document.InvoiceDate) ?? parseAnyDate(document.OrderDate);
}

function inRange(document: { InvoiceDate?: string | null; OrderDate?: string | null; Status?: string | null }, from: string | undefined, to: string): boolean {
  if (NOT_SENT.has((document.Status ?? '').toUpperCase())) return false;
  const day = documentDay(document);
  return day !== null && day <= to && (from === undefined || day >= from);
}

export function countDocumentsInRange(
  sales: readonly Cin7SaleListItem[],
  purchases: readonly Cin7PurchaseListItem[],
  range: { from?: string; to: string },
): { sales: number; purchases: number } {
  return {
    sales: sales.filter((sale) => inRange(sale, range.from, range.to)).length,
    purchases: purchases.filter((purchase) => inRange(purchase, range.from, range.to)).length,
  };
}
