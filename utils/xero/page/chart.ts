// The chart of accounts: one entry per account row, found by the table's "Code" and "Name" headers. Xero's classic
// chart (`table#chartOfAccounts`, goXero's 2026 capture, fidelity.md) has a tick box column, then Code, Name (the name
// and the account's description on a second line), Type, Tax Rate and YTD; a locked account shows a padlock instead
// of a box; a "select all" box sits in the header. Archived accounts leave this list: they show only under the
// Archive tab, where every row is archived (the caller says so: `archivedList`).
import { accountKey } from '../../audit/account-text';
import { NOT_CONTENT_TEXT, ROW, ROW_BOX, TABLE } from './selectors';
import { cleanText, visibleText } from './dom-text';
import { cellText, headerRow, readTables, tableColumns, tableRow, type TableColumns, type TableRow } from './tables';

export interface ChartAccountRow {
  row: HTMLElement;
  /** The table the row belongs to (its header holds the "select all" box). */
  table: HTMLElement;
  code: string;
  /** Read on first use: a long chart is scanned for codes only. */
  readonly name: string;
  /** The type as the page shows it ("Direct Costs"), or '' when the page has no Type column. */
  readonly typeLabel: string;
  readonly archived: boolean;
  /** The row's tick box, or null (a locked account: a padlock, nothing to tick). */
  readonly box: Element | null;
  /** Where a badge goes: the name cell (next to the name), else the code cell. */
  badgeHost: HTMLElement;
}

export interface ReadChartOptions {
  /** The page lists archived accounts only (the Archive tab). */
  archivedList?: boolean;
}

const ARCHIVED = /\(archived\)|\barchived\b/i;

/** The first line of a cell holding "name, then description": text up to a `<br>` or to a second element. */
function firstLine(cell: HTMLElement): string {
  const parts: string[] = [];
  for (const node of cell.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      parts.push(node.nodeValue ?? '');
      continue;
    }
    if (!(node instanceof Element) || node.matches(NOT_CONTENT_TEXT)) continue;
    if (node.tagName === 'BR' || cleanText(parts.join(' '))) break;
    parts.push(visibleText(node));
  }
  return cleanText(parts.join(' '));
}

function nameOf(row: TableRow): string {
  const cell = row.cells.get('name');
  if (!cell) return '';
  // The name is the cell's link when it has one (it opens the edit popup); the description line is not part of it.
  const link = cell.querySelector('a');
  return cleanText((link ? visibleText(link) : firstLine(cell)).replace(/\(archived\)/i, ''));
}

function accountRow(row: TableRow, table: HTMLElement, code: string, badgeHost: HTMLElement, archivedList: boolean): ChartAccountRow {
  return {
    row: row.row,
    table,
    code,
    badgeHost,
    get name() {
      return nameOf(row);
    },
    get typeLabel() {
      return cellText(row, 'type');
    },
    get archived() {
      return archivedList || ARCHIVED.test(cellText(row, 'name')) || ARCHIVED.test(cellText(row, 'status'));
    },
    get box() {
      return row.row.querySelector(ROW_BOX);
    },
  };
}

const CHART_HEADERS = ['code', 'name'];

function accountOf(row: TableRow, table: HTMLElement, keep: ((code: string) => boolean) | undefined, archivedList: boolean): ChartAccountRow | null {
  const code = cellText(row, 'code');
  if (!code || (keep && !keep(code))) return null;
  const badgeHost = row.cells.get('name') ?? row.cells.get('code');
  return badgeHost ? accountRow(row, table, code, badgeHost, archivedList) : null;
}

/** The chart's account rows; with `keep`, only those whose code it accepts (a long chart scanned for a few codes). */
export function readChart(root: ParentNode, keep?: (code: string) => boolean, options: ReadChartOptions = {}): ChartAccountRow[] {
  const accounts: ChartAccountRow[] = [];
  for (const table of readTables(root, CHART_HEADERS)) {
    for (const row of table.rows) {
      const account = accountOf(row, table.table, keep, options.archivedList ?? false);
      if (account) accounts.push(account);
    }
  }
  return accounts;
}

/** The account rows among `rows` (rows a page change touched), read as readChart reads them; others are left out. */
export function readChartRows(rows: Iterable<Element>, keep?: (code: string) => boolean, options: ReadChartOptions = {}): ChartAccountRow[] {
  const tables = new Map<Element, TableColumns | null>();
  const accounts: ChartAccountRow[] = [];
  for (const row of rows) {
    const table = row.parentElement?.closest<HTMLElement>(TABLE);
    if (!table || !(row instanceof HTMLElement)) continue;
    if (!tables.has(table)) tables.set(table, tableColumns(table, CHART_HEADERS));
    const info = tables.get(table);
    const read = info ? tableRow(info, row) : null;
    const account = read && accountOf(read, table, keep, options.archivedList ?? false);
    if (account) accounts.push(account);
  }
  return accounts;
}

/** The chart's tables (a full read's: it queries the page). */
export function chartTables(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(TABLE)].filter((table) => tableColumns(table, CHART_HEADERS) !== null);
}

/**
 * What page changes did to the chart: the rows they touched, or `all` when rows or tables came or went (then only a
 * full read will do). Xero re-renders a few rows at a time; reading those spares a scan of thousands. `tables` are
 * the chart's tables as the last full read found them.
 */
export interface ChartChanges {
  all: boolean;
  rows: Set<Element>;
  tables: readonly Element[];
}

const holdsTable = (node: Node) => node instanceof Element && (node.matches(TABLE) || (node.firstElementChild !== null && node.querySelector(TABLE) !== null));

/**
 * Adds what `records` (childList and characterData changes) did to `changes`. Cheap per record: a change inside a
 * known table is its row's (or, at the table's own level, rows coming or going, but for those `ignore` leaves out:
 * our own nodes); elsewhere only an added table matters.
 */
export function collectChartChanges(records: readonly MutationRecord[], changes: ChartChanges, ignore: (record: MutationRecord) => boolean): void {
  for (const record of records) {
    if (changes.all) return;
    const target = record.target instanceof Element ? record.target : record.target.parentElement;
    if (!target) continue;
    const table = changes.tables.find((known) => known.contains(target));
    if (table) {
      const row = target.closest(ROW);
      if (row && table.contains(row)) changes.rows.add(row);
      else if (record.type === 'childList' && !ignore(record)) changes.all = true;
    } else if (record.type === 'childList' && [...record.addedNodes].some(holdsTable)) {
      changes.all = true;
    }
  }
  if (changes.tables.some((known) => !known.isConnected)) changes.all = true;
}

const isTicked = (box: Element) => (box instanceof HTMLInputElement ? box.checked : box.getAttribute('aria-checked') === 'true');

/** Whether the table's "select all" box (in its header row) is ticked. */
function allTicked(table: HTMLElement): boolean {
  const box = headerRow(table)?.querySelector(ROW_BOX);
  return box ? isTicked(box) : false;
}

/**
 * The accounts a bulk Archive or Delete acts on: rows whose box is ticked, or every row with a box when the
 * table's "select all" is ticked. A locked row (no box) is never among them.
 */
export function selectedAccounts(accounts: readonly ChartAccountRow[]): ChartAccountRow[] {
  const all = new Map<HTMLElement, boolean>();
  return accounts.filter((account) => {
    const box = account.box;
    if (!box) return false;
    if (isTicked(box)) return true;
    if (!all.has(account.table)) all.set(account.table, allTicked(account.table));
    return all.get(account.table) === true;
  });
}

/** The row of the account with `code` (codes compare as the engine does: trimmed, case-insensitive). */
export function findChartRow(code: string, root: ParentNode): ChartAccountRow | null {
  const wanted = accountKey(code);
  return readChart(root).find((account) => accountKey(account.code) === wanted) ?? null;
}
