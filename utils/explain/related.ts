// The audit findings that predict a sync error: the set-up that makes it happen, so the user fixes the cause (the
// mapping role, product, contact, tax rule or lock date), not one failed row.
import type { Finding, FindingCode } from '../audit/types';
import { accountKey } from '../audit/account-text';
import type { CauseId, ExplainSubject } from './causes';
import type { SnapshotFacts } from './advice';

/** Findings that say an account is missing or archived where something posts to it. */
const ACCOUNT_GONE: readonly FindingCode[] = ['ACCOUNT_ARCHIVED', 'ACCOUNT_NOT_FOUND', 'OVERRIDE_ACCOUNT_INVALID', 'TAX_RULE_ACCOUNT_INVALID'];
/** Findings that say an account is of a kind its use does not allow. */
const ACCOUNT_WRONG_KIND: readonly FindingCode[] = ['ACCOUNT_TYPE_MISMATCH', 'OVERRIDE_ACCOUNT_TYPE', 'SYSTEM_ACCOUNT_MAPPED', 'TAX_RULE_ACCOUNT_INVALID'];

/** How findings say an account is gone (utils/audit/overrides.ts, tax-rule and role rules). */
const GONE_WORDS = /\b(?:archived|deleted|not in Xero(?:'s chart of accounts)?)\b/i;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether a finding is about account `code`: its subject, or the code as a word of its message ("mapped to 810 …"). */
function namesAccount(finding: Finding, code: string): boolean {
  if (finding.subject.kind === 'account' && accountKey(finding.subject.key) === accountKey(code)) return true;
  return new RegExp(`(?<![\\w.-])${escape(code.trim())}(?![\\w-]|\\.\\w)`, 'i').test(finding.message);
}

function about<F extends Finding>(findings: readonly F[], codes: readonly FindingCode[], accountCodes: readonly string[]): F[] {
  return findings.filter((finding) => codes.includes(finding.code) && accountCodes.some((code) => namesAccount(finding, code)));
}

export function relatedFindings<F extends Finding>(cause: CauseId, subject: ExplainSubject, findings: readonly F[], facts: SnapshotFacts): F[] {
  const code = subject.account;
  switch (cause) {
    case 'account-archived': {
      if (!code) return [];
      const account = facts.account(code);
      // Active again in the snapshot: nothing in the set-up predicts this error any more.
      if (account && account.Status !== 'ARCHIVED' && account.Status !== 'DELETED') return [];
      const gone = about(findings, ACCOUNT_GONE, [code]);
      // Without the chart (the panel and popup hold findings only), a finding counts when it says the account is gone:
      // a tax rule on an active account of the wrong kind does not predict "archived".
      return facts.hasChart ? gone : gone.filter((finding) => finding.code === 'ACCOUNT_ARCHIVED' || finding.code === 'ACCOUNT_NOT_FOUND' || GONE_WORDS.test(finding.message));
    }
    case 'account-invalid-for-document':
      return code ? about(findings, [...new Set([...ACCOUNT_GONE, ...ACCOUNT_WRONG_KIND])], [code]) : [];
    case 'tax-type-not-allowed':
      return code ? about(findings, ACCOUNT_WRONG_KIND, [code]) : [];
    case 'inventory-account-type':
      return about(findings, ['ACCOUNT_TYPE_MISMATCH', 'OVERRIDE_ACCOUNT_TYPE'], facts.inventoryCodes);
    case 'period-locked':
      return findings.filter((finding) => finding.code === 'DOCUMENT_IN_LOCKED_PERIOD' || finding.code === 'LOCK_DATE_MISALIGNED');
    case 'currency-not-enabled': {
      const currency = subject.currency;
      if (!currency) return findings.filter((finding) => finding.code === 'CURRENCY_NOT_ENABLED');
      return findings.filter(
        (finding) =>
          (finding.code === 'CURRENCY_NOT_ENABLED' && finding.subject.key.toUpperCase() === currency) ||
          (finding.code === 'BASE_CURRENCY_MISMATCH' && new RegExp(`\\b${currency}\\b`).test(finding.message)),
      );
    }
    default:
      // Payments, allocations, document status and product names: no set-up check predicts them.
      return [];
  }
}
