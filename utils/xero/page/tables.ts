// Tables by their column headers ("Code", "Name", "Type"): Xero's lists are tables whose header text is stable
// while their markup and class names are not. A row is read as a map from header to cell.
import { CELL, HEADER_CELL, ROW, TABLE } from './selectors';
import { cleanText, normalise, visibleText } from './dom-text';

/** A row's cells by normalised header text ("code", "name", "tax rate"). */
export interface RowCells {
  get(header: string): HTMLElement | undefined;
}

export interface TableRow {
  row: HTMLElement;
  cells: RowCells;
}

/**
 * Cells looked up through the table's one header → column map: a 5,000-row chart is scanned every few seconds, and a
 * Map per row made most of that scan's garbage.
 */
class ColumnCells implements RowCells {
  constructor(
    private readonly rowCells: ArrayLike<HTMLElement>,
    private readonly columns: ReadonlyMap<string, number>,
  ) {}

  get(header: string): HTMLElement | undefined {
    const index = this.columns.get(header);
    return index === undefined ? undefined : this.rowCells[index];
  }
}

export interface ReadTable {
  table: HTMLElement;
  headers: string[];
  rows: TableRow[];
}

/** The row's own cells (nested tables' cells belong to their own rows). */
export function cellsOf(row: Element): HTMLElement[] {
  return [...row.querySelectorAll<HTMLElement>(CELL)].filter((cell) => cell.closest(ROW) === row);
}

/** The table's header row, or null. */
export function headerRow(table: HTMLElement): HTMLElement | null {
  // A real table's <thead>: its rows are at hand, where a query below would visit every cell of a long body.
  // (Some test DOMs lack the list: then the query.)
  const headRows = table instanceof HTMLTableElement ? (table.tHead?.rows as HTMLCollectionOf<HTMLTableRowElement> | undefined) : undefined;
  for (let index = 0; index < (headRows?.length ?? 0); index++) {
    const row = headRows![index]!;
    if ([...row.cells].some((cell) => cell.tagName === 'TH')) return row;
  }
  const header = [...table.querySelectorAll<HTMLElement>(HEADER_CELL)].find((cell) => cell.closest(TABLE) === table);
  if (header) return header.closest<HTMLElement>(ROW);
  // Tables without a <thead>: the first row made of <th> cells.
  const first = [...table.querySelectorAll<HTMLElement>(ROW)].find((row) => row.closest(TABLE) === table);
  return first && cellsOf(first).length > 0 && cellsOf(first).every((cell) => cell.tagName === 'TH') ? first : null;
}

/** A table's columns by header, read once for its rows. */
export interface TableColumns {
  table: HTMLElement;
  head: HTMLElement;
  headers: string[];
  columns: ReadonlyMap<string, number>;
  firstColumn: number;
}

/** The table's columns when its headers include all of `required` (normalised, e.g. ['code', 'name']), else null. */
export function tableColumns(table: HTMLElement, required: readonly string[]): TableColumns | null {
  const head = headerRow(table);
  if (!head) return null;
  const headers = cellsOf(head).map((cell) => normalise(visibleText(cell)));
  if (!required.every((name) => headers.includes(name))) return null;
  // The first column of each header name wins, as before.
  const columns = new Map<string, number>();
  headers.forEach((name, index) => {
    if (name && !columns.has(name)) columns.set(name, index);
  });
  return { table, head, headers, columns, firstColumn: Math.min(...columns.values()) };
}

/** `row` of the table as a TableRow, or null when it is the header or not a row of the list. */
export function tableRow(info: TableColumns, row: HTMLElement): TableRow | null {
  if (row === info.head || row.closest('thead')) return null;
  const rowCells = row instanceof HTMLTableRowElement ? row.cells : cellsOf(row);
  // A row without a cell under any named header (a spacer, a group heading) is not a row of the list.
  return rowCells.length > info.firstColumn ? { row, cells: new ColumnCells(rowCells, info.columns) } : null;
}

/**
 * Every table on the page whose headers include all of `required` (normalised, e.g. ['code', 'name']), with its
 * body rows. Header-less layouts return nothing: callers fall back to other structures.
 */
export function readTables(root: ParentNode, required: readonly string[]): ReadTable[] {
  const found: ReadTable[] = [];
  for (const table of root.querySelectorAll<HTMLElement>(TABLE)) {
    const info = tableColumns(table, required);
    if (!info) continue;
    const rows: TableRow[] = [];
    const addRow = (row: HTMLElement, rowCells: ArrayLike<HTMLElement>) => {
      if (rowCells.length > info.firstColumn) rows.push({ row, cells: new ColumnCells(rowCells, info.columns) });
    };
    if (table instanceof HTMLTableElement) {
      // Real tables (long charts have thousands of rows): the DOM's own row and cell lists, no selector matching.
      for (const row of table.rows) {
        if (row === info.head || row.parentElement?.tagName === 'THEAD') continue;
        addRow(row, row.cells);
      }
    } else {
      for (const row of table.querySelectorAll<HTMLElement>(ROW)) {
        if (row === info.head || row.closest(TABLE) !== table || row.closest('thead')) continue;
        addRow(row, cellsOf(row));
      }
    }
    found.push({ table, headers: info.headers, rows });
  }
  return found;
}

/** The text of the cell under `header`, or ''. */
export function cellText(row: TableRow, header: string): string {
  const cell = row.cells.get(header);
  if (!cell) return '';
  // Plain-text cells (codes, types) need no walk over their nodes.
  return cell.childElementCount === 0 ? cleanText(cell.textContent) : visibleText(cell);
}
