// The sync-error texts Mapping Guard recognises, one pattern per cause. Every wording is verbatim from a public
// source (research/fidelity.md, "Sync-error texts seen in public"); the source is named beside each pattern. A text
// that matches no pattern gives no cause: guessing would send the user to the wrong fix.
import { XERO_CURRENCY_CODE_VALUES } from '../schemas/vocabulary';
import { DATE_PATTERN, parseErrorDate } from './dates';

export const CAUSES = [
  'account-invalid-for-document',
  'account-archived',
  'period-locked',
  'currency-not-enabled',
  'tax-type-not-allowed',
  'invoice-paid-in-xero',
  'invalid-symbols-in-name',
  'payment-exceeds-outstanding',
  'document-has-allocations',
  'invalid-status-for-modification',
  'inventory-account-type',
] as const;
export type CauseId = (typeof CAUSES)[number];

/** What an error text names. Codes are as written (trimmed); currency and tax type in capitals; `date` is ISO. */
export interface ExplainSubject {
  account?: string;
  taxType?: string;
  currency?: string;
  /** The lock date the text names (YYYY-MM-DD); absent when the text has none or it is ambiguous (03/04/2018). */
  date?: string;
  lock?: 'period' | 'endOfYear';
}

export interface CauseHit {
  cause: CauseId;
  subject: ExplainSubject;
  /** Where the text matched in the normalised text, to keep several errors in their order. */
  index: number;
}

/**
 * A pattern in a small notation: a space means "any spacing, or none" (line breaks and lost spaces from copied
 * text), `Q` an optional quote, `CODE` an account code as Xero quotes it.
 */
function compile(notation: string): RegExp {
  const source = notation
    .replaceAll('CODE', String.raw`(?<account>[^\s'"]{1,30})`)
    .replaceAll('Q', `['"]?`)
    .replaceAll(' ', String.raw`\s*`);
  return new RegExp(String.raw`(?<![a-z0-9])${source}`, 'gi');
}

// Xero's currency codes: a three-letter word after "currency" that is not one ("…to currency and …") is no subject.
const CURRENCY_CODES: ReadonlySet<string> = new Set(XERO_CURRENCY_CODE_VALUES);

interface CausePattern {
  cause: CauseId;
  pattern: RegExp;
  subject?(groups: Record<string, string | undefined>): ExplainSubject;
}

/** An account code as captured: without the sentence's full stop or comma when the text had no quotes. */
const code = (text: string | undefined) => text?.replace(/[.,;:!?)]+$/, '') || undefined;

const PATTERNS: readonly CausePattern[] = [
  {
    // Xero API: "Account code '<CODE>' is not a valid code for this document." (Re-Leased, Buildxact, Axcelerate)
    cause: 'account-invalid-for-document',
    pattern: compile('account code Q CODE Q is not a valid code for (?:this|the) document'),
    subject: (groups) => ({ account: code(groups.account) }),
  },
  {
    // Xero API: "Account code '###' has been archived, or has been deleted. Each line item must reference a valid
    // account." (Expend, Dext)
    cause: 'account-archived',
    pattern: compile('account code Q CODE Q has been (?:archived|deleted)'),
    subject: (groups) => ({ account: code(groups.account) }),
  },
  {
    // Xero API: "The document date cannot be before the period lock date, currently set at 30-Nov-2018" and
    // "…before the end of year lock date, currently set at [date]." (Emersion, Dext)
    cause: 'period-locked',
    pattern: compile(`document date can(?: not|'t) be (?:on or )?before the (?<lock>period|end[\\s-]?of[\\s-]?year) lock date(?: ,? (?:which is )?(?:currently )?set (?:at|to|as) (?<date>${DATE_PATTERN}))?`),
    subject: (groups) => {
      const date = groups.date ? parseErrorDate(groups.date) : null;
      return { lock: /^period$/i.test(groups.lock ?? '') ? 'period' : 'endOfYear', ...(date ? { date } : {}) };
    },
  },
  {
    // Xero API: "Organisation is not subscribed to currency SGD" (public code); Expensify shows "XRO068: Organization
    // is not subscribed to currency x".
    cause: 'currency-not-enabled',
    pattern: compile(`organi[sz]ation is not subscribed to (?:the )?currency(?:\\s+Q(?<currency>[a-z]{3})Q(?![a-z0-9]))?`),
    subject: (groups) => {
      const currency = groups.currency?.toUpperCase();
      return currency && CURRENCY_CODES.has(currency) ? { currency } : {};
    },
  },
  {
    // Xero API: "The TaxType code '<TAX CODE>' cannot be used with account code '<ACCOUNT CODE>'." (Re-Leased,
    // WorkGuru)
    cause: 'tax-type-not-allowed',
    pattern: compile(`tax type code Q(?<taxType>[a-z0-9_]{1,40})Q can(?: not|'t) be used with account code Q CODE`),
    subject: (groups) => ({ taxType: groups.taxType?.toUpperCase(), account: code(groups.account) }),
  },
  {
    // Cin7 Core (IntegrationKings knowledge base): "Current invoice has been paid in Xero and cannot be updated.
    // Please remove payment in Xero and then try to export the invoice."
    cause: 'invoice-paid-in-xero',
    pattern: compile(`invoice has been paid in xero and can(?: not|'t) be updated`),
  },
  {
    // Cin7 Core (IntegrationKings knowledge base): "Please remove the incorrect symbols from the product name."
    cause: 'invalid-symbols-in-name',
    pattern: compile('remove (?:the )?incorrect symbols? from (?:the )?product name'),
  },
  {
    // Cin7 Core (IntegrationKings knowledge base): "Payment amount exceeds the amount outstanding on this document"
    cause: 'payment-exceeds-outstanding',
    pattern: compile('payment amount exceeds (?:the )?amount outstanding on (?:this|the) document'),
  },
  {
    // Xero API: "This document cannot be edited as it has a payment or credit note allocated to it." (WorkGuru,
    // Ordermentum)
    cause: 'document-has-allocations',
    pattern: compile(`document can(?: not|'t) be edited (?:as|because) it has a payment or credit note allocated to it`),
  },
  {
    // Xero API: "Invoice not of valid status for modification" (WorkGuru, Ordermentum)
    cause: 'invalid-status-for-modification',
    pattern: compile('invoice (?:is )?not of (?:a )?valid status for modification'),
  },
  {
    // Xero API: "You cannot save this transaction using an inventory account type" (AroFlo)
    cause: 'inventory-account-type',
    pattern: compile(`can(?: not|'t) save this transaction using an inventory account type`),
  },
];

/** Every cause the (normalised) text names, in the order they appear; one hit per cause and subject. */
export function findCauses(text: string): CauseHit[] {
  const hits: CauseHit[] = [];
  const seen = new Set<string>();
  for (const { cause, pattern, subject } of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const found = subject?.(match.groups ?? {}) ?? {};
      const clean = Object.fromEntries(Object.entries(found).filter(([, value]) => value !== undefined)) as ExplainSubject;
      const key = `${cause}\u0000${JSON.stringify(clean)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      hits.push({ cause, subject: clean, index: match.index });
    }
  }
  return hits.sort((a, b) => a.index - b.index);
}
