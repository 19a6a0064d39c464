// The failed syncs seen on this page (features/sync-errors.tsx): grouped by cause, with the rows per cause and,
// per thing the errors name (an account, a currency, a lock date), what it is and the fix link.
import { FixLink } from '../../../components/ui/FixLink';
import type { FixLink as Fix } from '../../../utils/audit/types';
import type { CauseId, ExplainSubject } from '../../../utils/explain';

/** Each cause in a few words, without its subject. None holds a phrase of the cheap check (sync-errors test). */
export const CAUSE_TITLES: Readonly<Record<CauseId, string>> = {
  'account-invalid-for-document': 'Account not accepted on this document',
  'account-archived': 'Account archived or deleted in Xero',
  'period-locked': 'Dated before a Xero lock date',
  'currency-not-enabled': 'Currency not enabled in Xero',
  'tax-type-not-allowed': 'Tax rate not allowed on the account',
  'invoice-paid-in-xero': 'Invoice has a payment in Xero',
  'invalid-symbols-in-name': 'Unusual symbols in the product name',
  'payment-exceeds-outstanding': 'Payment larger than what is owed',
  'document-has-allocations': 'Document has a payment or credit allocation',
  'invalid-status-for-modification': 'Invoice status in Xero blocks changes',
  'inventory-account-type': 'Posts to an Inventory-type account',
};

/** What the error names, in words ("account 425", "end-of-year lock date 2018-11-30"); '' when nothing. */
export function subjectWords(subject: ExplainSubject): string {
  const parts: string[] = [];
  if (subject.taxType) parts.push(`tax rate ${subject.taxType}`);
  if (subject.account) parts.push(`account ${subject.account}`);
  if (subject.currency) parts.push(subject.currency);
  if (subject.lock) parts.push(`${subject.lock === 'period' ? 'period' : 'end-of-year'} lock date${subject.date ? ` ${subject.date}` : ''}`);
  return parts.join(', ');
}

/** The note's text on the page: the cause, then what it names. */
export function causeInWords(cause: CauseId, subject: ExplainSubject): string {
  const words = subjectWords(subject);
  return words ? `${CAUSE_TITLES[cause]}: ${words}` : CAUSE_TITLES[cause];
}

export interface SyncErrorGroup {
  cause: CauseId;
  /** Rows on the page with this cause. */
  rows: number;
  /** Per thing named, in the order first seen. */
  subjects: { words: string; rows: number; fix?: Fix }[];
}

const rowsText = (count: number) => `${count} ${count === 1 ? 'row' : 'rows'}`;

export function SyncErrorsSection({ groups, rows }: { groups: readonly SyncErrorGroup[]; rows: number }) {
  return (
    <>
      <p className="mg-muted">
        {rowsText(rows)} with a known sync error, each explained beside its message on the page. Fix the cause and the
        rows can sync again.
      </p>
      <ul>
        {groups.map((group) => (
          <li key={group.cause} data-cause={group.cause}>
            <strong>{CAUSE_TITLES[group.cause]}</strong> <span className="mg-muted">({rowsText(group.rows)})</span>
            <ul>
              {group.subjects.map((subject) => (
                <li key={subject.words}>
                  {subject.words || 'Every row'}
                  {group.subjects.length > 1 ? ` (${rowsText(subject.rows)})` : ''}
                  {subject.fix ? (
                    <>
                      {' '}
                      <FixLink fix={subject.fix} currentApp="cin7" className="mg-fix" />
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}
