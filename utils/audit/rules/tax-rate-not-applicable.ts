// TAX_RATE_NOT_APPLICABLE (error): a Xero tax rate used where Xero does not allow it. Each Xero rate says which
// account classes it may be used on (CanApplyToRevenue/Expenses/Assets/Liabilities/Equity, specs/xero_accounting.yaml
// TaxRate); a line whose rate cannot apply to its account's class is refused ("The TaxType code … cannot be used with
// account code …", research/xero.md §6). Where the data shows it: a Cin7 Core record's tax rule (matched to its Xero
// rate, tax-match.ts) against the account that record's sales or purchases post to (effective-account.ts), and a
// Xero item's sales and purchase details (TaxType against AccountCode). An absent flag is no verdict.
import type { Rule } from '../rule';
import type { AuditContext } from '../context';
import type { Finding, FixLink } from '../types';
import type { XeroAccount, XeroTaxRate } from '../../schemas/xero';
import { describeAccount } from '../describe';
import { effectiveAccount, type PostingRole } from '../effective-account';
import { cin7RecordLink, xeroProductsLink } from '../links';
import { ACCOUNT_CLASS_LABEL, classOfAccount } from '../roles';
import { CAN_APPLY_FIELD, matchTaxRate, rateCannotApply, type TaxMatch } from '../tax-match';

interface Use {
  subject: Finding['subject'];
  /** "Its purchase tax rule “Zero Rated” stands for Xero’s tax rate" / "Its sales tax type". */
  what: string;
  rate: XeroTaxRate;
  account: XeroAccount;
  fix: FixLink;
}

function finding(use: Use, ctxClass: keyof typeof CAN_APPLY_FIELD): Finding {
  const { rate, account, subject } = use;
  const classWord = ACCOUNT_CLASS_LABEL[ctxClass].toLowerCase();
  const taxType = rate.TaxType?.trim() || rate.Name;
  return {
    code: 'TAX_RATE_NOT_APPLICABLE',
    severity: 'error',
    subject,
    message: `${subject.label}: ${use.what} “${rate.Name}” (${taxType}), which Xero does not allow on ${classWord} accounts (${CAN_APPLY_FIELD[ctxClass]} is false), yet it posts to ${describeAccount(account)}, ${classWord === 'asset' ? 'an' : 'a'} ${classWord} account. Xero refuses such lines ("The TaxType code cannot be used with account code"). Choose a tax rule whose Xero rate applies to ${classWord} accounts, or post to another account.`,
    fix: use.fix,
    cause: `taxRate:${taxType}:${ctxClass}`,
  };
}

function check(use: Omit<Use, 'account'> & { code: string | null | undefined }, ctx: AuditContext, out: Finding[]): void {
  const account = use.code ? ctx.findAccount(use.code) : undefined;
  const accountClass = account ? classOfAccount(account) : null;
  if (account && rateCannotApply(use.rate, accountClass)) out.push(finding({ ...use, account }, accountClass));
}

function checkCin7Records(ctx: AuditContext, out: Finding[]): void {
  const cin7 = ctx.snapshot.cin7;
  const rates = ctx.snapshot.xero?.taxRates ?? [];
  const rules = cin7?.taxRules ?? [];
  const matched = new Map<string, TaxMatch>();
  const rateOf = (name: string | null | undefined): XeroTaxRate | null => {
    const key = name?.trim().toLowerCase();
    if (!key) return null;
    if (!matched.has(key)) {
      const rule = rules.find((candidate) => candidate.Name.trim().toLowerCase() === key);
      matched.set(key, rule && rule.IsActive !== false ? matchTaxRate(rule, rates) : { status: 'unjudged' });
    }
    const match = matched.get(key);
    return match?.status === 'matched' ? match.rate : null;
  };
  const posting = (role: PostingRole, parts: { product?: object; contact?: object }) => effectiveAccount({ ...parts, role }, ctx)?.code;

  for (const product of cin7?.products ?? []) {
    const name = product.Name?.trim();
    const subject = { kind: 'product' as const, key: product.SKU, label: name ? `Product ${product.SKU} (${name})` : `Product ${product.SKU}` };
    const sale = rateOf(product.SaleTaxRule);
    if (sale) check({ subject, what: `its sale tax rule “${product.SaleTaxRule?.trim()}” stands for Xero’s tax rate`, rate: sale, code: posting('defaultRevenue', { product }), fix: cin7RecordLink('product', product.ID, 'Sale tax rule') }, ctx, out);
    const purchase = rateOf(product.PurchaseTaxRule);
    const isService = product.Type?.trim().toLowerCase() === 'service';
    if (purchase) check({ subject, what: `its purchase tax rule “${product.PurchaseTaxRule?.trim()}” stands for Xero’s tax rate`, rate: purchase, code: posting(isService ? 'serviceExpense' : 'inventoryControl', { product }), fix: cin7RecordLink('product', product.ID, 'Purchase tax rule') }, ctx, out);
  }
  for (const customer of cin7?.customers ?? []) {
    const rate = rateOf(customer.TaxRule);
    if (rate) check({ subject: { kind: 'customer', key: customer.Name, label: `Customer ${customer.Name}` }, what: `its tax rule “${customer.TaxRule?.trim()}” stands for Xero’s tax rate`, rate, code: posting('defaultRevenue', { contact: customer }), fix: cin7RecordLink('customer', customer.ID, 'Tax rule') }, ctx, out);
  }
  // A supplier's purchases of stock post to the inventory control account (suppliers carry no inventory account).
  for (const supplier of cin7?.suppliers ?? []) {
    const rate = rateOf(supplier.TaxRule);
    if (rate) check({ subject: { kind: 'supplier', key: supplier.Name, label: `Supplier ${supplier.Name}` }, what: `its tax rule “${supplier.TaxRule?.trim()}” stands for Xero’s tax rate`, rate, code: posting('inventoryControl', {}), fix: cin7RecordLink('supplier', supplier.ID, 'Tax rule') }, ctx, out);
  }
}

function checkXeroItems(ctx: AuditContext, out: Finding[]): void {
  const byType = new Map<string, XeroTaxRate>();
  for (const rate of ctx.snapshot.xero?.taxRates ?? []) if (rate.TaxType?.trim()) byType.set(rate.TaxType.trim().toUpperCase(), rate);
  for (const item of ctx.snapshot.xero?.items ?? []) {
    const subject = { kind: 'item' as const, key: item.Code, label: `Xero item ${item.Name?.trim() ? `${item.Code} ${item.Name.trim()}` : item.Code}` };
    const fix = xeroProductsLink(ctx.shortCode, item.Code);
    const sides: Array<[string, { AccountCode?: string | null | undefined; TaxType?: string | null | undefined } | null | undefined]> = [
      ['its sales tax rate is', item.SalesDetails],
      // A tracked item's purchase account is its inventory asset account ("AccountCode not applicable", research/xero.md §1.4).
      ['its purchase tax rate is', item.IsTrackedAsInventory ? null : item.PurchaseDetails],
    ];
    for (const [what, details] of sides) {
      const rate = details?.TaxType?.trim() ? byType.get(details.TaxType.trim().toUpperCase()) : undefined;
      if (rate) check({ subject, what, rate, code: details?.AccountCode, fix }, ctx, out);
    }
  }
}

export const taxRateNotApplicableRule: Rule = {
  id: 'tax-rate-not-applicable',
  title: 'Xero tax rates are used only on accounts they apply to',
  codes: ['TAX_RATE_NOT_APPLICABLE'],
  needs: ['xero.taxRates', 'xero.accounts'],
  needsAnyOf: ['cin7.taxRules', 'xero.items'],
  run(ctx) {
    const findings: Finding[] = [];
    if (ctx.has('cin7.taxRules')) checkCin7Records(ctx, findings);
    checkXeroItems(ctx, findings);
    return findings;
  },
};
