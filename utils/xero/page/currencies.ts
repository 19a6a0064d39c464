// Currencies: the ISO codes listed in the table whose first header is "Code" (or "Currency code").
import { cellText, readTables } from './tables';

export interface CurrencyRow {
  row: HTMLElement;
  code: string;
}

export function readCurrencies(root: ParentNode): CurrencyRow[] {
  const rows: CurrencyRow[] = [];
  for (const table of [...readTables(root, ['code']), ...readTables(root, ['currency code'])]) {
    for (const row of table.rows) {
      const match = /^([A-Z]{3})\b/.exec(cellText(row, 'code') || cellText(row, 'currency code') || cellText(row, 'currency'));
      if (match?.[1]) rows.push({ row: row.row, code: match[1] });
    }
  }
  return rows;
}
