// The tax rules of one Cin7 Core product, customer or supplier (issue #5): per tax-rule field, the rule it names and
// whether that rule can be used. Pure: the background calls it with the stored snapshot (getRecordTaxRules).
//
// What is known (research/cin7.md §2.2, §2.5–2.6, §4.1, §4.4; anchors.md #6):
// - records name tax rules by `Name`; `null` means "use the next level" (line → product → header → contact);
// - a tax rule's `Account` must be an ACTIVE LIABILITY account (the engine's TAX_RULE_ACCOUNT_INVALID, reused here);
// - Cin7's tax rules come down from Xero; a rule whose Xero tax rate is archived or deleted is refused by Xero
//   ("The TaxType code … does not exist or cannot be used"). The snapshot holds no TaxType on a Cin7 rule, so a
//   rule is linked to the Xero tax rate with its percentages (tax-match.ts); a rule that states no percentage and
//   has no same-named rate is not judged.
// What is NOT documented: what Cin7 does at sync time with an inactive or unknown rule name. Our verdicts say so in
// their explanations (an inference: Cin7 cannot compute tax with a rule it does not have, and inactive rules are not
// offered on new documents), and their fix is to choose another rule on the record itself: no URL of Cin7's tax
// rules screen is known (research/cin7.md §6), so the record's own field is the place to fix it.
import type { Snapshot } from '../schemas/snapshot';
import type { Cin7Customer, Cin7Product, Cin7Supplier, Cin7TaxRule } from '../schemas/cin7';
import { buildContext } from './context';
import { cin7RecordLink, xeroTaxRatesLink } from './links';
import { taxRuleAccountRule } from './rules/tax-rule-account';
import { matchTaxRate, taxMatchProblem, type TaxMatch } from './tax-match';
import type { Finding, FixLink } from './types';

export const TAX_RULE_RECORD_KINDS = ['product', 'customer', 'supplier'] as const;
export type TaxRuleRecordKind = (typeof TAX_RULE_RECORD_KINDS)[number];
export const TAX_RULE_FIELDS = ['SaleTaxRule', 'PurchaseTaxRule', 'TaxRule'] as const;
export type TaxRuleField = (typeof TAX_RULE_FIELDS)[number];

export const TAX_RULE_VERDICTS = [
  /** The rule exists, is active, posts to a valid account, and (if linked) its Xero tax rate is active. */
  'ok',
  /** The field is empty: the next level's rule (or Cin7's default) is used. */
  'notSet',
  /** No Cin7 tax rule has this name (renamed or deleted). */
  'unknown',
  /** The rule exists but is inactive in Cin7 Core. */
  'inactive',
  /** The rule is not for this side: a purchase-only rule on a sale field, or a sale-only rule on a purchase field. */
  'wrongUse',
  /** The rule's account (or a component's) is missing, archived or not a liability (TAX_RULE_ACCOUNT_INVALID). */
  'accountInvalid',
  /** The Xero tax rate the rule stands for is archived or deleted. */
  'xeroTaxRateInactive',
  /** No Xero tax rate has the rule's percentages: Xero cannot take it (TAX_RULE_NOT_IN_XERO). */
  'notInXero',
  /** Cin7 Core's tax rules have not been fetched: nothing can be said. */
  'unchecked',
] as const;
export type TaxRuleVerdict = (typeof TAX_RULE_VERDICTS)[number];

export const TAX_RULE_SEVERITIES = ['ok', 'info', 'warning', 'error'] as const;
export type TaxRuleSeverity = (typeof TAX_RULE_SEVERITIES)[number];

export interface TaxRuleFieldCheck {
  field: TaxRuleField;
  /** The field as the record page labels it ("Sale tax rule"). */
  fieldLabel: string;
  /** The rule name the record holds, or null when the field is empty. */
  ruleName: string | null;
  verdict: TaxRuleVerdict;
  severity: TaxRuleSeverity;
  /** For `notSet`: the rule used instead, when the snapshot knows it. */
  fallback?: string;
  /** Plain-language: what this means and what to do. */
  explanation: string;
  fix?: FixLink;
}

export interface RecordTaxRules {
  kind: TaxRuleRecordKind;
  id: string;
  /** False when the record is not in the snapshot (new, or not fetched yet). */
  found: boolean;
  /** "Product TNT-2P-GRN (Hiker 2-Person Tent)", "Customer Acme Ltd". */
  label?: string;
  fields: TaxRuleFieldCheck[];
  /** Why nothing (or not everything) could be checked. */
  reason?: string;
}

const SEVERITY: Record<TaxRuleVerdict, TaxRuleSeverity> = {
  ok: 'ok',
  notSet: 'info',
  unknown: 'error',
  inactive: 'warning',
  wrongUse: 'warning',
  accountInvalid: 'error',
  xeroTaxRateInactive: 'error',
  notInXero: 'warning',
  unchecked: 'info',
};

export const RECORD_TAX_FIELDS: Record<TaxRuleRecordKind, ReadonlyArray<{ field: TaxRuleField; label: string; use: 'sale' | 'purchase' }>> = {
  product: [
    { field: 'SaleTaxRule', label: 'Sale tax rule', use: 'sale' },
    { field: 'PurchaseTaxRule', label: 'Purchase tax rule', use: 'purchase' },
  ],
  customer: [{ field: 'TaxRule', label: 'Tax rule', use: 'sale' }],
  supplier: [{ field: 'TaxRule', label: 'Tax rule', use: 'purchase' }],
};

const NOUN: Record<TaxRuleRecordKind, string> = { product: 'product', customer: 'customer', supplier: 'supplier' };

/** The engine's rule doesn't read dates; the context just needs a day. */
const ANY_DAY = '1970-01-01';

const nameKey = (name: string) => name.trim().toLowerCase();

export type RecordValues = Partial<Record<TaxRuleField, string | null | undefined>>;
export type AnyRecord = Cin7Product | Cin7Customer | Cin7Supplier;

/** The record's tax rule fields: all its verdicts depend on (its ID only goes into fix links). */
export function valuesOf(kind: TaxRuleRecordKind, record: AnyRecord): RecordValues {
  if (kind === 'product') return { SaleTaxRule: (record as Cin7Product).SaleTaxRule, PurchaseTaxRule: (record as Cin7Product).PurchaseTaxRule };
  return { TaxRule: (record as Cin7Customer | Cin7Supplier).TaxRule };
}

/** The record's label ("Product TNT-2P-GRN (Hiker 2-Person Tent)") and its tax rule fields. */
function describeRecord(kind: TaxRuleRecordKind, record: AnyRecord): { label: string; values: RecordValues } {
  if (kind === 'product') {
    const product = record as Cin7Product;
    const name = product.Name?.trim();
    return { label: `Product ${product.SKU}${name ? ` (${name})` : ''}`, values: valuesOf(kind, record) };
  }
  const contact = record as Cin7Customer | Cin7Supplier;
  return { label: `${kind === 'customer' ? 'Customer' : 'Supplier'} ${contact.Name}`, values: valuesOf(kind, record) };
}

export function recordsOfKind(snapshot: Snapshot, kind: TaxRuleRecordKind): readonly AnyRecord[] | undefined {
  const cin7 = snapshot.cin7;
  return kind === 'product' ? cin7?.products : kind === 'customer' ? cin7?.customers : cin7?.suppliers;
}

/** The rule a record's tax rule field names: exact name first, then ignoring case and surrounding space. */
function findRule(rules: readonly Cin7TaxRule[], name: string): Cin7TaxRule | undefined {
  return rules.find((rule) => rule.Name === name) ?? rules.find((rule) => nameKey(rule.Name) === nameKey(name));
}

function notSetExplanation(kind: TaxRuleRecordKind, use: 'sale' | 'purchase', defaultSaleRule: string | null, meKnown: boolean): { text: string; fallback?: string } {
  const saleDefault = defaultSaleRule
    ? `Cin7 Core’s default sale tax rule is “${defaultSaleRule}”.`
    : meKnown
      ? 'Cin7 Core has no default sale tax rule set.'
      : 'Cin7 Core’s default sale tax rule is not known (company settings not fetched).';
  if (kind === 'product') {
    return use === 'sale'
      ? { text: `Not set: sales of this product use the sale’s tax rule, which comes from the customer. ${saleDefault}` }
      : { text: 'Not set: purchases of this product use the purchase’s tax rule, which comes from the supplier.' };
  }
  if (kind === 'customer') {
    return {
      text: `Not set, although Cin7 Core requires a tax rule on customers: new sales fall back to the default sale tax rule. ${saleDefault} Choose a tax rule for the customer.`,
      ...(defaultSaleRule ? { fallback: defaultSaleRule } : {}),
    };
  }
  return { text: 'Not set, although Cin7 Core requires a tax rule on suppliers, and it has no default purchase tax rule: each purchase needs one chosen by hand. Choose a tax rule for the supplier.' };
}

/** What judging any record needs, worked out once per snapshot (the audit judges every record with one). */
export interface TaxRuleJudge {
  readonly snapshot: Snapshot;
  readonly rules: readonly Cin7TaxRule[] | undefined;
  readonly accountsKnown: boolean;
  readonly defaultSaleRule: string | null;
  /** TAX_RULE_ACCOUNT_INVALID findings of every active rule, by rule name as the engine keys them. */
  accountProblems(rule: Cin7TaxRule): Finding[];
  /** The Xero rate a rule stands for (null until Xero's tax rates are fetched). */
  match(rule: Cin7TaxRule): TaxMatch | null;
  findRule(name: string): Cin7TaxRule | undefined;
}

export function prepareTaxRuleJudge(snapshot: Snapshot): TaxRuleJudge {
  const rules = snapshot.cin7?.taxRules;
  const xeroRates = snapshot.xero?.taxRates;
  const accountsKnown = snapshot.xero?.accounts !== undefined;
  const accountFindings =
    rules && rules.length > 0 && accountsKnown
      ? taxRuleAccountRule.run(buildContext({ cin7: { taxRules: rules }, xero: { accounts: snapshot.xero?.accounts, organisation: snapshot.xero?.organisation } }, ANY_DAY))
      : [];
  const matches = new Map<Cin7TaxRule, TaxMatch>();
  return {
    snapshot,
    rules,
    accountsKnown,
    defaultSaleRule: snapshot.cin7?.me?.DefaultSaleTaxRuleName?.trim() || null,
    accountProblems: (rule) => accountFindings.filter((finding) => finding.subject.key === (rule.Name.trim() || '(unnamed tax rule)')),
    match(rule) {
      if (!xeroRates) return null;
      const known = matches.get(rule);
      if (known) return known;
      const found = matchTaxRate(rule, xeroRates);
      matches.set(rule, found);
      return found;
    },
    findRule: (name) => (rules ? findRule(rules, name) : undefined),
  };
}

/** The verdict of each tax rule field of one record. */
export function judgeRecordTaxRules(judge: TaxRuleJudge, kind: TaxRuleRecordKind, record: AnyRecord): RecordTaxRules {
  const id = record.ID ?? '';
  const { label: recordLabel, values } = describeRecord(kind, record);
  const { snapshot, rules, accountsKnown, defaultSaleRule } = judge;
  const me = snapshot.cin7?.me;
  const shortCode = snapshot.xero?.organisation?.ShortCode?.trim() || null;
  const recordFix = (label: string, wording: string): FixLink => ({ ...cin7RecordLink(kind, id, label), label: wording });

  const fields = RECORD_TAX_FIELDS[kind].map(({ field, label, use }): TaxRuleFieldCheck => {
    const ruleName = values[field]?.trim() || null;
    const check = (verdict: TaxRuleVerdict, explanation: string, fix?: FixLink, extra: Partial<TaxRuleFieldCheck> = {}): TaxRuleFieldCheck => ({
      field,
      fieldLabel: label,
      ruleName,
      verdict,
      severity: SEVERITY[verdict],
      explanation,
      ...(fix ? { fix } : {}),
      ...extra,
    });
    if (!ruleName) {
      const { text, fallback } = notSetExplanation(kind, use, defaultSaleRule, Boolean(me));
      const fix = kind === 'product' ? undefined : recordFix(label, `Choose a tax rule for this ${NOUN[kind]}`);
      return check('notSet', text, fix, fallback ? { fallback } : {});
    }
    if (!rules) return check('unchecked', 'Cin7 Core’s tax rules have not been fetched yet: refresh to check this rule.');
    const rule = judge.findRule(ruleName);
    if (!rule) {
      return check(
        'unknown',
        `Cin7 Core has no tax rule named “${ruleName}” (renamed or deleted?), so it cannot apply it to this ${NOUN[kind]}’s ${use}s. Choose an existing tax rule.`,
        recordFix(label, `Choose an existing tax rule for this ${NOUN[kind]}`),
      );
    }
    if (rule.IsActive === false) {
      return check(
        'inactive',
        `The tax rule “${rule.Name}” is inactive in Cin7 Core, so it should not be used on new ${use}s. Choose an active tax rule, or make “${rule.Name}” active again in Cin7 Core’s tax rules.`,
        recordFix(label, `Choose an active tax rule for this ${NOUN[kind]}`),
      );
    }
    // Cin7 Core marks each rule for sales, purchases or both (IsTaxForSale / IsTaxForPurchase); only an explicit false
    // counts, since older payloads leave the flags out.
    const forThisUse = use === 'sale' ? rule.IsTaxForSale : rule.IsTaxForPurchase;
    if (forThisUse === false) {
      const other = use === 'sale' ? 'purchases' : 'sales';
      return check(
        'wrongUse',
        `The tax rule “${rule.Name}” is set up in Cin7 Core for ${other} only, not for ${use}s, so this ${NOUN[kind]}’s ${use}s get a rule meant for ${other}. Choose a tax rule for ${use}s, or tick “${use === 'sale' ? 'Sale' : 'Purchase'}” on “${rule.Name}” in Cin7 Core’s tax rules.`,
        recordFix(label, `Choose a ${use} tax rule for this ${NOUN[kind]}`),
      );
    }
    const problems = judge.accountProblems(rule);
    if (problems.length > 0) {
      const fix = problems.find((finding) => finding.fix)?.fix ?? recordFix(label, `Choose another tax rule for this ${NOUN[kind]}`);
      return check('accountInvalid', problems.map((finding) => finding.message).join(' '), fix);
    }
    const match = judge.match(rule);
    const problem = match ? taxMatchProblem(rule.Name, match) : null;
    if (match && problem) return check(match.status === 'inactive' ? 'xeroTaxRateInactive' : 'notInXero', problem, xeroTaxRatesLink(shortCode));
    const linked = match?.status === 'matched' ? ` It stands for Xero’s “${match.rate.Name}”${match.rate.TaxType ? ` (${match.rate.TaxType})` : ''}.` : '';
    return check(
      'ok',
      accountsKnown
        ? `“${rule.Name}” is an active Cin7 Core tax rule posting to a valid liability account.${linked}`
        : `“${rule.Name}” is an active Cin7 Core tax rule (its account is checked once Xero’s chart of accounts is fetched).${linked}`,
    );
  });

  return { kind, id, found: true, label: recordLabel, fields };
}

/**
 * The tax rule fields of one product, customer or supplier, each with its verdict, explanation and fix. The record is
 * found by its Cin7 ID (any case). Reuses the engine's TAX_RULE_ACCOUNT_INVALID rule for the rules' accounts.
 */
export function checkRecordTaxRules(snapshot: Snapshot, record: { kind: TaxRuleRecordKind; id: string }): RecordTaxRules {
  const { kind, id } = record;
  const wanted = id.trim().toLowerCase();
  const list = recordsOfKind(snapshot, kind);
  const found = list?.find((candidate) => candidate.ID?.trim().toLowerCase() === wanted);
  if (!found) {
    return {
      kind,
      id,
      found: false,
      fields: [],
      reason: list === undefined ? `Cin7 Core ${NOUN[kind]}s not fetched yet: refresh to check this ${NOUN[kind]}’s tax rules.` : `This ${NOUN[kind]} is not in the fetched data yet (new or changed since the last refresh): refresh to check its tax rules.`,
    };
  }
  return { ...judgeRecordTaxRules(prepareTaxRuleJudge(snapshot), kind, found), id };
}
