// Per cause: one message that says why the sync failed and what to do, and the screen where it is fixed. Links come
// from utils/audit/links.ts (sourced URLs only); causes fixed on a document whose address is unknown get no link.
import type { Snapshot } from '../schemas/snapshot';
import type { XeroAccount } from '../schemas/xero';
import type { FixLink } from '../audit/types';
import { accountKey } from '../audit/account-text';
import { describeAccount } from '../audit/describe';
import { xeroChartLink, xeroCurrenciesLink, xeroFinancialSettingsLink, xeroTaxRatesLink } from '../audit/links';
import type { CauseId, ExplainSubject } from './causes';

/** What the snapshot says about the things an error names. */
export interface SnapshotFacts {
  shortCode: string | null;
  /** Whether the snapshot has Xero's chart (otherwise nothing can be said about an account). */
  hasChart: boolean;
  account(code: string): XeroAccount | undefined;
  /** Codes of the chart's INVENTORY-type accounts. */
  inventoryCodes: string[];
}

const NO_FACTS: SnapshotFacts = { shortCode: null, hasChart: false, account: () => undefined, inventoryCodes: [] };

export function snapshotFacts(snapshot: Snapshot | undefined): SnapshotFacts {
  if (!snapshot) return NO_FACTS;
  const accounts = snapshot.xero?.accounts;
  const byCode = new Map<string, XeroAccount>();
  for (const account of accounts ?? []) if (account.Code?.trim()) byCode.set(accountKey(account.Code), account);
  return {
    shortCode: snapshot.xero?.organisation?.ShortCode?.trim() || null,
    hasChart: accounts !== undefined,
    account: (code) => byCode.get(accountKey(code)),
    inventoryCodes: [...byCode.values()].filter((account) => account.Type === 'INVENTORY').map((account) => account.Code!.trim()),
  };
}

export interface Advice {
  message: string;
  fix?: FixLink;
}

const LOCK_NAMES = { period: 'period lock date', endOfYear: 'end-of-year lock date' } as const;

function archivedAdvice(code: string, facts: SnapshotFacts): Advice {
  const account = facts.account(code);
  const base = `Xero refuses a line that posts to account ${code}, because Xero no longer has it as an active account.`;
  if (facts.hasChart && !account) {
    return {
      message: `${base} Account ${code} is not in Xero's chart of accounts (deleted). Point whatever uses ${code} in Cin7 Core at an active account, or create ${code} again in Xero, then sync again.`,
      fix: xeroChartLink(facts.shortCode, code),
    };
  }
  if (account && account.Status !== 'ARCHIVED' && account.Status !== 'DELETED') {
    return {
      message: `${base} ${describeAccount(account)} is active in the snapshot's chart, so it was restored after this failure; the next sync of the document should go through.`,
      fix: xeroChartLink(facts.shortCode, code),
    };
  }
  const named = account ? describeAccount(account) : `account ${code}`;
  return {
    message: `${base} Restore ${named} from the Archive tab of Xero's chart of accounts, or point whatever uses ${code} in Cin7 Core (account mapping, products, customers, suppliers, tax rules, the document's lines) at an active account, then sync again.`,
    fix: xeroChartLink(facts.shortCode, account?.Code?.trim() || code, { archived: true }),
  };
}

function invalidForDocumentAdvice(code: string, facts: SnapshotFacts): Advice {
  const account = facts.account(code);
  const seen = facts.hasChart
    ? account
      ? ` In the snapshot it is ${describeAccount(account)} (type ${account.Type}${account.Status && account.Status !== 'ACTIVE' ? `, ${account.Status.toLowerCase()}` : ''}).`
      : ` It is not in the snapshot's chart of accounts.`
    : '';
  return {
    message: `Xero does not accept account ${code} on this kind of document: the account is missing, archived, or of a type Xero does not allow there.${seen} In Cin7 Core, point the line, product, contact or account mapping that posts to ${code} at an account of the right type, then sync again.`,
    fix: xeroChartLink(facts.shortCode, account?.Code?.trim() || code),
  };
}

/** The message and fix link for one recognised error. */
export function adviceFor(cause: CauseId, subject: ExplainSubject, facts: SnapshotFacts = NO_FACTS): Advice {
  const code = subject.account;
  switch (cause) {
    case 'account-archived':
      return code ? archivedAdvice(code, facts) : { message: 'Xero refuses a line whose account is archived or deleted. Restore the account in Xero, or choose an active account in Cin7 Core, then sync again.', fix: xeroChartLink(facts.shortCode, undefined, { archived: true }) };
    case 'account-invalid-for-document':
      return code ? invalidForDocumentAdvice(code, facts) : { message: 'Xero does not accept the account on this kind of document.', fix: xeroChartLink(facts.shortCode) };
    case 'period-locked': {
      const lock = LOCK_NAMES[subject.lock ?? 'period'];
      const date = subject.date ? ` (${subject.date})` : '';
      return {
        message: `Xero refuses documents dated on or before its ${lock}${date}. Date the document after the lock date in Cin7 Core, or, if that period should still be open, move the lock date in Xero's Financial settings. Setting Cin7 Core's lock date to match stops Cin7 Core from accepting such documents.`,
        fix: xeroFinancialSettingsLink(facts.shortCode),
      };
    }
    case 'currency-not-enabled': {
      const currency = subject.currency;
      return {
        message: currency
          ? `The document is in ${currency}, which is not enabled in this Xero organisation, so Xero refuses it. Add ${currency} under Currencies in Xero, then sync again.`
          : 'The document is in a currency that is not enabled in this Xero organisation, so Xero refuses it. Add the currency under Currencies in Xero, then sync again.',
        fix: xeroCurrenciesLink(facts.shortCode, currency),
      };
    }
    case 'tax-type-not-allowed': {
      const account = code ? facts.account(code) : undefined;
      const where = account ? `${describeAccount(account)} (type ${account.Type})` : code ? `account ${code}` : 'this account';
      const rate = subject.taxType ? `the tax rate ${subject.taxType}` : 'this tax rate';
      return {
        message: `Xero does not allow ${rate} on ${where}: each Xero tax rate applies only to some kinds of account. In Cin7 Core, give the line (or its product or contact) a tax rule whose Xero tax rate fits that account, or post it to another account, then sync again.`,
        fix: xeroTaxRatesLink(facts.shortCode),
      };
    }
    case 'invoice-paid-in-xero':
      return { message: 'The invoice already has a payment in Xero, so Xero will not let Cin7 Core change it. As Cin7 Core advises: remove the payment in Xero, then export the invoice again.' };
    case 'invalid-symbols-in-name':
      return { message: "Cin7 Core refuses to send a product whose name has characters it cannot export. Remove the unusual symbols from the product's name in Cin7 Core, then sync again." };
    case 'payment-exceeds-outstanding':
      return { message: 'The payment is larger than what is still owed on the invoice or bill in Xero, for example because it was already paid or credited there. Compare the document and its payments in both apps, remove the duplicate payment or correct the amount, then sync again.' };
    case 'document-has-allocations':
      return { message: 'Xero will not change an invoice or bill that has a payment or credit note allocated to it. Remove the allocation in Xero, let the change sync, then allocate it again.' };
    case 'invalid-status-for-modification':
      return { message: "Xero does not let Cin7 Core change the invoice in its current Xero status (for example paid, voided or deleted there). Check the invoice in Xero: remove its payment if the change is needed, or leave it if it was voided or deleted on purpose." };
    case 'inventory-account-type': {
      const only = facts.inventoryCodes.length === 1 ? facts.inventoryCodes[0] : undefined;
      const which = facts.inventoryCodes.length > 0 ? ` In the snapshot, ${facts.inventoryCodes.join(', ')} ${facts.inventoryCodes.length === 1 ? 'is an INVENTORY-type account' : 'are INVENTORY-type accounts'}.` : '';
      return {
        message: `Xero does not let this transaction post to an account of type Inventory; Cin7 Core needs its stock accounts to be ordinary Current Asset accounts.${which} Map Inventory Control (and any product's inventory account) to a Current Asset account in Cin7 Core, or change the account's type in Xero, then sync again.`,
        fix: xeroChartLink(facts.shortCode, only),
      };
    }
  }
}
