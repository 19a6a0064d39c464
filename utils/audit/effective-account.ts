// Which account a line posts to, and which level decided (seed "Charts of Accounts and Other Financial Settings"):
// order line → product → sale/purchase header → customer/supplier → the mapped default role.
import type { AuditContext } from './context';
import type { RoleId } from './roles';

/** What a posting is for. `serviceExpense` is a Service product's cost, which has no mapped default. */
export const POSTING_ROLES = ['defaultRevenue', 'cogs', 'inventoryControl', 'serviceExpense', 'accountsReceivable', 'accountsPayable'] as const;
export type PostingRole = (typeof POSTING_ROLES)[number];

export const ACCOUNT_LEVELS = Object.freeze(['line', 'product', 'header', 'contact', 'default'] as const);
export type AccountLevel = (typeof ACCOUNT_LEVELS)[number];

interface LevelFields {
  readonly line?: string;
  readonly product?: string;
  readonly header?: string;
  readonly contact?: string;
  readonly defaultRole: RoleId | null;
}

/**
 * The field each level uses for each posting (research/cin7.md §2.5–2.8). Sale lines' `Account` is revenue;
 * purchase lines' is inventory or expense. Only purchases carry a header inventory account, only customers a
 * revenue account; suppliers carry no account but the payable one; no level but the product sets COGS.
 */
export const POSTING_FIELDS: Readonly<Record<PostingRole, LevelFields>> = Object.freeze({
  defaultRevenue: { line: 'Account', product: 'RevenueAccount', header: 'DefaultAccount', contact: 'RevenueAccount', defaultRole: 'defaultRevenue' },
  cogs: { product: 'COGSAccount', defaultRole: 'cogs' },
  inventoryControl: { line: 'Account', product: 'InventoryAccount', header: 'InventoryAccount', defaultRole: 'inventoryControl' },
  serviceExpense: { line: 'Account', product: 'ExpenseAccount', defaultRole: null },
  accountsReceivable: { contact: 'AccountReceivable', defaultRole: 'accountsReceivable' },
  accountsPayable: { contact: 'AccountPayable', defaultRole: 'accountsPayable' },
});

type AnyRecord = object | null | undefined;

export interface EffectiveAccountInput {
  line?: AnyRecord;
  product?: AnyRecord;
  header?: AnyRecord;
  contact?: AnyRecord;
  role: PostingRole;
}

export interface EffectiveAccount {
  code: string;
  level: AccountLevel;
}

function codeIn(record: AnyRecord, field: string | undefined): string | null {
  if (!record || !field) return null;
  const value = (record as Record<string, unknown>)[field];
  if (typeof value !== 'string') return null;
  const code = value.trim();
  return code ? code : null;
}

/**
 * The code effectiveAccount decides for a record's own postings (a product, a contact: no line nor header), without
 * building its input or answer: called for every product and contact of a 200,000-product audit.
 */
export function recordPostingCode(role: PostingRole, product: AnyRecord, contact: AnyRecord, ctx: Pick<AuditContext, 'mapping'>): string | null {
  const fields = POSTING_FIELDS[role];
  const code = codeIn(product, fields.product) ?? codeIn(contact, fields.contact);
  if (code) return code;
  const mapped = fields.defaultRole ? ctx.mapping?.byRole.get(fields.defaultRole)?.code : null;
  return mapped ? mapped : null;
}

/** The account that decides, or null when no level sets one (and the default role is unmapped or unknown). */
export function effectiveAccount(input: EffectiveAccountInput, ctx: Pick<AuditContext, 'mapping'>): EffectiveAccount | null {
  const fields = POSTING_FIELDS[input.role];
  // Level by level, in order; no array of candidates (called per product and contact of a 200,000-product audit).
  let code = codeIn(input.line, fields.line);
  if (code) return { code, level: 'line' };
  if ((code = codeIn(input.product, fields.product))) return { code, level: 'product' };
  if ((code = codeIn(input.header, fields.header))) return { code, level: 'header' };
  if ((code = codeIn(input.contact, fields.contact))) return { code, level: 'contact' };
  const mapped = fields.defaultRole ? ctx.mapping?.byRole.get(fields.defaultRole)?.code : null;
  return mapped ? { code: mapped, level: 'default' } : null;
}
