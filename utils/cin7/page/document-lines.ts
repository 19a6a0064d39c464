// Reads the lines grids of a Cin7 Core sale or purchase page and matches each row to a line of the document the
// background fetched (`getDocument`). Read by structure and text: a grid is any row container whose column
// headers name a product (or a description and an account, for additional charges); the grid is tied to an
// invoice or credit note by its caption/legend/label ("Invoice INV-0012 (…)"), rows to lines by SKU, then by
// order. No layout reads, no writes: the feature decides what to draw. Never throws on odd markup.
import type { DocumentResult } from '../../protocol/shapes';
import { COLUMN_HEADER, LINE_COLUMN_TEXT, LINE_GRID_CAPTION, LINE_GRID_HEADING, ROW, ROW_CONTAINER } from './selectors';
import { cellValue, cellsOf, cleanText, labelText } from './dom-text';

export type DocumentLine = DocumentResult['lines'][number];

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

export interface LineMatch {
  row: LineRowRead;
  line: DocumentLine;
  grid: LineGridRead;
  /** How the row was tied to the line. */
  by: 'sku' | 'name' | 'order';
}

export interface LineMatchResult {
  matches: LineMatch[];
  /** Rows of a lines grid that no document line fits, with why. */
  unmatchedRows: Array<{ row: LineRowRead; reason: string }>;
  /** Document lines that no row on the page fits, with why. */
  unmatchedLines: Array<{ line: DocumentLine; reason: string }>;
}

// ---- Reading the grids ----------------------------------------------------------------------------------------

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

// ---- Matching rows to the document's lines ------------------------------------------------------------------

const normalise = (text: string) => cleanText(text).toLowerCase();

/** "invoice INV-0012" → "INV-0012": the document number that a grid title may show on its own. */
function numberOf(where: string): string {
  return where.replace(/^(?:invoice|bill|credit note)\s+/i, '').trim();
}

/** Does `text` mention `word` as a whole token (not inside a longer code)? */
function mentions(text: string, word: string): boolean {
  if (!word) return false;
  const haystack = normalise(text);
  const needle = normalise(word);
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return false;
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    if ((before === undefined || !/[a-z0-9]/.test(before)) && (after === undefined || !/[a-z0-9_-]/.test(after))) return true;
    from = at + 1;
  }
}

/** Which group ("invoice INV-0012") each grid holds: by title, else the only untitled grid for the only group left. */
function assignGrids(grids: LineGridRead[], groups: string[]): Map<LineGridRead, string | null> {
  const assigned = new Map<LineGridRead, string | null>();
  const used = new Set<string>();
  for (const grid of grids) {
    const title = normalise(grid.title);
    const group =
      groups.find((where) => title.includes(normalise(where))) ??
      groups.find((where) => numberOf(where) !== '(unnumbered)' && mentions(grid.title, numberOf(where)));
    assigned.set(grid, group ?? null);
    if (group) used.add(group);
  }
  // An additional-charges grid named for nothing belongs with the lines grid just before it.
  let previous: string | null = null;
  for (const grid of grids) {
    const group = assigned.get(grid) ?? null;
    if (group === null && grid.chargesOnly && previous !== null) assigned.set(grid, previous);
    else previous = group;
  }
  const leftGrids = grids.filter((grid) => assigned.get(grid) === null);
  const leftGroups = groups.filter((where) => !used.has(where));
  // The one grid left takes the one group left when nothing contradicts it: it is untitled, or its title names
  // the same kind of document ("Invoice" for "invoice INV-0012"). An "Order lines" grid never takes an invoice.
  const grid = leftGrids[0];
  const group = leftGroups[0];
  if (leftGrids.length === 1 && leftGroups.length === 1 && grid && group && (!grid.title || kindWords(group).test(grid.title))) {
    assigned.set(grid, group);
  }
  return assigned;
}

/** The words a page may use for the kind of a group: Cin7 calls a purchase's bill its "Invoice". */
function kindWords(where: string): RegExp {
  return /^credit/i.test(where) ? /\bcredit\b/i : /\b(?:invoice|bill)\b/i;
}

/** Ties the rows of the page's lines grids to the fetched document's lines. */
export function matchDocumentLines(grids: LineGridRead[], lines: readonly DocumentLine[]): LineMatchResult {
  const result: LineMatchResult = { matches: [], unmatchedRows: [], unmatchedLines: [] };
  const groups = [...new Set(lines.map((line) => line.where))];
  const assigned = assignGrids(grids, groups);
  const matchedLines = new Set<DocumentLine>();

  for (const where of groups) {
    const gridsOfGroup = grids.filter((grid) => assigned.get(grid) === where);
    const groupLines = lines.filter((line) => line.where === where);
    // Charges go to a charges-only grid when the page has one, else after the product lines of the same grid.
    const hasChargesGrid = gridsOfGroup.some((grid) => grid.chargesOnly);
    for (const grid of gridsOfGroup) {
      const candidates = groupLines.filter((line) => !matchedLines.has(line) && (grid.chargesOnly ? line.charge : !line.charge || !hasChargesGrid));
      for (const match of matchRows(grid, candidates, result)) {
        matchedLines.add(match.line);
        result.matches.push(match);
      }
    }
  }
  for (const grid of grids) {
    if (assigned.get(grid) !== null) continue;
    const reason = grid.title
      ? `The grid “${grid.title}” names no invoice or credit note of the fetched document.`
      : 'Could not tell which invoice or credit note this grid holds.';
    for (const row of grid.rows) result.unmatchedRows.push({ row, reason });
  }
  for (const line of lines) {
    if (matchedLines.has(line)) continue;
    const onPage = grids.some((grid) => assigned.get(grid) === line.where);
    result.unmatchedLines.push({
      line,
      reason: onPage
        ? `${describeLine(line)} has no matching row in the page’s grid.`
        : `${describeLine(line)}: the page shows no lines grid for ${line.where}.`,
    });
  }
  return result;
}

export function describeLine(line: DocumentLine): string {
  const what = line.charge ? 'additional charge' : 'line';
  return `${line.where.charAt(0).toUpperCase()}${line.where.slice(1)} ${what} ${line.index + 1}${line.sku ? ` (${line.sku})` : ''}`;
}

/** One grid: first by SKU (preferring the line at the same position), then by the saved name, then the rest by order. */
function matchRows(grid: LineGridRead, lines: DocumentLine[], result: LineMatchResult): LineMatch[] {
  const matches: LineMatch[] = [];
  const used = new Set<DocumentLine>();
  const skus = lines.map((line) => line.sku).filter((sku): sku is string => Boolean(sku));
  const leftRows: LineRowRead[] = [];
  grid.rows.forEach((row, position) => {
    const fits = (line: DocumentLine | undefined): line is DocumentLine =>
      line !== undefined && !used.has(line) && Boolean(line.sku) && mentions(row.product, line.sku ?? '');
    const byPosition = lines[position];
    const line = fits(byPosition) ? byPosition : lines.find(fits);
    if (line) {
      used.add(line);
      matches.push({ row, line, grid, by: 'sku' });
    } else leftRows.push(row);
  });

  // Rows that show no SKU of this document but a name: the line saved under that name (one each, in order).
  const byName = (row: LineRowRead): DocumentLine | undefined => {
    const shown = sameText(row.name) || sameText(row.product);
    if (!shown || skus.some((sku) => mentions(row.product, sku))) return undefined;
    return lines.find((line) => !used.has(line) && line.name && sameText(line.name) === shown);
  };
  for (const row of [...leftRows]) {
    const line = byName(row);
    if (!line) continue;
    used.add(line);
    matches.push({ row, line, grid, by: 'name' });
    leftRows.splice(leftRows.indexOf(row), 1);
  }

  const leftLines = lines.filter((line) => !used.has(line));
  // A row showing a SKU of this document that was already matched is a repeat the fetched data does not have.
  const namesKnownSku = (row: LineRowRead) => skus.some((sku) => mentions(row.product, sku));
  if (leftRows.length === leftLines.length && !leftRows.some(namesKnownSku)) {
    leftRows.forEach((row, index) => {
      const line = leftLines[index];
      if (line) matches.push({ row, line, grid, by: 'order' });
    });
    return matches;
  }
  // Counts differ (unsaved edits, a filtered grid): only rows without a product pair with lines without a SKU.
  const blankRows = leftRows.filter((row) => !row.product);
  const blankLines = leftLines.filter((line) => !line.sku);
  const pairs = Math.min(blankRows.length, blankLines.length);
  for (let index = 0; index < pairs; index++) matches.push({ row: blankRows[index]!, line: blankLines[index]!, grid, by: 'order' });
  const paired = new Set(blankRows.slice(0, pairs));
  for (const row of leftRows) {
    if (paired.has(row)) continue;
    const shown = row.product || row.name;
    result.unmatchedRows.push({
      row,
      reason: namesKnownSku(row)
        ? `“${shown}” appears more often here than in the saved document: save the ${grid.title ? `“${grid.title}” ` : ''}lines and refresh.`
        : `No line of the saved document fits “${shown}” (the page shows ${grid.rows.length} rows, the saved document ${lines.length}): save and refresh.`,
    });
  }
  return matches;
}

/** Text compared as a person would read it: case, spacing and punctuation around it ignored. */
function sameText(text: string | null | undefined): string {
  return (text ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
}
