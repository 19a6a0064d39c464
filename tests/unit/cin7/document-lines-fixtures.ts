// Fetched documents (`getDocument` results) that go with the lines fixture pages in tests/fixtures/cin7.
import type { DocumentResult } from '../../../utils/protocol/shapes';

type Line = DocumentResult['lines'][number];
type Posting = Line['postings'][number];

export const SALE_ID = '6a1f7bd0-2c3e-4d5f-8a9b-0c1d2e3f4a5b';
export const PURCHASE_ID = '0b7e6f2a-1111-4c2d-9e8f-222233334444';

export function posting(role: Posting['role'], code: string | null, level: Posting['level'], name?: string, status = 'ACTIVE'): Posting {
  return { role, code, level, account: code && name ? { code, name, type: 'REVENUE', status } : null };
}

const stock = (revenue: Posting): Posting[] => [
  revenue,
  posting('cogs', '500', 'default', 'Cost of Goods Sold'),
  posting('inventoryControl', '630', 'default', 'Inventory'),
];

/** Goes with sale-lines-extjs-grid.html: invoice INV-0042 (3 lines + freight) and credit note CR-0042. */
export function saleDocument(overrides: Partial<DocumentResult> = {}): DocumentResult {
  const line = (where: string, index: number, sku: string | null, postings: Posting[], charge = false): Line => ({
    where,
    index,
    charge,
    sku,
    productId: sku ? `id-${sku}` : null,
    postings,
  });
  return {
    found: true,
    kind: 'sale',
    id: SALE_ID,
    label: 'Sale SO-00042 (Acme Ltd)',
    lines: [
      line('invoice INV-0042', 0, 'SKU-A', stock(posting('defaultRevenue', '4000', 'product', 'Sales'))),
      line('invoice INV-0042', 1, 'SKU-B', stock(posting('defaultRevenue', '4010', 'line', 'Old Sales', 'ARCHIVED'))),
      line('invoice INV-0042', 2, 'INSTALL', [posting('defaultRevenue', '4100', 'header', 'Services')]),
      line('invoice INV-0042', 0, null, [posting('defaultRevenue', '4200', 'line', 'Freight Income')], true),
      line('credit note CR-0042', 0, 'SKU-A', stock(posting('defaultRevenue', '4000', 'product', 'Sales'))),
    ],
    contactPosting: posting('accountsReceivable', '610', 'default', 'Accounts Receivable'),
    xeroLockDate: null,
    findings: [],
    ...overrides,
  };
}

/** Goes with purchase-lines-plain-table.html: bill BIL-0007 with SKU-A, SKU-B and a freight charge. */
export function purchaseDocument(overrides: Partial<DocumentResult> = {}): DocumentResult {
  return {
    found: true,
    kind: 'purchase',
    id: PURCHASE_ID,
    label: 'Purchase PO-0007 (Widget Supplies)',
    lines: [
      { where: 'bill BIL-0007', index: 0, charge: false, sku: 'SKU-A', productId: 'id-SKU-A', postings: [posting('inventoryControl', '640', 'line', 'Stock')] },
      { where: 'bill BIL-0007', index: 1, charge: false, sku: 'SKU-B', productId: 'id-SKU-B', postings: [posting('inventoryControl', '630', 'header', 'Inventory')] },
      { where: 'bill BIL-0007', index: 0, charge: true, sku: null, productId: null, postings: [posting('inventoryControl', '425', 'line', 'Freight')] },
    ],
    contactPosting: posting('accountsPayable', '800', 'default', 'Accounts Payable'),
    xeroLockDate: null,
    findings: [],
    ...overrides,
  };
}
