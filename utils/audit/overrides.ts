// Account overrides on products, customers, suppliers, documents and lines (PRODUCT.md OVERRIDE_ACCOUNT_*).
// An empty field means "use the next level" (research/cin7.md §2.5) and is fine. A code that Xero does not have,
// or has archived, is OVERRIDE_ACCOUNT_INVALID (error: Xero rejects the posting). A code of the wrong class for its
// purpose is OVERRIDE_ACCOUNT_TYPE: a warning (Xero accepts it; the books are wrong), but an error for Xero's
// INVENTORY type, which Xero refuses. Accounts of a type we cannot class are not judged.
import type { XeroAccount } from '../schemas/xero';
import type { Cin7Customer, Cin7Product, Cin7Supplier } from '../schemas/cin7';
import { cin7RecordLink } from './links';
import type { AuditContext } from './context';
import type { Finding, FixLink, SubjectKind } from './types';
import { describeAccount, describeXeroType } from './describe';
import { classOfAccount, type AccountClass } from './roles';

export type OverridePurpose = 'revenue' | 'cogs' | 'inventory' | 'expense' | 'receivable' | 'payable' | 'purchaseLine';

interface PurposeRule {
  readonly classes: readonly AccountClass[];
  /** What the field needs, for messages. */
  readonly needs: string;
}

export const OVERRIDE_PURPOSES: Readonly<Record<OverridePurpose, PurposeRule>> = Object.freeze({
  revenue: { classes: ['REVENUE'], needs: 'a revenue account' },
  cogs: { classes: ['EXPENSE'], needs: 'an expense account (usually Direct Costs)' },
  inventory: { classes: ['ASSET'], needs: 'an asset account (a Current Asset, not Xero\'s Inventory type)' },
  expense: { classes: ['EXPENSE'], needs: 'an expense account' },
  receivable: { classes: ['ASSET'], needs: 'an asset account' },
  payable: { classes: ['LIABILITY'], needs: 'a liability account' },
  // Purchase lines and additional costs go to inventory or, for costs classified differently, an expense (seed).
  purchaseLine: { classes: ['ASSET', 'EXPENSE'], needs: 'an inventory (asset) or expense account' },
});

export interface OverrideOwner {
  readonly kind: SubjectKind;
  readonly key: string;
  readonly label: string;
  /** Where the owner is edited; built lazily, only when there is a finding. */
  readonly fix: () => FixLink;
}

const isGone = (account: XeroAccount) => account.Status === 'ARCHIVED' || account.Status === 'DELETED';

/** Checks one override field; appends at most one finding. `field` reads like "revenue account". */
export function checkOverride(
  ctx: AuditContext,
  owner: OverrideOwner,
  field: string,
  code: string | null | undefined,
  purpose: OverridePurpose,
  out: Finding[],
): void {
  if (!code) return;
  const trimmed = code.trim();
  if (!trimmed) return;
  const account = ctx.findAccount(trimmed);
  const subject = { kind: owner.kind, key: owner.key, label: owner.label };
  if (!account || isGone(account)) {
    const state = account ? `${describeAccount(account)}, which is ${account.Status === 'ARCHIVED' ? 'archived' : 'deleted'} in Xero` : `${trimmed}, which is not in Xero's chart of accounts`;
    out.push({
      code: 'OVERRIDE_ACCOUNT_INVALID',
      severity: 'error',
      subject,
      message: `${owner.label} has its ${field} set to ${state}, so Xero will reject what posts there. Choose an active account, or clear the field to use the default.`,
      fix: owner.fix(),
    });
    return;
  }
  const rule = OVERRIDE_PURPOSES[purpose];
  const accountClass = classOfAccount(account);
  const inventoryType = account.Type === 'INVENTORY';
  if (!inventoryType && (accountClass === null || rule.classes.includes(accountClass))) return;
  out.push({
    code: 'OVERRIDE_ACCOUNT_TYPE',
    severity: inventoryType ? 'error' : 'warning',
    subject,
    message: `${owner.label} has its ${field} set to ${describeAccount(account)}, ${describeXeroType(account.Type)}; it needs ${rule.needs}.${inventoryType ? ' Xero refuses postings to Inventory-type accounts from items it does not track.' : ''} Choose another account, or clear the field to use the default.`,
    fix: owner.fix(),
  });
}

export function checkProductOverrides(ctx: AuditContext, product: Cin7Product, out: Finding[]): void {
  if (!product.InventoryAccount && !product.RevenueAccount && !product.COGSAccount && !product.ExpenseAccount) return;
  const name = product.Name?.trim();
  const owner: OverrideOwner = {
    kind: 'product',
    key: product.SKU,
    label: name ? `Product ${product.SKU} (${name})` : `Product ${product.SKU}`,
    fix: () => cin7RecordLink('product', product.ID),
  };
  checkOverride(ctx, owner, 'inventory account', product.InventoryAccount, 'inventory', out);
  checkOverride(ctx, owner, 'revenue account', product.RevenueAccount, 'revenue', out);
  checkOverride(ctx, owner, 'COGS account', product.COGSAccount, 'cogs', out);
  checkOverride(ctx, owner, 'expense account', product.ExpenseAccount, 'expense', out);
}

export function checkCustomerOverrides(ctx: AuditContext, customer: Cin7Customer, out: Finding[]): void {
  if (!customer.AccountReceivable && !customer.RevenueAccount) return;
  const owner: OverrideOwner = { kind: 'customer', key: customer.Name, label: `Customer ${customer.Name}`, fix: () => cin7RecordLink('customer', customer.ID) };
  checkOverride(ctx, owner, 'receivable account', customer.AccountReceivable, 'receivable', out);
  checkOverride(ctx, owner, 'revenue account', customer.RevenueAccount, 'revenue', out);
}

export function checkSupplierOverrides(ctx: AuditContext, supplier: Cin7Supplier, out: Finding[]): void {
  if (!supplier.AccountPayable) return;
  const owner: OverrideOwner = { kind: 'supplier', key: supplier.Name, label: `Supplier ${supplier.Name}`, fix: () => cin7RecordLink('supplier', supplier.ID) };
  checkOverride(ctx, owner, 'payable account', supplier.AccountPayable, 'payable', out);
}
