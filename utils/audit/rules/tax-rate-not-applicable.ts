// TAX_RATE_NOT_APPLICABLE (error): a Xero tax rate used where Xero does not allow it. Each Xero rate says which
// account classes it may be used on (CanApplyToRevenue/Expenses/Assets/Liabilities/Equity, specs/xero_accounting.yaml
// TaxRate); a line whose rate cannot apply to its account's class is refused ("The TaxType code … cannot be used with
// account code …", research/xero.md §6). Where the data shows it: a Cin7 Core record's tax rule (matched to its Xero
// rate, tax-match.ts) against the account that record's sales or purchases post to (effective-account.ts), and a
// Xero item's sales and purchase details (TaxType against AccountCode). An absent flag is no verdict.
import type { Rule } from '../rule';
import type { AuditContext } from '../context';
import type { Finding, FixLink } from '../types';
import type { XeroAccount, XeroItem, XeroTaxRate } from '../../schemas/xero';
import type { Cin7Customer, Cin7Product, Cin7Supplier } from '../../schemas/cin7';
import { describeAccount } from '../describe';
import { recordPostingCode } from '../effective-account';
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

/** The account a rate is refused on, when it is; the finding's words are built only then (most records are fine). */
function refusal(rate: XeroTaxRate, code: string | null | undefined, ctx: AuditContext): { account: XeroAccount; accountClass: keyof typeof CAN_APPLY_FIELD } | null {
  const account = code ? ctx.findAccount(code) : undefined;
  const accountClass = account ? classOfAccount(account) : null;
  return account && rateCannotApply(rate, accountClass) ? { account, accountClass } : null;
}

function productSubject(product: Cin7Product): Finding['subject'] {
  const name = product.Name?.trim();
  return { kind: 'product', key: product.SKU, label: name ? `Product ${product.SKU} (${name})` : `Product ${product.SKU}` };
}

function checkCin7Records(ctx: AuditContext, out: Finding[]): void {
  const cin7 = ctx.snapshot.cin7;
  const rates = ctx.snapshot.xero?.taxRates ?? [];
  const rules = cin7?.taxRules ?? [];
  const matched = new Map<string, TaxMatch>();
  // By the name as written too: a few names among 200,000 records, lower-cased once each.
  const byName = new Map<string, XeroTaxRate | null>();
  // Apart from rateOf: its closure over `key` would cost every call a context, not only a new name's.
  const rateNamed = (name: string): XeroTaxRate | null => {
    const key = name.trim().toLowerCase();
    if (!key) return null;
    if (!matched.has(key)) {
      const rule = rules.find((candidate) => candidate.Name.trim().toLowerCase() === key);
      matched.set(key, rule && rule.IsActive !== false ? matchTaxRate(rule, rates) : { status: 'unjudged' });
    }
    const match = matched.get(key);
    return match?.status === 'matched' ? match.rate : null;
  };
  const rateOf = (name: string | null | undefined): XeroTaxRate | null => {
    if (typeof name !== 'string') return null;
    let rate = byName.get(name);
    if (rate === undefined) byName.set(name, (rate = rateNamed(name)));
    return rate;
  };
  // A handful of product types among 200,000 products: each lower-cased once.
  const serviceTypes = new Map<string, boolean>();
  const isServiceType = (type: string | null | undefined): boolean => {
    if (!type) return false;
    let service = serviceTypes.get(type);
    if (service === undefined) serviceTypes.set(type, (service = type.trim().toLowerCase() === 'service'));
    return service;
  };
  const products = cin7?.products ?? [];
  for (let at = 0; at < products.length; at++) {
    const product = products[at] as Cin7Product;
    const sale = rateOf(product.SaleTaxRule);
    const saleRefused = sale && refusal(sale, recordPostingCode('defaultRevenue', product, undefined, ctx), ctx);
    if (sale && saleRefused) {
      const what = `its sale tax rule “${product.SaleTaxRule?.trim()}” stands for Xero’s tax rate`;
      out.push(finding({ subject: productSubject(product), what, rate: sale, account: saleRefused.account, fix: cin7RecordLink('product', product.ID, 'Sale tax rule') }, saleRefused.accountClass));
    }
    const purchase = rateOf(product.PurchaseTaxRule);
    if (!purchase) continue;
    const isService = isServiceType(product.Type);
    const purchaseRefused = refusal(purchase, recordPostingCode(isService ? 'serviceExpense' : 'inventoryControl', product, undefined, ctx), ctx);
    if (purchaseRefused) {
      const what = `its purchase tax rule “${product.PurchaseTaxRule?.trim()}” stands for Xero’s tax rate`;
      out.push(finding({ subject: productSubject(product), what, rate: purchase, account: purchaseRefused.account, fix: cin7RecordLink('product', product.ID, 'Purchase tax rule') }, purchaseRefused.accountClass));
    }
  }
  const contacts = [
    ['customer', cin7?.customers ?? [], (customer: object) => recordPostingCode('defaultRevenue', undefined, customer, ctx)],
    // A supplier's purchases of stock post to the inventory control account (suppliers carry no inventory account).
    ['supplier', cin7?.suppliers ?? [], () => recordPostingCode('inventoryControl', undefined, undefined, ctx)],
  ] as const;
  for (const [kind, list, code] of contacts) {
    const records = list as readonly (Cin7Customer | Cin7Supplier)[];
    for (let at = 0; at < records.length; at++) {
      const contact = records[at] as Cin7Customer | Cin7Supplier;
      const rate = rateOf(contact.TaxRule);
      const refused = rate && refusal(rate, code(contact), ctx);
      if (!rate || !refused) continue;
      const label = `${kind === 'customer' ? 'Customer' : 'Supplier'} ${contact.Name}`;
      const what = `its tax rule “${contact.TaxRule?.trim()}” stands for Xero’s tax rate`;
      out.push(finding({ subject: { kind, key: contact.Name, label }, what, rate, account: refused.account, fix: cin7RecordLink(kind, contact.ID, 'Tax rule') }, refused.accountClass));
    }
  }
}

function checkXeroItems(ctx: AuditContext, out: Finding[]): void {
  const byType = new Map<string, XeroTaxRate>();
  for (const rate of ctx.snapshot.xero?.taxRates ?? []) if (rate.TaxType?.trim()) byType.set(rate.TaxType.trim().toUpperCase(), rate);
  // By the type as written too: a few types among 100,000 items, normalised once each.
  const byWritten = new Map<string, XeroTaxRate | undefined>();
  const rateOf = (details: { TaxType?: string | null | undefined } | null | undefined) => {
    const written = details?.TaxType;
    if (!written) return undefined;
    if (byWritten.has(written)) return byWritten.get(written);
    const type = written.trim();
    const rate = type ? byType.get(type.toUpperCase()) : undefined;
    byWritten.set(written, rate);
    return rate;
  };
  const check = (item: XeroItem, what: string, details: XeroItem['SalesDetails']) => {
    const rate = rateOf(details);
    const refused = rate && refusal(rate, details?.AccountCode, ctx);
    if (!rate || !refused) return;
    const subject = { kind: 'item' as const, key: item.Code, label: `Xero item ${item.Name?.trim() ? `${item.Code} ${item.Name.trim()}` : item.Code}` };
    out.push(finding({ subject, what, rate, account: refused.account, fix: xeroProductsLink(ctx.shortCode, item.Code) }, refused.accountClass));
  };
  const items = ctx.snapshot.xero?.items ?? [];
  // Indexed, with no pair of details built per item: 100,000 items at the bench's scale.
  for (let at = 0; at < items.length; at++) {
    const item = items[at] as XeroItem;
    check(item, 'its sales tax rate is', item.SalesDetails);
    // A tracked item's purchase account is its inventory asset account ("AccountCode not applicable", research/xero.md §1.4).
    check(item, 'its purchase tax rate is', item.IsTrackedAsInventory ? null : item.PurchaseDetails);
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
