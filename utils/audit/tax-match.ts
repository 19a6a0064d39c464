// Which Xero tax rate a Cin7 Core tax rule stands for, matched by substance (issue #14, "Tax, more than names").
//
// What is known: Cin7 Core's rules come down from Xero, and a rule made in Cin7 is not exported; a rule Xero does not
// have syncs with a tax adjustment line (research/cin7.md §4.1, Xero sync options article). A Cin7 rule carries
// `TaxPercent` and `Components[]` {Name, Percent, AccountCode, ComponentOrder, Compound} (§2.2); a Xero rate carries
// `TaxComponents[]` {Name, Rate, IsCompound, IsNonRecoverable}, `DisplayTaxRate` and `EffectiveRate` (specs/
// xero_accounting.yaml, TaxRate, TaxComponent). Xero's components have no account, so the accounts of a rule's
// components are judged against Xero's chart (TAX_RULE_ACCOUNT_INVALID), and the match is by the components'
// percentages and compounding: the same name is not enough ("GST on Income" may be 15 % in one org and 12.5 % in an
// old one), and names differ between the apps ("GST on Income" / "15% GST on Income").
import type { Cin7TaxRule } from '../schemas/cin7';
import type { XeroTaxRate } from '../schemas/xero';

/** A rate's percentages, component by component (order kept); null when the record states none. */
type Substance = { percent: number; compound: boolean }[] | null;

const toNumber = (value: unknown): number | null => {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN;
  return Number.isFinite(number) ? number : null;
};
const truthy = (value: unknown) => value === true || value === 1 || value === '1' || (typeof value === 'string' && value.trim().toLowerCase() === 'true');

export function cin7Substance(rule: Cin7TaxRule): Substance {
  const components = [...(rule.Components ?? [])]
    .sort((a, b) => (toNumber(a.ComponentOrder) ?? 0) - (toNumber(b.ComponentOrder) ?? 0))
    .map((component) => ({ percent: toNumber(component.Percent), compound: truthy(component.Compound) }));
  if (components.length > 0 && components.every((component) => component.percent !== null)) {
    return components as { percent: number; compound: boolean }[];
  }
  const total = toNumber(rule.TaxPercent);
  return total === null ? null : [{ percent: total, compound: false }];
}

export function xeroSubstance(rate: XeroTaxRate): Substance {
  const components = (rate.TaxComponents ?? []).map((component) => ({ percent: toNumber(component.Rate), compound: component.IsCompound === true }));
  if (components.length > 0 && components.every((component) => component.percent !== null)) {
    return components as { percent: number; compound: boolean }[];
  }
  const total = toNumber(rate.DisplayTaxRate ?? rate.EffectiveRate);
  return total === null ? null : [{ percent: total, compound: false }];
}

/** Both give 4 decimal places (Xero "up to 4dp"); compare at that precision. */
const samePercent = (a: number, b: number) => Math.abs(a - b) < 0.00005;

function sameSubstance(a: NonNullable<Substance>, b: NonNullable<Substance>): boolean {
  // A record that lists its parts differently (one total against two simple parts) is compared by total; compound
  // parts change the total, so those must match part for part.
  if (a.length !== b.length) {
    const total = (list: NonNullable<Substance>) => list.reduce((sum, part) => sum + part.percent, 0);
    return !a.concat(b).some((part) => part.compound) && samePercent(total(a), total(b));
  }
  const order = (list: NonNullable<Substance>) => [...list].sort((x, y) => x.percent - y.percent || Number(x.compound) - Number(y.compound));
  const [left, right] = [order(a), order(b)];
  return left.every((part, index) => samePercent(part.percent, right[index]!.percent) && part.compound === right[index]!.compound);
}

export const describeSubstance = (substance: Substance): string =>
  substance === null ? 'an unstated rate' : substance.map((part) => `${Number(part.percent.toFixed(4))}%${part.compound ? ' compound' : ''}`).join(' + ');

const words = (name: string) => new Set(name.toLowerCase().split(/[^a-z0-9.]+/).filter(Boolean));
const nameKey = (name: string) => name.trim().toLowerCase();

/** Shared words over all words: "GST on Income" and "15% GST on Income" share 3 of 4. */
function likeness(a: string, b: string): number {
  const [left, right] = [words(a), words(b)];
  const shared = [...left].filter((word) => right.has(word)).length;
  const all = new Set([...left, ...right]).size;
  return all === 0 ? 0 : shared / all;
}

const isActive = (rate: XeroTaxRate) => rate.Status === undefined || rate.Status === 'ACTIVE';
const isGone = (rate: XeroTaxRate) => rate.Status === 'ARCHIVED' || rate.Status === 'DELETED';

export type TaxMatch =
  /** An active Xero rate with the rule's percentages (`by` says whether the name agrees too). */
  | { status: 'matched'; rate: XeroTaxRate; by: 'name' | 'substance' }
  /** The only rates with the rule's percentages (or its name, when it states none) are archived or deleted in Xero. */
  | { status: 'inactive'; rate: XeroTaxRate }
  /** Xero has a rate of the same name, but with other percentages, and none with the rule's. */
  | { status: 'differs'; rate: XeroTaxRate; rule: string; xero: string }
  /** No Xero rate has the rule's percentages or name. */
  | { status: 'missing'; rule: string }
  /** The rule states no percentage and no rate has its name: nothing can be said. */
  | { status: 'unjudged' };

/**
 * The Xero rate a Cin7 rule stands for. Candidates have the same percentages; among them an active rate beats an
 * archived one, the same name beats a likely name, and a rate for the rule's side (sales → revenue, purchases →
 * expenses) beats one that cannot apply there.
 */
export function matchTaxRate(rule: Cin7TaxRule, rates: readonly XeroTaxRate[]): TaxMatch {
  const substance = cin7Substance(rule);
  const sameName = rates.filter((rate) => nameKey(rate.Name) === nameKey(rule.Name));
  if (substance === null) {
    const named = sameName.find(isActive) ?? sameName.find(isGone);
    if (!named) return { status: 'unjudged' };
    return isActive(named) ? { status: 'matched', rate: named, by: 'name' } : { status: 'inactive', rate: named };
  }
  const side = (rate: XeroTaxRate) =>
    (rule.IsTaxForSale === true && rate.CanApplyToRevenue === false ? 1 : 0) + (rule.IsTaxForPurchase === true && rate.CanApplyToExpenses === false ? 1 : 0);
  const score = (rate: XeroTaxRate) => (nameKey(rate.Name) === nameKey(rule.Name) ? 2 : likeness(rate.Name, rule.Name)) - side(rate);
  const candidates = rates
    .filter((rate) => rate.Status !== 'PENDING')
    .filter((rate) => {
      const other = xeroSubstance(rate);
      return other !== null ? sameSubstance(substance, other) : nameKey(rate.Name) === nameKey(rule.Name);
    })
    .sort((a, b) => Number(isActive(b)) - Number(isActive(a)) || score(b) - score(a) || a.Name.localeCompare(b.Name));
  const best = candidates[0];
  if (best && isActive(best)) return { status: 'matched', rate: best, by: nameKey(best.Name) === nameKey(rule.Name) ? 'name' : 'substance' };
  if (best) return { status: 'inactive', rate: best };
  const named = sameName.find(isActive) ?? sameName[0];
  if (named) return { status: 'differs', rate: named, rule: describeSubstance(substance), xero: describeSubstance(xeroSubstance(named)) };
  return { status: 'missing', rule: describeSubstance(substance) };
}

/** Xero's account classes and the rate flag that allows each (TaxRate.CanApplyTo…, specs/xero_accounting.yaml). */
export const CAN_APPLY_FIELD = {
  REVENUE: 'CanApplyToRevenue',
  EXPENSE: 'CanApplyToExpenses',
  ASSET: 'CanApplyToAssets',
  LIABILITY: 'CanApplyToLiabilities',
  EQUITY: 'CanApplyToEquity',
} as const;
export type TaxableClass = keyof typeof CAN_APPLY_FIELD;

/** False only when Xero says so: an absent flag (older payloads, hand-made fixtures) is not a verdict. */
export function rateCannotApply(rate: XeroTaxRate, accountClass: string | null): accountClass is TaxableClass {
  if (!accountClass || !(accountClass in CAN_APPLY_FIELD)) return false;
  return rate[CAN_APPLY_FIELD[accountClass as TaxableClass]] === false;
}

/** Xero sync options: a Cin7 rule Xero does not have syncs with a tax adjustment line (research/cin7.md §4.1). */
const ADJUSTMENT = 'Cin7 Core syncs a rule Xero does not have with a tax adjustment line instead of Xero’s tax';

/** What is wrong with a rule's match, in words, or null when Xero can take the rule. */
export function taxMatchProblem(ruleName: string, match: TaxMatch): string | null {
  switch (match.status) {
    case 'matched':
    case 'unjudged':
      return null;
    case 'inactive':
      return `Xero’s tax rate “${match.rate.Name}”${match.rate.TaxType ? ` (${match.rate.TaxType})` : ''}, which the Cin7 Core tax rule “${ruleName}” stands for, is ${String(match.rate.Status).toLowerCase()} in Xero: Xero refuses invoices and bills that use it. Restore the tax rate in Xero, or choose another tax rule.`;
    case 'differs':
      return `The Cin7 Core tax rule “${ruleName}” is ${match.rule}, but Xero’s tax rate “${match.rate.Name}” is ${match.xero}, and no Xero tax rate is ${match.rule}. ${ADJUSTMENT}, so the tax in Xero will not be what Cin7 Core charged. Add a ${match.rule} tax rate in Xero, or choose a tax rule Xero has.`;
    case 'missing':
      return `No Xero tax rate is ${match.rule} like the Cin7 Core tax rule “${ruleName}” (a rule made in Cin7 Core is not sent to Xero). ${ADJUSTMENT}. Add a ${match.rule} tax rate in Xero, or choose a tax rule Xero has.`;
  }
}
