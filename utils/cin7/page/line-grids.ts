// Reads the lines grids of a Cin7 Core sale or purchase page by structure and text: a grid is any row container
// whose column headers name a product (or a description and an account, for additional charges), named by its
// caption/legend/label or the heading before it ("Invoice INV-0012 (…)"). Each body row is read as product, name
// and a badge anchor. No layout reads, no writes. Never throws on odd markup. Matching rows to the fetched
// document's lines is in document-lines.ts.
import { COLUMN_HEADER, LINE_COLUMN_TEXT, LINE_GRID_CAPTION, LINE_GRID_HEADING, ROW, ROW_CONTAINER } from './selectors';
import { cellValue, cellsOf, cleanText, labelText } from './dom-text';

export interface LineColumns {
  product: number | null;
  sku: number | null;
  name: number | null;
  account: number | null;
}

export interface LineRowRead {
  row: HTMLElement;
  /** Text of the product and SKU columns ('' when the grid has neither or they are empty). */
  product: string;
  /** Text of the name/description column. */
  name: string;
  /** Where a badge goes: the account cell, else the product cell, else the last cell. */
  anchor: HTMLElement;
}

export interface LineGridRead {
  container: HTMLElement;
  /** What the page calls the grid ("Invoice INV-0012 (2025-01-31)"), '' when nothing names it. */
  title: string;
  columns: LineColumns;
  /** Additional charges only (a description and an account, no product column). */
  chargesOnly: boolean;
  rows: LineRowRead[];
}

/** Every lines grid on the page, in document order. */
export function readLineGrids(root: ParentNode = document): LineGridRead[] {
  const grids: LineGridRead[] = [];
  for (const container of root.querySelectorAll<HTMLElement>(ROW_CONTAINER)) {
    // A table nested in a grid's row (Ext JS cell editors, layouts) is not a grid of its own.
    if (container.parentElement?.closest(ROW_CONTAINER) && !container.matches('[role="grid"], [role="treegrid"], [role="table"]')) continue;
    const headers = headerTexts(container);
    const columns: LineColumns = {
      product: indexOf(headers, LINE_COLUMN_TEXT.product),
      sku: indexOf(headers, LINE_COLUMN_TEXT.sku),
      name: indexOf(headers, LINE_COLUMN_TEXT.name),
      account: indexOf(headers, LINE_COLUMN_TEXT.account),
    };
    const hasProduct = columns.product !== null || columns.sku !== null;
    const chargesOnly = !hasProduct && columns.name !== null && columns.account !== null;
    if (!hasProduct && !chargesOnly) continue;
    grids.push({ container, title: gridTitle(container), columns, chargesOnly, rows: bodyRows(container, columns) });
  }
  return grids;
}

function headerTexts(container: Element): string[] {
  const headers = [...container.querySelectorAll(COLUMN_HEADER)].filter((header) => header.closest(ROW_CONTAINER) === container);
  if (headers.length > 0) return headers.map((header) => labelText(header));
  // A plain table without <thead>: its first row, when that row is all <th>.
  const first = [...container.querySelectorAll(ROW)].find((row) => row.closest(ROW_CONTAINER) === container);
  const cells = first ? cellsOf(first) : [];
  return cells.length > 0 && cells.every((cell) => cell.matches('th')) ? cells.map((cell) => labelText(cell)) : [];
}

function indexOf(headers: string[], pattern: RegExp): number | null {
  const index = headers.findIndex((text) => pattern.test(text));
  return index >= 0 ? index : null;
}

function isHeaderRow(row: Element): boolean {
  if (row.closest('thead')) return true;
  const cells = cellsOf(row);
  return cells.length === 0 || cells.every((cell) => cell.matches('th:not([scope="row"]), [role="columnheader"]'));
}

function bodyRows(container: HTMLElement, columns: LineColumns): LineRowRead[] {
  const rows: LineRowRead[] = [];
  for (const row of container.querySelectorAll<HTMLElement>(ROW)) {
    if (row.closest(ROW_CONTAINER) !== container || row.closest('tfoot') || isHeaderRow(row)) continue;
    const cells = cellsOf(row);
    const at = (index: number | null) => (index !== null ? cells[index] : undefined);
    const productCell = at(columns.product);
    const skuCell = at(columns.sku);
    const nameCell = at(columns.name);
    const product = cleanText([skuCell, productCell].map((cell) => (cell ? cellValue(cell) : '')).join(' '));
    const name = nameCell ? cellValue(nameCell) : '';
    // Summary rows ("Total", empty filler rows Ext JS keeps for spacing) have neither product nor name.
    if (!product && !name) continue;
    const anchor = (at(columns.account) ?? productCell ?? skuCell ?? cells[cells.length - 1]) as HTMLElement | undefined;
    if (!anchor) continue;
    rows.push({ row, product, name, anchor });
  }
  return rows;
}

/** The grid's name: its ARIA label, caption, fieldset legend, or the heading just before it. */
function gridTitle(container: HTMLElement): string {
  const label = cleanText(container.getAttribute('aria-label'));
  if (label) return label;
  const labelledBy = container.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = labelledBy
      .split(/\s+/)
      .map((id) => container.ownerDocument.getElementById(id))
      .filter((element): element is HTMLElement => element !== null)
      .map((element) => labelText(element))
      .join(' ');
    if (text) return cleanText(text);
  }
  const caption = [...container.children].find((child) => child.matches(LINE_GRID_CAPTION));
  if (caption) return labelText(caption);
  const fieldset = container.closest('fieldset');
  const legend = fieldset ? [...fieldset.children].find((child) => child.matches(LINE_GRID_CAPTION)) : undefined;
  if (legend) return labelText(legend);
  // The nearest heading among the earlier siblings of the grid or of its parent.
  for (let node: Element | null = container, depth = 0; node && depth < 2; node = node.parentElement, depth++) {
    for (let sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
      if (sibling.matches(LINE_GRID_HEADING)) return labelText(sibling);
      if (sibling.matches(ROW_CONTAINER)) break;
    }
  }
  return '';
}
