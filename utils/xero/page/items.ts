// Products and services: one entry per item row ("Code" and "Name" headers). An item is tracked when the page says
// so: a "Tracked" column or status, or a quantity on hand (Xero shows quantities only for tracked items).
import { cellText, readTables } from './tables';

export interface ItemRow {
  row: HTMLElement;
  code: string;
  name: string;
  tracked: boolean;
  badgeHost: HTMLElement;
}

const QUANTITY_HEADERS = ['quantity', 'quantity on hand', 'qty on hand', 'qty'];

export function readItems(root: ParentNode): ItemRow[] {
  const items: ItemRow[] = [];
  for (const table of readTables(root, ['code'])) {
    if (!table.headers.includes('name') && !table.headers.includes('item name')) continue;
    for (const row of table.rows) {
      const code = cellText(row, 'code');
      const badgeHost = row.cells.get('name') ?? row.cells.get('item name') ?? row.cells.get('code');
      if (!code || !badgeHost) continue;
      const trackedText = (cellText(row, 'tracked') || cellText(row, 'inventory') || cellText(row, 'type')).toLowerCase();
      const quantity = QUANTITY_HEADERS.map((header) => cellText(row, header)).find(Boolean) ?? '';
      const tracked = /^(?:yes|tracked|tracked inventory|inventory)$/.test(trackedText) || /\d/.test(quantity);
      items.push({ row: row.row, code, name: cellText(row, 'name') || cellText(row, 'item name'), tracked, badgeHost });
    }
  }
  return items;
}
