// Matches each row of a Cin7 Core sale or purchase page's lines grids (read by line-grids.ts) to a line of the
// document the background fetched (`getDocument`): grids are tied to an invoice or credit note by their title,
// rows to lines by SKU, then by the saved name, then by order. No layout reads, no writes: the feature decides what
// to draw. Never throws on odd markup.
import type { DocumentResult } from '../../protocol/shapes';
import { cleanText } from './dom-text';
import type { LineGridRead, LineRowRead } from './line-grids';

export type DocumentLine = DocumentResult['lines'][number];

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
