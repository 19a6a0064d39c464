// Recognising the Cin7 Core pages that have no published URL (Account Mapping, Chart of Accounts, General Settings)
// by what they show, on any URL, including hub pages whose tab changes in place. Two steps, so that other pages pay
// almost nothing: a cheap text check (sourced labels in the page's text) and, only when it passes, the full read.
import { parseAccountText } from '../../audit/account-text';
import { ROLES } from '../../audit/roles';
import type { Cin7PageKind } from '../../schemas/finding';
import { readAccountMapping } from './account-mapping';
import { cellValue, cellsOf, controlValue, labelText } from './dom-text';
import { CHART_COLUMN_TEXT, COLUMN_HEADER, FIELD_LABEL, LOCK_DATE_LABEL, PAGE_SIGN_TEXT, ROW, ROW_CONTAINER, SYNC_ERROR_SIGN_TEXT, VALUE_CONTROL } from './selectors';

export type { Cin7PageKind };

/**
 * Role names of several words, lower case, per role: the labels the mapping page shows in its rows ("Inventory
 * Control", "Cost of Goods Sold", "Sales Revenue"). One-word synonyms ("Sales", "GST") are left out: too common.
 */
const ROLE_PHRASES: ReadonlyArray<readonly string[]> = ROLES.map((role) =>
  [role.label, ...role.synonyms].map((phrase) => phrase.toLowerCase()).filter((phrase) => phrase.includes(' ')),
);

/** How strongly lower-case `text` suggests the page: distinct roles named (mapping) or sourced labels present. */
export function signScore(page: Cin7PageKind, text: string): number {
  if (page === 'accountMapping') return ROLE_PHRASES.filter((phrases) => phrases.some((phrase) => text.includes(phrase))).length;
  return PAGE_SIGN_TEXT[page].filter((phrase) => text.includes(phrase)).length;
}

/** The score at which the full read is worth running (the mapping reader itself wants two role rows). */
export const SIGN_THRESHOLD: Readonly<Record<Cin7PageKind, number>> = { accountMapping: 2, chartOfAccounts: 1, generalSettings: 1 };

export function mightShow(page: Cin7PageKind, text: string): boolean {
  return signScore(page, text) >= SIGN_THRESHOLD[page];
}

const SYNC_ERROR_SIGNS = SYNC_ERROR_SIGN_TEXT.map((phrase) => phrase.replace(/\s+/g, ''));

/** Whether lower-case `text` may hold a known sync-error message: the cheap check before any walk of the page. */
export function mightShowSyncErrors(text: string): boolean {
  const compact = text.replace(/\s+/g, '');
  return SYNC_ERROR_SIGNS.some((phrase) => compact.includes(phrase));
}

// ---- Full reads ---------------------------------------------------------------------------------------------

export interface ChartRowRead {
  code: string;
  row: HTMLElement;
}

/** Fewer coded rows than this and a code/name grid is not taken for the chart. */
const MIN_CHART_ROWS = 2;

/** The chart of accounts: the grid or table whose headers name a code and a name column, with coded rows. */
export function readChartOfAccounts(root: ParentNode = document): { ok: true; rows: ChartRowRead[] } | { ok: false } {
  for (const container of root.querySelectorAll(ROW_CONTAINER)) {
    const headers = [...container.querySelectorAll(COLUMN_HEADER)].map((header) => labelText(header));
    const codeColumn = headers.findIndex((text) => CHART_COLUMN_TEXT.code.test(text));
    if (codeColumn < 0 || !headers.some((text, index) => index !== codeColumn && CHART_COLUMN_TEXT.name.test(text))) continue;
    const rows: ChartRowRead[] = [];
    for (const row of container.querySelectorAll<HTMLElement>(ROW)) {
      if (row.closest(ROW_CONTAINER) !== container || row.closest('thead')) continue;
      // Class headings ("Asset") span the row in one cell: only rows with cells per column are accounts.
      const cells = cellsOf(row);
      const cell = cells.length > 1 ? cells[codeColumn] : undefined;
      const code = cell ? parseAccountText(cellValue(cell)) : null;
      if (code) rows.push({ code, row });
    }
    if (rows.length >= MIN_CHART_ROWS) return { ok: true, rows };
  }
  return { ok: false };
}

export interface LockDateRead {
  /** The date as the page shows it ('' when not set). */
  value: string;
  /** The label's row or container, where a badge goes. */
  field: HTMLElement;
  label: HTMLElement;
}

/** General Settings' "Period lock date" field and its value (an input, a display field or the next cell). */
export function readLockDateField(root: ParentNode = document): LockDateRead | null {
  for (const label of root.querySelectorAll<HTMLElement>(FIELD_LABEL)) {
    if (!LOCK_DATE_LABEL.test(labelText(label))) continue;
    const field = (label.closest(ROW) as HTMLElement | null) ?? label.parentElement ?? label;
    const forId = label instanceof HTMLLabelElement ? label.htmlFor : '';
    const control = (forId ? label.ownerDocument.getElementById(forId) : null) ?? field.querySelector(VALUE_CONTROL);
    let value = control ? controlValue(control) : '';
    if (!control) {
      const cells = cellsOf(field);
      const after = cells.slice(cells.findIndex((cell) => cell.contains(label)) + 1);
      value = after[0] ? cellValue(after[0]) : labelText(field).slice(labelText(label).length).trim();
    }
    return { value, field, label };
  }
  return null;
}

/** The elements that prove the page shows `page` (null when it does not): rows, or the lock-date field. */
export function readPageElements(page: Cin7PageKind, root: ParentNode = document): HTMLElement[] | null {
  if (page === 'accountMapping') {
    const mapping = readAccountMapping(root);
    return mapping.ok ? mapping.rows.filter((row) => row.roleId).map((row) => row.row) : null;
  }
  if (page === 'chartOfAccounts') {
    const chart = readChartOfAccounts(root);
    return chart.ok ? chart.rows.map((row) => row.row) : null;
  }
  const field = readLockDateField(root);
  return field ? [field.field] : null;
}

/** Rendered and not hidden: a hub may keep other tabs' content in the DOM, hidden. */
export function isShown(element: Element): boolean {
  if (!element.isConnected || element.closest('[hidden], [aria-hidden="true"]')) return false;
  // checkVisibility covers display:none ancestors (Chromium 105+); without it the attribute check above stands.
  return typeof element.checkVisibility === 'function' ? element.checkVisibility() : true;
}
