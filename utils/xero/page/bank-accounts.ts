// Bank accounts. Xero's classic page (`/Bank/BankAccounts.aspx`) shows each account's name, number and balances
// ("Balance in Xero", "Statement Balance", unreconciled items) but NO account code (goXero's 2026 capture,
// `bank-accounts.csv`; Selenium page objects: `div.bank a.bank-name`). So `code` is null unless the page shows one (a
// "Code" column or "Code 090" text, as other shapes do): the overlay gets codes from the API, not from here.
import { BANK_NAME, HEADING, LINK } from './selectors';
import { cleanText, visibleText } from './dom-text';
import { cellText, readTables } from './tables';

export interface BankAccountRead {
  element: HTMLElement;
  name: string;
  /** Xero's AccountID when the page carries it (the row's links to its transactions), else null. */
  accountId: string | null;
  /** The account number as shown, or ''. */
  number: string;
  /** The code the page shows ('' when it shows an empty one), or null when the page shows no code at all. */
  code: string | null;
  badgeHost: HTMLElement;
}

const NO_CODE = /^(?:\(none\)|none|-+|—)?$/i;
/** Words only a bank account block holds (goXero's capture of the classic page; "Code" for other shapes). */
const BANK_WORDS = /\b(?:balance in xero|statement balance|no transactions imported|code)\b/i;
/** An account number: digits in groups joined by dashes or spaces ("090-8007-006543", "12-3456-7890123-00"). */
const NUMBER = /\b\d{2,}(?:[- ]\d{2,})+\b|\b\d{6,}\b/;

/** The AccountID of a bank account's links (`/Bank/BankTransactions.aspx?accountID=…`), or a `data-account-id`. */
function accountIdOf(element: Element): string | null {
  const own = element.getAttribute('data-account-id');
  if (own) return own;
  for (const link of element.querySelectorAll(LINK)) {
    const match = /[?&]accountid=([0-9a-f-]{36})\b/i.exec(link.getAttribute('href') ?? '');
    if (match?.[1]) return match[1].toLowerCase();
  }
  return null;
}

function normaliseCode(text: string): string {
  const code = cleanText(text);
  return NO_CODE.test(code) ? '' : code;
}

function fromTables(root: ParentNode): BankAccountRead[] {
  const tables = readTables(root, ['name']).filter(
    (table) => table.headers.includes('code') || table.headers.some((header) => /\b(?:number|balance)\b/.test(header)),
  );
  return tables.flatMap((table) =>
    table.rows.map((row) => {
      const numberHeader = table.headers.find((header) => /\bnumber\b/.test(header));
      return {
        element: row.row,
        accountId: accountIdOf(row.row),
        name: cellText(row, 'name'),
        number: numberHeader ? cellText(row, numberHeader) : '',
        code: table.headers.includes('code') ? normaliseCode(cellText(row, 'code')) : null,
        badgeHost: row.cells.get('name')!,
      };
    }),
  );
}

const NAME = `${HEADING}, ${BANK_NAME}`;

/** Account names under `scope`: headings and name links, the outermost of nested ones (`<h2><a class="bank-name">`). */
function namesIn(scope: ParentNode): HTMLElement[] {
  return [...scope.querySelectorAll<HTMLElement>(NAME)].filter((name) => !name.parentElement?.closest(NAME));
}

/** The block of one account: the nearest ancestor of its name that holds bank account words and no other name. */
function blockOf(name: HTMLElement): HTMLElement | null {
  let block = name.parentElement;
  for (let depth = 0; block && depth < 4; depth++, block = block.parentElement) {
    if (block.matches('body, main, header, nav')) return null;
    if (BANK_WORDS.test(visibleText(block))) return namesIn(block).length === 1 ? block : null;
  }
  return null;
}

export function readBankAccounts(root: ParentNode): BankAccountRead[] {
  const tables = fromTables(root);
  if (tables.length > 0) return tables;
  const accounts: BankAccountRead[] = [];
  for (const name of namesIn(root)) {
    if (name.closest('header, nav, [role="dialog"], [data-mg-own]')) continue;
    const block = blockOf(name);
    if (!block) continue;
    const text = visibleText(block);
    const code = /\bCode\s*:?\s*(\(none\)|[^\s·|,]*)/i.exec(text);
    accounts.push({
      element: block,
      accountId: accountIdOf(block),
      name: visibleText(name),
      number: NUMBER.exec(text.replace(visibleText(name), ''))?.[0] ?? '',
      code: code ? normaliseCode(code[1] ?? '') : null,
      badgeHost: name,
    });
  }
  return accounts;
}
