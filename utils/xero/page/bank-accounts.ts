// Bank accounts: each account is a block with its name as a heading and "Code 090" in its text (classic page), or
// a row of a table with "Name" and "Code" headers (variant). An empty code or "(none)" means no code.
import { HEADING } from './selectors';
import { cleanText, visibleText } from './dom-text';
import { cellText, readTables } from './tables';

export interface BankAccountRead {
  element: HTMLElement;
  name: string;
  /** '' when the account has no code. */
  code: string;
  badgeHost: HTMLElement;
}

const NO_CODE = /^(?:\(none\)|none|-+|—)?$/i;

function normaliseCode(text: string): string {
  const code = cleanText(text);
  return NO_CODE.test(code) ? '' : code;
}

export function readBankAccounts(root: ParentNode): BankAccountRead[] {
  const tables = readTables(root, ['name', 'code']);
  if (tables.length > 0) {
    return tables.flatMap((table) =>
      table.rows.map((row) => ({
        element: row.row,
        name: cellText(row, 'name'),
        code: normaliseCode(cellText(row, 'code')),
        badgeHost: row.cells.get('name')!,
      })),
    );
  }
  const accounts: BankAccountRead[] = [];
  for (const heading of root.querySelectorAll<HTMLElement>(HEADING)) {
    if (heading.closest('header, nav, [role="dialog"], [data-mg-own]')) continue;
    const block = heading.closest<HTMLElement>('section, article, li, [role="listitem"]') ?? heading.parentElement;
    if (!block) continue;
    const match = /\bCode\s*:?\s*(\(none\)|[^\s·|,]*)/i.exec(visibleText(block));
    if (!match) continue;
    accounts.push({ element: block, name: visibleText(heading), code: normaliseCode(match[1] ?? ''), badgeHost: heading });
  }
  return accounts;
}
