// Which bank accounts on the page lack a code. Xero's bank accounts page shows no code (fidelity.md), so the codes
// come from the API: the last check's BANK_ACCOUNT_WITHOUT_CODE findings name each such account (subject label: its
// name; key: its AccountID). A row is matched to a finding by the AccountID when the page carries it (its links to
// the account's transactions), else by its name; a name that several rows share, or that no row shows, is reported
// as not matched: never a guess.
import type { StatusFinding } from '../../utils/protocol/shapes';
import type { BankAccountRead } from '../../utils/xero/page/bank-accounts';

export interface BankMatch {
  /** Rows without a code, each with its finding (or null when the page itself shows an empty code). */
  withoutCode: { account: BankAccountRead; finding: StatusFinding | null }[];
  /** Findings no single row could be matched to, with why. */
  unmatched: { finding: StatusFinding; reason: string }[];
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function matchBankAccounts(accounts: readonly BankAccountRead[], findings: readonly StatusFinding[]): BankMatch {
  const withoutCode: BankMatch['withoutCode'] = accounts.filter((account) => account.code === '').map((account) => ({ account, finding: null }));
  const unmatched: BankMatch['unmatched'] = [];
  for (const finding of findings) {
    if (finding.code !== 'BANK_ACCOUNT_WITHOUT_CODE') continue;
    const byId = accounts.filter((account) => account.accountId !== null && account.accountId === finding.subject.key.toLowerCase());
    const candidates = byId.length > 0 ? byId : accounts.filter((account) => sameName(account.name, finding.subject.label));
    const [only] = candidates;
    if (candidates.length === 1 && only) {
      // A page that shows the account's code knows better than the last check (a code given since).
      if (only.code !== null) continue;
      withoutCode.push({ account: only, finding });
    } else {
      unmatched.push({
        finding,
        reason: candidates.length === 0 ? 'no account of that name on this page' : `${candidates.length} accounts on this page have that name; cannot tell which`,
      });
    }
  }
  return { withoutCode, unmatched };
}
