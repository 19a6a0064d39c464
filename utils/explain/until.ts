// "This will keep failing until …": when current findings predict an error (the match's `related`), what has to
// change for the row to go through: the cause in the set-up, named, not the one failed row.
import type { Finding, FindingCode } from '../audit/types';
import type { CauseId, ExplainSubject } from './causes';

/** Up to three names, then how many more. */
function names(labels: readonly string[]): string {
  const unique = [...new Set(labels)];
  const shown = unique.slice(0, 3).join(', ');
  return unique.length > 3 ? `${shown} and ${unique.length - 3} more` : shown;
}

const ROLE_CODES: readonly FindingCode[] = ['ACCOUNT_ARCHIVED', 'ACCOUNT_NOT_FOUND', 'ACCOUNT_TYPE_MISMATCH', 'SYSTEM_ACCOUNT_MAPPED'];

/** "the roles that use it (Sales) are mapped" / "Purchase PO-1 points" — what still uses the account. */
function users(related: readonly Finding[]): string[] {
  const roles = related.filter((finding) => finding.subject.kind === 'role' && ROLE_CODES.includes(finding.code));
  const others = related.filter((finding) => !roles.includes(finding));
  const parts: string[] = [];
  if (roles.length > 0) parts.push(`the ${roles.length === 1 ? 'role that uses' : 'roles that use'} it (${names(roles.map((finding) => finding.subject.label))}) ${roles.length === 1 ? 'is' : 'are'} mapped`);
  if (others.length > 0) parts.push(`${names(others.map((finding) => finding.subject.label))} ${others.length === 1 ? 'points' : 'point'}`);
  return parts;
}

/** Whether the findings say the account was archived (rather than deleted or never in Xero). */
const archived = (related: readonly Finding[]) =>
  related.some((finding) => finding.code === 'ACCOUNT_ARCHIVED' || (finding.code !== 'ACCOUNT_NOT_FOUND' && /\barchived\b/i.test(finding.message)));

/** The sentence, or null when no current finding predicts the error. */
export function keepsFailingUntil(cause: CauseId, subject: ExplainSubject, related: readonly Finding[]): string | null {
  if (related.length === 0) return null;
  const start = 'This will keep failing until';
  const code = subject.account;
  switch (cause) {
    case 'account-archived':
    case 'account-invalid-for-document': {
      if (!code) return null;
      const gone = related.filter((finding) => ['ACCOUNT_ARCHIVED', 'ACCOUNT_NOT_FOUND', 'OVERRIDE_ACCOUNT_INVALID', 'TAX_RULE_ACCOUNT_INVALID'].includes(finding.code));
      const who = users(related).map((part) => `${part} to another account`).join(' and ');
      if (gone.length === 0) return `${start} ${who}.`;
      const back = archived(gone) ? `${code} is unarchived in Xero` : `${code} is added to Xero's chart of accounts again`;
      return `${start} ${back} or ${who}.`;
    }
    case 'tax-type-not-allowed':
    case 'inventory-account-type':
      return `${start} ${users(related).map((part) => `${part} to an account of the right type`).join(' and ')}.`;
    case 'period-locked': {
      const documents = related.filter((finding) => finding.code === 'DOCUMENT_IN_LOCKED_PERIOD');
      if (documents.length === 0) return null;
      return `${start} ${names(documents.map((finding) => finding.subject.label))} ${documents.length === 1 ? 'is' : 'are'} dated after Xero's lock date, or the lock date is moved in Xero.`;
    }
    case 'currency-not-enabled': {
      const currencies = related.filter((finding) => finding.code === 'CURRENCY_NOT_ENABLED').map((finding) => finding.subject.key.toUpperCase());
      const currency = subject.currency ?? (currencies.length === 1 ? currencies[0] : undefined);
      return currency ? `${start} ${currency} is added to Xero's currencies.` : `${start} the document's currency is added to Xero's currencies.`;
    }
    default:
      return null;
  }
}
