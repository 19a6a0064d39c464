import { describe, expect, it } from 'vitest';
import { matchDocumentLines } from '../../../utils/cin7/page/document-lines';
import { readLineGrids, type LineGridRead } from '../../../utils/cin7/page/line-grids';
import { LINE_COLUMN_TEXT, LINE_GRID_CAPTION, LINE_GRID_HEADING } from '../../../utils/cin7/page/selectors';
import { labelText } from '../../../utils/cin7/page/dom-text';
import { purchaseDocument, saleDocument } from './document-lines-fixtures';
import { loadFixture } from './load-fixture';

const EXTJS = 'sale-lines-extjs-grid.html';
const PLAIN = 'purchase-lines-plain-table.html';

describe('lines-grid selectors against the fixture pages', () => {
  it.each([
    [EXTJS, { caption: 5, heading: 1 }],
    [PLAIN, { caption: 1, heading: 3 }],
  ])('LINE_GRID_CAPTION and LINE_GRID_HEADING on %s', (fixture, counts) => {
    loadFixture(fixture);
    expect(document.querySelectorAll(LINE_GRID_CAPTION)).toHaveLength(counts.caption);
    expect(document.querySelectorAll(LINE_GRID_HEADING)).toHaveLength(counts.heading);
  });

  it.each([
    [EXTJS, { product: 3, sku: 0, name: 3, account: 2 }],
    [PLAIN, { product: 1, sku: 1, name: 1, account: 2 }],
  ])('LINE_COLUMN_TEXT picks the right header texts on %s', (fixture, counts) => {
    loadFixture(fixture);
    const headers = [...document.querySelectorAll('[role="columnheader"], th')].map((header) => labelText(header));
    for (const [column, count] of Object.entries(counts)) {
      expect(headers.filter((text) => LINE_COLUMN_TEXT[column as keyof typeof LINE_COLUMN_TEXT].test(text)), column).toHaveLength(count);
    }
    // Quantities, prices, totals and tax rules are not line identity columns.
    for (const text of ['Quantity', 'Qty', 'Price', 'Total', 'Tax Rule', 'Unit cost', 'Shipment date']) {
      expect(Object.values(LINE_COLUMN_TEXT).some((pattern) => pattern.test(text)), text).toBe(false);
    }
  });
});

describe('readLineGrids', () => {
  it('finds the Ext JS lines grids by their headers, named by their fieldset legends', () => {
    loadFixture(EXTJS);
    const grids = readLineGrids(document);
    expect(grids.map((grid) => grid.title)).toEqual(['Order lines', 'Invoice INV-0042 (2026-03-01)', 'Credit note CR-0042 (2026-03-05)']);
    const invoice = grids[1]!;
    expect(invoice.columns).toEqual({ product: 0, sku: null, name: 1, account: 6 });
    expect(invoice.rows.map((row) => [row.product, row.name])).toEqual([
      ['SKU-A - Blue widget', '<img src=x onerror=alert(1)>'],
      ['SKU-B - Red widget', ''],
      ['INSTALL - Installation', ''],
      ['', 'Freight'],
    ]);
    // The badge goes in the Account cell when there is one, else the product cell.
    expect(invoice.rows.every((row) => row.anchor.matches('td') && row.anchor === row.row.children[6])).toBe(true);
    expect(grids[0]!.rows[0]!.anchor).toBe(grids[0]!.rows[0]!.row.children[0]);
    expect(document.querySelector('img')).toBeNull();
  });

  it('finds plain-table lines by SKU and Product headers, skips the footer and tables without products', () => {
    loadFixture(PLAIN);
    const grids = readLineGrids(document);
    expect(grids.map((grid) => [grid.title, grid.chargesOnly, grid.rows.length])).toEqual([
      ['Supplier invoice BIL-0007', false, 3],
      ['Additional charges', true, 1],
    ]);
    expect(grids[0]!.rows.map((row) => row.product)).toEqual(['SKU-B Red widget', 'SKU-A Blue widget', 'SKU-Z Unsaved new line']);
    expect(grids[1]!.rows[0]!.name).toBe('Freight');
    expect(grids[1]!.rows[0]!.anchor.querySelector('select')).not.toBeNull();
  });
});

const byLine = (result: ReturnType<typeof matchDocumentLines>) =>
  result.matches.map((match) => [match.row.product || match.row.name, `${match.line.where}#${match.line.charge ? 'c' : ''}${match.line.index}`, match.by]);

/** The fixture's invoice grid, untitled and showing product names without their SKUs. */
function namesOnlyInvoiceGrid(): LineGridRead {
  loadFixture(EXTJS);
  const invoice = readLineGrids(document)[1]!;
  return { ...invoice, title: '', rows: invoice.rows.map((row) => ({ ...row, product: row.product.replace(/^[A-Z-]+ - /, '') })) };
}

describe('matchDocumentLines', () => {
  it('ties each Ext JS grid to its invoice or credit note by title, rows by SKU, charges by order', () => {
    loadFixture(EXTJS);
    const grids = readLineGrids(document);
    const result = matchDocumentLines(grids, saleDocument().lines);
    expect(byLine(result)).toEqual([
      ['SKU-A - Blue widget', 'invoice INV-0042#0', 'sku'],
      ['SKU-B - Red widget', 'invoice INV-0042#1', 'sku'],
      ['INSTALL - Installation', 'invoice INV-0042#2', 'sku'],
      ['Freight', 'invoice INV-0042#c0', 'order'],
      ['SKU-A - Blue widget', 'credit note CR-0042#0', 'sku'],
    ]);
    expect(result.unmatchedLines).toEqual([]);
    // The order grid names neither the invoice nor the credit note: said, not guessed.
    expect(result.unmatchedRows).toHaveLength(3);
    expect(result.unmatchedRows[0]!.reason).toMatch(/“Order lines” names no invoice or credit note/);
  });

  it('matches rows shown in another order by SKU, and says which row and line it cannot match', () => {
    loadFixture(PLAIN);
    const result = matchDocumentLines(readLineGrids(document), purchaseDocument().lines);
    expect(byLine(result)).toEqual([
      ['SKU-B Red widget', 'bill BIL-0007#1', 'sku'],
      ['SKU-A Blue widget', 'bill BIL-0007#0', 'sku'],
      ['Freight', 'bill BIL-0007#c0', 'order'],
    ]);
    expect(result.unmatchedRows.map((item) => item.reason)).toEqual([expect.stringMatching(/No line of the saved document fits “SKU-Z Unsaved new line”/)]);
    expect(result.unmatchedLines).toEqual([]);
  });

  it('does not take a longer code for a SKU ("SKU-AB" is not "SKU-A")', () => {
    loadFixture(PLAIN);
    const grids = readLineGrids(document);
    const lines = purchaseDocument().lines.map((line) => (line.sku === 'SKU-A' ? { ...line, sku: 'SKU' } : line));
    const result = matchDocumentLines(grids, lines);
    expect(result.matches.find((match) => match.line.sku === 'SKU')).toBeUndefined();
    expect(result.unmatchedLines.map((item) => item.reason)).toEqual([expect.stringMatching(/^Bill BIL-0007 line 1 \(SKU\) has no matching row/)]);
  });

  it('falls back to row order when the page shows names only and the counts agree', () => {
    const namesOnly = namesOnlyInvoiceGrid();
    const lines = saleDocument().lines.filter((line) => line.where === 'invoice INV-0042');
    const result = matchDocumentLines([namesOnly], lines);
    expect(result.matches.map((match) => [match.line.sku, match.by])).toEqual([
      ['SKU-A', 'order'],
      ['SKU-B', 'order'],
      ['INSTALL', 'order'],
      [null, 'order'],
    ]);
    // With one row fewer on the page, only charge rows (no product) pair by order; the rest are reported.
    const shorter = matchDocumentLines([{ ...namesOnly, rows: namesOnly.rows.slice(1) }], lines);
    expect(shorter.matches.map((match) => match.line.sku)).toEqual([null]);
    expect(shorter.unmatchedRows).toHaveLength(2);
    expect(shorter.unmatchedLines).toHaveLength(3);
  });

  it('matches rows that show names only by the saved line names, even when the counts differ', () => {
    const namesOnly = namesOnlyInvoiceGrid();
    const names: Record<string, string> = { 'SKU-A': 'Blue widget', 'SKU-B': 'Red widget', INSTALL: 'Installation' };
    const lines = saleDocument()
      .lines.filter((line) => line.where === 'invoice INV-0042')
      .map((line) => ({ ...line, name: line.sku ? (names[line.sku] ?? null) : 'Freight' }));
    // One row fewer on the page (the first product line is not shown): the others still find their lines by name.
    const shorter = matchDocumentLines([{ ...namesOnly, rows: namesOnly.rows.slice(1) }], lines);
    expect(shorter.matches.map((match) => [match.line.sku, match.by])).toEqual([
      ['SKU-B', 'name'],
      ['INSTALL', 'name'],
      [null, 'name'],
    ]);
    expect(shorter.unmatchedLines.map((item) => item.reason)).toEqual([expect.stringMatching(/^Invoice INV-0042 line 1 \(SKU-A\)/)]);
  });

  it('says when the page has no grid for a part of the document', () => {
    loadFixture(EXTJS);
    const grids = readLineGrids(document).filter((grid) => !grid.title.startsWith('Credit note'));
    const result = matchDocumentLines(grids, saleDocument().lines);
    expect(result.unmatchedLines.map((item) => item.reason)).toEqual(['Credit note CR-0042 line 1 (SKU-A): the page shows no lines grid for credit note CR-0042.']);
  });

  it('gives the one grid left to the one part left only when its title does not name another kind', () => {
    loadFixture(EXTJS);
    const [order, invoice] = readLineGrids(document);
    const lines = saleDocument().lines.filter((line) => line.where === 'invoice INV-0042');
    expect(matchDocumentLines([{ ...invoice!, title: 'Invoice' }], lines).matches).toHaveLength(4);
    expect(matchDocumentLines([{ ...invoice!, title: '' }], lines).matches).toHaveLength(4);
    expect(matchDocumentLines([order!], lines).matches).toHaveLength(0);
  });
});
