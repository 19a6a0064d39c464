// A sale's or purchase's lines: the account each will post to and which level decided (line → product → header →
// customer/supplier → default mapping), plus the document's findings (lock dates, invalid overrides). The same
// facts are annotated on the page's own line rows (features/document-lines.tsx); this table is their accessible
// summary, and says how many lines the page annotation covers and why any could not be placed.
import { FindingList } from '../../../components/panel/FindingList';
import type { DocumentResult } from '../../../utils/protocol/shapes';

const LEVEL_LABEL: Record<string, (kind: 'sale' | 'purchase') => string> = {
  line: () => 'order line',
  product: () => 'product',
  header: (kind) => `${kind} header`,
  contact: (kind) => (kind === 'sale' ? 'customer' : 'supplier'),
  default: () => 'default mapping',
};

export function levelLabel(level: string | null | undefined, kind: 'sale' | 'purchase'): string {
  if (!level) return 'nothing set';
  return LEVEL_LABEL[level]?.(kind) ?? level;
}

/** What a posting is for, in the words of the mapping page. */
export const POSTING_LABEL: Record<string, string> = {
  defaultRevenue: 'Revenue',
  cogs: 'COGS',
  inventoryControl: 'Inventory',
  serviceExpense: 'Expense',
  accountsReceivable: 'Receivable',
  accountsPayable: 'Payable',
};

type Posting = DocumentResult['lines'][number]['postings'][number];

export function accountText(posting: Posting): string {
  if (posting.account) return `${posting.account.code}: ${posting.account.name}${posting.account.status && posting.account.status !== 'ACTIVE' ? ` (${posting.account.status.toLowerCase()})` : ''}`;
  return posting.code ? `${posting.code} (not in Xero)` : 'no account';
}

/** How far the inline annotation of the page's lines grids got. */
export interface InlineSummary {
  /** Lines grids found on the page. */
  grids: number;
  /** Document lines that carry a badge on their row. */
  matched: number;
  lines: number;
  /** Why some lines or rows carry no badge. */
  notes: string[];
}

export type DocumentSectionState =
  | { kind: 'loading' }
  | { kind: 'no-id' }
  | { kind: 'failed'; message: string }
  | { kind: 'loaded'; document: DocumentResult; inline?: InlineSummary };

const MAX_NOTES = 4;

function InlineNote({ inline }: { inline: InlineSummary | undefined }) {
  if (!inline) return null;
  if (inline.grids === 0) {
    return <p className="mg-muted" data-inline="none">The page shows no lines grid yet: open the invoice or credit note to see each line annotated in place.</p>;
  }
  const all = inline.matched === inline.lines;
  return (
    <>
      <p className="mg-muted" data-inline={all ? 'all' : 'some'}>
        {all
          ? `Each line is also annotated on its row in the page’s lines grid (${inline.lines} ${inline.lines === 1 ? 'line' : 'lines'}).`
          : `${inline.matched} of ${inline.lines} lines are annotated on their rows in the page’s lines grid; the table below lists them all.`}
      </p>
      {inline.notes.length > 0 ? (
        <ul className="mg-muted">
          {inline.notes.slice(0, MAX_NOTES).map((note, index) => (
            <li key={index}>{note}</li>
          ))}
          {inline.notes.length > MAX_NOTES ? <li>…and {inline.notes.length - MAX_NOTES} more.</li> : null}
        </ul>
      ) : null}
    </>
  );
}

export function DocumentSection({ state }: { state: DocumentSectionState }) {
  switch (state.kind) {
    case 'loading':
      return <p className="mg-muted">Checking this document…</p>;
    case 'no-id':
      return <p className="mg-muted">Save the document to see where its lines will post.</p>;
    case 'failed':
      return <p className="mg-error-text">Could not check this document: {state.message}</p>;
    case 'loaded':
      break;
  }
  const { document } = state;
  if (!document.found) {
    return <p className="mg-muted">{document.reason ?? 'This document is not in the fetched data yet. Refresh to check it.'}</p>;
  }
  return (
    <>
      {document.label ? <p className="mg-pair">{document.label}</p> : null}
      {document.reason ? <p className="mg-muted">{document.reason}</p> : null}
      {document.xeroLockDate ? (
        <p className="mg-muted">
          Xero is locked up to {document.xeroLockDate.day} ({document.xeroLockDate.which === 'period' ? 'period lock date' : 'end of year lock date'}).
        </p>
      ) : null}
      {document.lines.length > 0 ? <InlineNote inline={state.inline} /> : null}
      {document.lines.length > 0 ? (
        <table className="mg-table">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Posts to</th>
              <th scope="col">Decided by</th>
            </tr>
          </thead>
          <tbody>
            {document.lines.flatMap((line) =>
              line.postings.map((posting, index) => (
                <tr key={`${line.where}-${line.charge ? 'charge' : 'line'}-${line.index}-${posting.role}`} data-level={posting.level ?? 'none'}>
                  <td>{index === 0 ? line.sku || line.where : ''}</td>
                  <td>
                    {POSTING_LABEL[posting.role] ?? posting.role}: {accountText(posting)}
                  </td>
                  <td>{levelLabel(posting.level, document.kind)}</td>
                </tr>
              )),
            )}
            {document.contactPosting ? (
              <tr data-level={document.contactPosting.level ?? 'none'}>
                <td>{document.kind === 'sale' ? 'Customer' : 'Supplier'}</td>
                <td>
                  {POSTING_LABEL[document.contactPosting.role] ?? document.contactPosting.role}: {accountText(document.contactPosting)}
                </td>
                <td>{levelLabel(document.contactPosting.level, document.kind)}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      ) : (
        <p className="mg-muted">No lines to post yet.</p>
      )}
      <FindingList findings={document.findings} currentApp="cin7" emptyText="No problems with this document’s accounts or dates." />
    </>
  );
}
