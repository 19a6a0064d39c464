// Tracking categories: each category is a heading with its options below (classic page), or a row of a table with a
// "Tracking category" / "Name" header (variant). "(Archived)" beside the name marks an archived category.
import { HEADING } from '../selectors';
import { cleanText, normalise, visibleText } from './dom-text';
import { readTables } from './tables';

export interface TrackingCategoryRead {
  element: HTMLElement;
  name: string;
  archived: boolean;
}

const ARCHIVED = /\(archived\)/i;

export function readTrackingCategories(root: ParentNode): TrackingCategoryRead[] {
  const tables = [...readTables(root, ['tracking category']), ...readTables(root, ['category name'])];
  if (tables.length > 0) {
    return tables.flatMap((table) =>
      table.rows.map((row) => {
        const cell = row.cells.get('tracking category') ?? row.cells.get('category name')!;
        const text = visibleText(cell);
        const status = normalise(visibleText(row.cells.get('status') ?? cell));
        return { element: row.row, name: cleanText(text.replace(ARCHIVED, '')), archived: ARCHIVED.test(text) || status === 'archived' };
      }),
    ).filter((category) => category.name);
  }
  const categories: TrackingCategoryRead[] = [];
  for (const heading of root.querySelectorAll<HTMLElement>(HEADING)) {
    if (heading.closest('header, nav, [role="dialog"], [data-mg-own]')) continue;
    const text = visibleText(heading);
    const name = cleanText(text.replace(ARCHIVED, ''));
    if (!name) continue;
    categories.push({ element: heading.closest<HTMLElement>('section, article, li') ?? heading, name, archived: ARCHIVED.test(text) });
  }
  return categories;
}
