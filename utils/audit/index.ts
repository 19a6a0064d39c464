// The audit engine: a pure function from a snapshot to findings (PRODUCT.md). No clock, no I/O.
import type { Snapshot } from '../schemas/snapshot';
import type { Cin7Customer, Cin7Product, Cin7Supplier } from '../schemas/cin7';
import type { AuditOptions, AuditResult, AuditSummary, CoverageEntry, Finding, Severity } from './types';
import { buildContext, MISSING_DATA_REASON, type AuditContext, type LockDate } from './context';
import { accountLineGroups, checkDocumentOverrides, datedParts, lockedPeriodFinding, type CheckedDocument } from './documents';
import { effectiveAccount, type AccountLevel, type PostingRole } from './effective-account';
import { checkCustomerOverrides, checkProductOverrides, checkSupplierOverrides, overrideProblemText, type OverridePurpose } from './overrides';
import type { Rule } from './rule';
import { RULES } from './rules';
import { withSource } from './sources';

export type { CheckedDocument } from './documents';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Severity, then code, subject kind, subject key; message and fix URL break remaining ties. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    compareText(a.code, b.code) ||
    compareText(a.subject.kind, b.subject.kind) ||
    compareText(a.subject.key, b.subject.key) ||
    compareText(a.message, b.message) ||
    compareText(a.fix?.url ?? '', b.fix?.url ?? '')
  );
}

export function summarise(findings: readonly Finding[]): AuditSummary {
  const summary: AuditSummary = { errors: 0, warnings: 0, infos: 0, total: findings.length };
  for (const finding of findings) {
    if (finding.severity === 'error') summary.errors++;
    else if (finding.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return summary;
}

/** Why a rule cannot run on this snapshot, or null when it can. */
function missingData(rule: Rule, ctx: AuditContext): string | null {
  const reasons = rule.needs.filter((key) => !ctx.has(key)).map((key) => MISSING_DATA_REASON[key]);
  if (rule.needsAnyOf && rule.needsAnyOf.length > 0 && !rule.needsAnyOf.some((key) => ctx.has(key))) {
    reasons.push(rule.needsAnyOf.map((key) => MISSING_DATA_REASON[key]).join('; '));
  }
  return reasons.length > 0 ? reasons.join('; ') : null;
}

function runRules(rules: readonly Rule[], ctx: AuditContext): { findings: Finding[]; coverage: CoverageEntry[] } {
  const findings: Finding[] = [];
  const coverage: CoverageEntry[] = [];
  for (const rule of rules) {
    const reason = missingData(rule, ctx);
    if (reason) {
      coverage.push({ check: rule.id, label: rule.title, ran: false, reason });
      continue;
    }
    try {
      for (const finding of rule.run(ctx)) findings.push(withSource(finding));
      coverage.push({ check: rule.id, label: rule.title, ran: true });
    } catch (error) {
      // One faulty check must not hide the others' results; say which one failed.
      coverage.push({ check: rule.id, label: rule.title, ran: false, reason: `Check failed: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  findings.sort(compareFindings);
  return { findings, coverage };
}

/** Audits a snapshot (validate it with `parseSnapshot` first). */
export function audit(snapshot: Snapshot, options: AuditOptions): AuditResult {
  const ctx = buildContext(snapshot, options.today);
  const { findings, coverage } = runRules(RULES, ctx);
  return { findings, summary: summarise(findings), coverage };
}

// ---- One document, for the Cin7 sale / purchase page overlay ----

export interface LinePosting {
  role: PostingRole;
  /** The code that decides, or null when no level sets one. */
  code: string | null;
  level: AccountLevel | null;
  /** The Xero account behind the code, when the chart has it. */
  account: { code: string; name: string; type: string; status: string | null } | null;
  /**
   * When a record's own field (line, product, header, contact) decided and its account is wrong for this posting:
   * the override check's words ("set to 477 Old Sales, which is archived in Xero…") and how bad it is.
   */
  problem?: { severity: 'error' | 'warning'; text: string };
}

export interface DocumentLineAudit {
  /** "invoice INV-0012", "bill B-7", "credit note CR-3". */
  where: string;
  /** 0-based position within its group. */
  index: number;
  charge: boolean;
  sku: string | null;
  productId: string | null;
  /** The line's product name or description as saved, to match it to the page's row when it has no SKU. */
  name: string | null;
  postings: LinePosting[];
}

/** Which override check applies to the field that decided a posting (as checkDocumentOverrides and the record checks use). */
function overridePurposeOf(role: PostingRole, level: AccountLevel, kind: CheckedDocument['kind']): OverridePurpose {
  switch (role) {
    case 'defaultRevenue':
      return 'revenue';
    case 'cogs':
      return 'cogs';
    case 'inventoryControl':
      return level === 'line' && kind === 'purchase' ? 'purchaseLine' : 'inventory';
    case 'serviceExpense':
      return level === 'line' ? 'purchaseLine' : 'expense';
    case 'accountsReceivable':
      return 'receivable';
    case 'accountsPayable':
      return 'payable';
  }
}

export interface DocumentAudit {
  lines: DocumentLineAudit[];
  /** Receivable (sale) or payable (purchase) of the whole document. */
  contactPosting: LinePosting;
  xeroLockDate: LockDate | null;
  /** Each dated invoice, credit note, bill and shipment, and whether Xero's lock date refuses it. */
  datedParts: { what: string; day: string; locked: boolean }[];
  findings: Finding[];
}

function findContact<T extends Cin7Customer | Cin7Supplier>(list: readonly T[] | undefined, id: string | null | undefined, name: string | null | undefined): T | undefined {
  if (!list) return undefined;
  const wantedId = id?.trim();
  if (wantedId) {
    const byId = list.find((contact) => contact.ID === wantedId);
    if (byId) return byId;
  }
  const wantedName = name?.trim();
  return wantedName ? list.find((contact) => contact.Name.trim() === wantedName) : undefined;
}

/**
 * Where each line of one sale or purchase will post and why, plus its locked-period and account findings
 * (including those of the products and contact it uses).
 */
export function auditDocument(document: CheckedDocument, snapshot: Snapshot, options: AuditOptions): DocumentAudit {
  const ctx = buildContext(snapshot, options.today);
  const cin7 = snapshot.cin7;
  const header = document.kind === 'sale' ? document.sale : document.purchase;
  const contact =
    document.kind === 'sale'
      ? findContact(cin7?.customers, document.sale.CustomerID, document.sale.Customer)
      : findContact(cin7?.suppliers, document.purchase.SupplierID, document.purchase.Supplier);

  const posting = (role: PostingRole, parts: { line?: object; product?: object }): LinePosting => {
    const decided = effectiveAccount({ ...parts, header, contact, role }, ctx);
    const account = decided ? ctx.findAccount(decided.code) : undefined;
    // A mapped default is judged by the mapping rules; a record's own field by the override rules.
    const problem =
      decided && decided.level !== 'default' && ctx.has('xero.accounts')
        ? overrideProblemText(ctx, decided.code, overridePurposeOf(role, decided.level, document.kind))
        : null;
    return {
      role,
      code: decided?.code ?? null,
      level: decided?.level ?? null,
      account: account ? { code: account.Code ?? decided?.code ?? '', name: account.Name, type: account.Type, status: account.Status ?? null } : null,
      ...(problem ? { problem } : {}),
    };
  };

  const productsUsed = new Map<string, Cin7Product>();
  const lines: DocumentLineAudit[] = [];
  for (const group of accountLineGroups(document)) {
    const groupLines = group.lines ?? [];
    for (let index = 0; index < groupLines.length; index++) {
      const line = groupLines[index];
      if (!line) continue;
      const productId = line.ProductID?.trim() || null;
      const sku = line.SKU?.trim() || null;
      const product = (productId ? ctx.productById(productId) : undefined) ?? (sku ? ctx.productBySku(sku) : undefined);
      if (product) productsUsed.set(product.SKU, product);
      const isService = product?.Type?.trim().toLowerCase() === 'service';
      const postings: LinePosting[] = [];
      if (document.kind === 'sale') {
        postings.push(posting('defaultRevenue', { line, product }));
        // Stock lines also post COGS (Dr COGS / Cr Inventory control) when shipped (research/cin7.md §4.1).
        if (!group.charges && !isService) {
          postings.push(posting('cogs', { product }));
          postings.push(posting('inventoryControl', { product }));
        }
      } else {
        postings.push(posting(isService && !group.charges ? 'serviceExpense' : 'inventoryControl', { line, product }));
      }
      const name = line.Name?.trim() || line.Description?.trim() || null;
      lines.push({ where: group.where, index, charge: Boolean(group.charges), sku, productId, name, postings });
    }
  }

  const checked: Finding[] = [];
  const locked = lockedPeriodFinding(document, ctx);
  if (locked) checked.push(locked);
  if (ctx.has('xero.accounts')) {
    checkDocumentOverrides(document, ctx, checked);
    for (const product of productsUsed.values()) checkProductOverrides(ctx, product, checked);
    if (contact && document.kind === 'sale') checkCustomerOverrides(ctx, contact as Cin7Customer, checked);
    if (contact && document.kind === 'purchase') checkSupplierOverrides(ctx, contact as Cin7Supplier, checked);
  }
  const findings = checked.map(withSource).sort(compareFindings);
  return {
    lines,
    contactPosting: posting(document.kind === 'sale' ? 'accountsReceivable' : 'accountsPayable', {}),
    xeroLockDate: ctx.xeroLockDate,
    datedParts: datedParts(document).map((part) => ({ what: part.what, day: part.day, locked: ctx.xeroLockDate !== null && part.day <= ctx.xeroLockDate.day })),
    findings,
  };
}
