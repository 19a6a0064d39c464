// The chart of accounts: one entry per account row, found by the table's "Code" and "Name" headers.
import { accountKey } from '../../audit/account-text';
import { SELECTED_ROW_BOX } from './selectors';
import { cleanText, visibleText } from './dom-text';
import { cellText, readTables, type TableRow } from './tables';

export interface ChartAccountRow {
  row: HTMLElement;
  code: string;
  /** Read on first use: a long chart is scanned for codes only. */
  readonly name: string;
  /** The type as the page shows it ("Direct Costs"), or '' when the page has no Type column. */
  readonly typeLabel: string;
  readonly archived: boolean;
  /** Where a badge goes: the name cell (next to the name), else the code cell. */
  badgeHost: HTMLElement;
}

const ARCHIVED = /\(archived\)|\barchived\b/i;

function nameOf(row: TableRow): string {
  const cell = row.cells.get('name');
  if (!cell) return '';
  // The name is the cell's link when it has one; a description may follow it.
  const link = cell.querySelector('a');
  return cleanText((link ? visibleText(link) : visibleText(cell)).replace(/\(archived\)/i, ''));
}

function accountRow(row: TableRow, code: string, badgeHost: HTMLElement): ChartAccountRow {
  return {
    row: row.row,
    code,
    badgeHost,
    get name() {
      return nameOf(row);
    },
    get typeLabel() {
      return cellText(row, 'type');
    },
    get archived() {
      return ARCHIVED.test(cellText(row, 'name')) || ARCHIVED.test(cellText(row, 'status'));
    },
  };
}

/** The chart's account rows; with `keep`, only those whose code it accepts (a long chart scanned for a few codes). */
export function readChart(root: ParentNode, keep?: (code: string) => boolean): ChartAccountRow[] {
  const accounts: ChartAccountRow[] = [];
  for (const table of readTables(root, ['code', 'name'])) {
    for (const row of table.rows) {
      const code = cellText(row, 'code');
      if (!code || (keep && !keep(code))) continue;
      const badgeHost = row.cells.get('name') ?? row.cells.get('code');
      if (!badgeHost) continue;
      accounts.push(accountRow(row, code, badgeHost));
    }
  }
  return accounts;
}

/** The accounts whose row-selection box is ticked (what a bulk Archive or Delete acts on). */
export function selectedAccounts(accounts: readonly ChartAccountRow[]): ChartAccountRow[] {
  return accounts.filter((account) => account.row.querySelector(SELECTED_ROW_BOX) !== null);
}

/** The row of the account with `code` (codes compare as the engine does: trimmed, case-insensitive). */
export function findChartRow(code: string, root: ParentNode): ChartAccountRow | null {
  const wanted = accountKey(code);
  return readChart(root).find((account) => accountKey(account.code) === wanted) ?? null;
}
