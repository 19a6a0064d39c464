// Tracking categories: each category is a heading with its options listed below (classic page), or a row of a table
// with a "Tracking category" / "Name" header and an "Options" column of comma-separated names (variant). "(Archived)"
// beside a name marks an archived category or option.
import { HEADING, OPTION_ITEM, OPTION_LIST } from './selectors';
import { cleanText, normalise, visibleText } from './dom-text';
import { readTables } from './tables';

export interface TrackingOptionRead {
  name: string;
  archived: boolean;
}

export interface TrackingCategoryRead {
  element: HTMLElement;
  name: string;
  archived: boolean;
  /** Null when the page shows no options for it (nothing to judge, not "no options"). */
  options: TrackingOptionRead[] | null;
}

function option(text: string): TrackingOptionRead {
  return { name: cleanText(text.replace(ARCHIVED, '')), archived: ARCHIVED.test(text) };
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
        const optionsCell = row.cells.get('options');
        const options = optionsCell ? visibleText(optionsCell).split(',').map(option).filter((item) => item.name) : null;
        return { element: row.row, name: cleanText(text.replace(ARCHIVED, '')), archived: ARCHIVED.test(text) || status === 'archived', options };
      }),
    ).filter((category) => category.name);
  }
  const categories: TrackingCategoryRead[] = [];
  for (const heading of root.querySelectorAll<HTMLElement>(HEADING)) {
    if (heading.closest('header, nav, [role="dialog"], [data-mg-own]')) continue;
    const text = visibleText(heading);
    const name = cleanText(text.replace(ARCHIVED, ''));
    if (!name) continue;
    const element = heading.closest<HTMLElement>('section, article, li') ?? heading;
    const list = element.querySelector(OPTION_LIST);
    const options = list ? [...list.querySelectorAll<HTMLElement>(OPTION_ITEM)].map((item) => option(visibleText(item))).filter((item) => item.name) : null;
    categories.push({ element, name, archived: ARCHIVED.test(text), options });
  }
  return categories;
}
