import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import documentLines, { LINE_BADGE_KEY, lineBadge, lockedParts } from '../../../entrypoints/cin7.content/features/document-lines';
import type { DocumentResult } from '../../../utils/protocol/shapes';
import { finding, status } from '../overlay/status-fixtures';
import { PURCHASE_ID, SALE_ID, posting, purchaseDocument, saleDocument } from './document-lines-fixtures';
import { featureEnv } from './feature-env';
import { loadFixture } from './load-fixture';

let stop: AbortController | undefined;
afterEach(() => {
  stop?.abort();
  cleanup();
});

const badges = () => [...document.querySelectorAll<HTMLElement>(`[data-mg-badge="${LINE_BADGE_KEY}"]`)];
const pillOf = (row: Element | undefined) => row?.querySelector<HTMLElement>(`[data-mg-badge="${LINE_BADGE_KEY}"] [role="note"]`) ?? null;
const invoiceRows = () => [...document.querySelectorAll('#gridpanel-1030 tr[role="row"]')];

async function start(url: string, result: DocumentResult) {
  const getDocument = vi.fn(async () => result);
  const setup = featureEnv(url, status(), { getDocument });
  stop = setup.controller;
  await documentLines.init(setup.controller.signal, setup.env);
  return { ...setup, getDocument };
}

function renderSection(setup: Awaited<ReturnType<typeof start>>): HTMLElement {
  const section = setup.env.panel.getState().sections.find((item) => item.id === 'document-lines');
  if (!section) throw new Error('no document-lines section');
  return render(<>{section.content}</>).container;
}
const sectionText = (setup: Awaited<ReturnType<typeof start>>) => renderSection(setup).textContent ?? '';

describe('document-lines feature: inline badges', () => {
  it('badges each matched line row with its account and deciding level, text only, as our own node', async () => {
    loadFixture('sale-lines-extjs-grid.html');
    const setup = await start(`https://inventory.dearsystems.com/Sale#${SALE_ID}`, saleDocument());
    expect(setup.getDocument).toHaveBeenCalledWith({ kind: 'sale', id: SALE_ID });

    const rows = invoiceRows();
    expect(rows.map((row) => pillOf(row)?.textContent)).toEqual([
      '→ 4000 Sales · decided by product',
      '⚠ → 4010 Old Sales · decided by order line',
      '→ 4100 Services · decided by sale header',
      '→ 4200 Freight Income · decided by order line',
    ]);
    // In the Account cell, marked as ours, with the full explanation as tooltip and accessible name.
    const badge = rows[0]!.querySelector(`[data-mg-badge="${LINE_BADGE_KEY}"]`)!;
    expect(badge.parentElement?.getAttribute('role')).toBe('gridcell');
    expect(badge.hasAttribute('data-mg-own')).toBe(true);
    expect(badge.getAttribute('data-mg-tone')).toBe('ok');
    // Wraps inside the narrow nowrap cell instead of being cut off.
    expect((badge as HTMLElement).style.whiteSpace).toBe('normal');
    const pill = pillOf(rows[0])!;
    expect(pill.title).toBe(
      'Invoice INV-0042 line 1 (SKU-A): Revenue → 4000: Sales (decided by product); COGS → 500: Cost of Goods Sold (decided by default mapping); Inventory → 630: Inventory (decided by default mapping).',
    );
    expect(pill.getAttribute('aria-label')).toBe(`${pill.textContent}: ${pill.title}`);
    // The archived line account is a warning, said in words as well as colour.
    expect(rows[1]!.querySelector('[data-mg-badge]')?.getAttribute('data-mg-tone')).toBe('warning');
    expect(pillOf(rows[1])!.title).toMatch(/Revenue: 4010: Old Sales \(archived\) is archived in Xero/);
    // The credit note's row too; the order grid (no account posts from it) gets nothing.
    expect(pillOf(document.querySelector('#gridpanel-1050 tr[role="row"]')!)?.textContent).toBe('→ 4000 Sales · decided by product');
    expect(document.querySelector('#gridpanel-1013 [data-mg-badge]')).toBeNull();
    expect(badges()).toHaveLength(5);
    expect(document.querySelector('img')).toBeNull();

    // The panel keeps the table and says the lines are annotated in the page, and why the order rows are not.
    const section = renderSection(setup);
    expect(section.textContent).toContain('Each line is also annotated on its row in the page’s lines grid (5 lines).');
    expect(section.textContent).toContain('“Order lines” names no invoice or credit note');
    // 5 lines with 11 postings, plus the customer row.
    expect(section.querySelectorAll('tbody tr')).toHaveLength(12);
  });

  it('re-applies the badges when the host grid re-renders its rows, and removes them when stopped', async () => {
    loadFixture('sale-lines-extjs-grid.html');
    await start(`https://inventory.dearsystems.com/Sale#${SALE_ID}`, saleDocument());
    expect(badges()).toHaveLength(5);

    // Ext JS replaces a record's table when the record changes: the new row has no badge until we re-apply.
    const container = document.querySelector('#gridpanel-1030 .x-grid-item-container')!;
    const first = container.firstElementChild!;
    const replacement = first.cloneNode(true) as HTMLElement;
    replacement.querySelector('[data-mg-badge]')?.remove();
    first.replaceWith(replacement);
    expect(pillOf(replacement)).toBeNull();
    await vi.waitFor(() => expect(pillOf(replacement)?.textContent).toBe('→ 4000 Sales · decided by product'), { timeout: 3000 });
    expect(badges()).toHaveLength(5);

    // A row removed from the grid takes its badge along; the others stay.
    container.lastElementChild!.remove();
    await vi.waitFor(() => expect(badges()).toHaveLength(4), { timeout: 3000 });

    stop!.abort();
    expect(badges()).toHaveLength(0);
  });

  it('badges plain-table purchase rows by SKU and says which row it could not match', async () => {
    loadFixture('purchase-lines-plain-table.html');
    const setup = await start(`https://inventory.dearsystems.com/Purchase#${PURCHASE_ID}`, purchaseDocument());
    const rows = [...document.querySelectorAll('table.lines tbody tr')];
    expect(rows.map((row) => pillOf(row)?.textContent ?? null)).toEqual([
      '→ 630 Inventory · decided by purchase header',
      '→ 640 Stock · decided by order line',
      null,
    ]);
    expect(pillOf(document.querySelector('table.charges tr:nth-child(2)')!)?.textContent).toBe('→ 425 Freight · decided by order line');
    const text = sectionText(setup);
    expect(text).toContain('Each line is also annotated');
    expect(text).toContain('No line of the saved document fits “SKU-Z Unsaved new line”');
  });

  it('warns on the rows of an invoice or shipment dated in Xero’s locked period', async () => {
    loadFixture('sale-lines-extjs-grid.html');
    const locked = finding({
      code: 'DOCUMENT_IN_LOCKED_PERIOD',
      subject: { kind: 'sale', key: SALE_ID, label: 'Sale SO-00042' },
      message: "Sale SO-00042 (Acme Ltd) has invoice INV-0042 dated 2026-03-01, on or before Xero's period lock date 2026-03-03, so Xero will reject it.",
    });
    const document_ = saleDocument({
      xeroLockDate: { day: '2026-03-03', which: 'period' },
      datedParts: [
        { what: 'invoice INV-0042', day: '2026-03-01', locked: true },
        { what: 'credit note CR-0042', day: '2026-03-10', locked: false },
      ],
      findings: [locked],
    });
    await start(`https://inventory.dearsystems.com/Sale#${SALE_ID}`, document_);
    const rows = invoiceRows();
    for (const row of rows) expect(pillOf(row)?.textContent?.startsWith('⚠')).toBe(true);
    expect(pillOf(rows[0])!.title).toContain('Invoice INV-0042 is dated on or before Xero’s lock date 2026-03-03, so Xero will reject it.');
    // The credit note (dated after the lock date) is fine.
    expect(pillOf(document.querySelector('#gridpanel-1050 tr[role="row"]')!)?.textContent?.startsWith('→')).toBe(true);

    const shipment = { ...locked, message: "Sale SO-00042 (Acme Ltd) has shipment (COGS journal) dated 2026-03-02, on or before Xero's period lock date 2026-03-03." };
    const parts = lockedParts(
      saleDocument({
        xeroLockDate: { day: '2026-03-03', which: 'period' },
        datedParts: [
          { what: 'invoice INV-0042', day: '2026-03-05', locked: false },
          { what: 'shipment (COGS journal)', day: '2026-03-02', locked: true },
        ],
        findings: [shipment],
      }),
    );
    expect([...parts.groups]).toEqual([]);
    expect(parts.shipment).toBe(true);
    const [stockLine, , serviceLine] = saleDocument().lines;
    expect(lineBadge(stockLine!, saleDocument(), parts).tooltip).toContain('The shipment’s COGS journal is dated on or before Xero’s lock date 2026-03-03');
    // A service line posts no COGS: the shipment does not touch it.
    expect(lineBadge(serviceLine!, saleDocument(), parts).tone).toBe('ok');
  });

  it('draws nothing when the document is not in the fetched data, and keeps the panel message', async () => {
    loadFixture('sale-lines-extjs-grid.html');
    const setup = await start(`https://inventory.dearsystems.com/Sale#${SALE_ID}`, { found: false, kind: 'sale', id: SALE_ID, lines: [], findings: [], reason: 'Connect Cin7 Core and Xero first.' });
    expect(badges()).toHaveLength(0);
    expect(sectionText(setup)).toContain('Connect Cin7 Core and Xero first.');
  });

  it('refetches after a refresh and redraws the badges from the new data', async () => {
    loadFixture('sale-lines-extjs-grid.html');
    const getDocument = vi.fn(async () => saleDocument()).mockResolvedValueOnce(saleDocument());
    const setup = featureEnv(`https://inventory.dearsystems.com/Sale#${SALE_ID}`, status(), { getDocument });
    stop = setup.controller;
    await setup.statusStore.load();
    await documentLines.init(setup.controller.signal, setup.env);
    expect(pillOf(invoiceRows()[0])?.textContent).toBe('→ 4000 Sales · decided by product');

    const changed = saleDocument();
    changed.lines[0] = { ...changed.lines[0]!, postings: [posting('defaultRevenue', '4999', 'product')] };
    getDocument.mockResolvedValue(changed);
    setup.client.set(status({ fetchedAt: '2026-11-21T11:00:00.000Z' }));
    setup.client.broadcast({ pairId: 'pair-1' });
    await vi.waitFor(() => expect(pillOf(invoiceRows()[0])?.textContent).toBe('⚠ → 4999 (not in Xero) · decided by product'), { timeout: 3000 });
    expect(pillOf(invoiceRows()[0])!.title).toContain('4999 is not in Xero’s chart of accounts');
  });
});

describe('lineBadge', () => {
  it('says when no level sets an account', () => {
    const line = { ...saleDocument().lines[2]!, postings: [posting('defaultRevenue', null, null)] };
    const spec = lineBadge(line, saleDocument());
    expect(spec).toMatchObject({ tone: 'warning', text: '⚠ → no account · decided by nothing set' });
    expect(spec.tooltip).toContain('no account is set at any level');
  });

  it('flags a posting whose deciding field the engine judged wrong for it (its problem), and only that posting', () => {
    const base = saleDocument();
    const problem = { severity: 'warning' as const, text: 'set to 4000 Sales, a Current Asset account; it needs a revenue account.' };
    const [skuA, skuB] = base.lines;
    const flagged = { ...skuA!, postings: skuA!.postings.map((posting, index) => (index === 0 ? { ...posting, problem } : posting)) };
    const document_ = { ...base, lines: [flagged, ...base.lines.slice(1)] };
    const badge = lineBadge(flagged, document_);
    expect(badge.tone).toBe('warning');
    expect(badge.text.startsWith('⚠')).toBe(true);
    expect(badge.tooltip).toContain('Revenue: the product account is set to 4000 Sales, a Current Asset account; it needs a revenue account.');
    // Another line is not touched by it, and finding texts play no part.
    expect(lineBadge(skuB!, document_).tooltip).not.toContain('Current Asset');
  });
});
