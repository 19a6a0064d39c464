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
  /** Where the owner is edited. */
  readonly fix: () => FixLink;
}

/** Owners and field names are built only when there is a finding: most overrides are fine. */
type Lazy<T> = T | (() => T);
const force = <T>(value: Lazy<T>): T => (typeof value === 'function' ? (value as () => T)() : value);

interface OverrideProblem {
  readonly code: 'OVERRIDE_ACCOUNT_INVALID' | 'OVERRIDE_ACCOUNT_TYPE';
  readonly severity: 'error' | 'warning';
  /** "set to 477 Old Sales, which is archived in Xero, so Xero will reject what posts there." */
  readonly text: string;
}

const isGone = (account: XeroAccount) => account.Status === 'ARCHIVED' || account.Status === 'DELETED';

function findProblem(ctx: AuditContext, code: string, purpose: OverridePurpose): OverrideProblem | null {
  const account = ctx.findAccount(code);
  if (!account || isGone(account)) {
    const state = account
      ? `${describeAccount(account)}, which is ${account.Status === 'ARCHIVED' ? 'archived' : 'deleted'} in Xero`
      : `${code}, which is not in Xero's chart of accounts`;
    return {
      code: 'OVERRIDE_ACCOUNT_INVALID',
      severity: 'error',
      text: `set to ${state}, so Xero will reject what posts there. Choose an active account, or clear the field to use the default.`,
    };
  }
  const rule = OVERRIDE_PURPOSES[purpose];
  const accountClass = classOfAccount(account);
  const inventoryType = account.Type === 'INVENTORY';
  if (!inventoryType && (accountClass === null || rule.classes.includes(accountClass))) return null;
  return {
    code: 'OVERRIDE_ACCOUNT_TYPE',
    severity: inventoryType ? 'error' : 'warning',
    text: `set to ${describeAccount(account)}, ${describeXeroType(account.Type)}; it needs ${rule.needs}.${inventoryType ? ' Xero refuses postings to Inventory-type accounts from items it does not track.' : ''} Choose another account, or clear the field to use the default.`,
  };
}

// Thousands of records share a handful of codes: judge each (purpose, code) once per audit.
const problemCache = new WeakMap<AuditContext, Map<OverridePurpose, Map<string, OverrideProblem | null>>>();

function cachedProblem(ctx: AuditContext, code: string, purpose: OverridePurpose): OverrideProblem | null {
  let byPurpose = problemCache.get(ctx);
  if (!byPurpose) problemCache.set(ctx, (byPurpose = new Map()));
  let byCode = byPurpose.get(purpose);
  if (!byCode) byPurpose.set(purpose, (byCode = new Map()));
  let problem = byCode.get(code);
  if (problem === undefined) {
    const trimmed = code.trim();
    problem = trimmed ? findProblem(ctx, trimmed, purpose) : null;
    byCode.set(code, problem);
  }
  return problem;
}

/**
 * What is wrong with `code` used for `purpose` ("set to 477 Old Sales, which is archived in Xero…"), or null: the same
 * judgement as the override findings, for a surface that shows one posting (the sale page's line badges).
 */
export function overrideProblemText(ctx: AuditContext, code: string, purpose: OverridePurpose): { severity: 'error' | 'warning'; text: string } | null {
  const problem = cachedProblem(ctx, code, purpose);
  return problem ? { severity: problem.severity, text: problem.text } : null;
}

/** Checks one override field; appends at most one finding. `field` reads like "revenue account". */
export function checkOverride(
  ctx: AuditContext,
  owner: Lazy<OverrideOwner>,
  field: Lazy<string>,
  code: string | null | undefined,
  purpose: OverridePurpose,
  out: Finding[],
): void {
  if (!code) return;
  const problem = cachedProblem(ctx, code, purpose);
  if (!problem) return;
  const resolved = force(owner);
  out.push({
    code: problem.code,
    severity: problem.severity,
    subject: { kind: resolved.kind, key: resolved.key, label: resolved.label },
    message: `${resolved.label} has its ${force(field)} ${problem.text}`,
    fix: resolved.fix(),
  });
}

const hasProblem = (ctx: AuditContext, code: string | null | undefined, purpose: OverridePurpose): boolean => !!code && cachedProblem(ctx, code, purpose) !== null;

/** Remembers the owner once built, so several fields of one record share it. */
function once(build: () => OverrideOwner): () => OverrideOwner {
  let owner: OverrideOwner | null = null;
  return () => (owner ??= build());
}

// Each check below returns before its record's findings are built, in a function of their own: a closure over the
// record would cost every record (200,000 products at scale) its context, problem or not.

export function checkProductOverrides(ctx: AuditContext, product: Cin7Product, out: Finding[]): void {
  const { InventoryAccount, RevenueAccount, COGSAccount, ExpenseAccount } = product;
  if (hasProblem(ctx, InventoryAccount, 'inventory') || hasProblem(ctx, RevenueAccount, 'revenue') || hasProblem(ctx, COGSAccount, 'cogs') || hasProblem(ctx, ExpenseAccount, 'expense')) {
    productFindings(ctx, product, out);
  }
}

function productFindings(ctx: AuditContext, product: Cin7Product, out: Finding[]): void {
  const { InventoryAccount, RevenueAccount, COGSAccount, ExpenseAccount } = product;
  const owner = once(() => {
    const name = product.Name?.trim();
    return {
      kind: 'product',
      key: product.SKU,
      label: name ? `Product ${product.SKU} (${name})` : `Product ${product.SKU}`,
      fix: () => cin7RecordLink('product', product.ID),
    };
  });
  checkOverride(ctx, owner, 'inventory account', InventoryAccount, 'inventory', out);
  checkOverride(ctx, owner, 'revenue account', RevenueAccount, 'revenue', out);
  checkOverride(ctx, owner, 'COGS account', COGSAccount, 'cogs', out);
  checkOverride(ctx, owner, 'expense account', ExpenseAccount, 'expense', out);
}

export function checkCustomerOverrides(ctx: AuditContext, customer: Cin7Customer, out: Finding[]): void {
  if (hasProblem(ctx, customer.AccountReceivable, 'receivable') || hasProblem(ctx, customer.RevenueAccount, 'revenue')) customerFindings(ctx, customer, out);
}

function customerFindings(ctx: AuditContext, customer: Cin7Customer, out: Finding[]): void {
  const owner = once(() => ({ kind: 'customer', key: customer.Name, label: `Customer ${customer.Name}`, fix: () => cin7RecordLink('customer', customer.ID) }));
  checkOverride(ctx, owner, 'receivable account', customer.AccountReceivable, 'receivable', out);
  checkOverride(ctx, owner, 'revenue account', customer.RevenueAccount, 'revenue', out);
}

export function checkSupplierOverrides(ctx: AuditContext, supplier: Cin7Supplier, out: Finding[]): void {
  if (hasProblem(ctx, supplier.AccountPayable, 'payable')) supplierFindings(ctx, supplier, out);
}

function supplierFindings(ctx: AuditContext, supplier: Cin7Supplier, out: Finding[]): void {
  const owner = () => ({ kind: 'supplier' as const, key: supplier.Name, label: `Supplier ${supplier.Name}`, fix: () => cin7RecordLink('supplier', supplier.ID) });
  checkOverride(ctx, owner, 'payable account', supplier.AccountPayable, 'payable', out);
}
