// Finds the row an arrival target names (`mg-target=<kind>:<key>`) on a Cin7 Core page, by structure and text.
import { accountKey, parseAccountText } from '../../audit/account-text';
import type { LinkTarget } from '../../audit/links';
import { FIELD_LABEL, ROW } from './selectors';
import { readAccountMapping } from './account-mapping';
import { cellValue, cellsOf, labelText } from './dom-text';

export function findTargetElement(target: LinkTarget, root: ParentNode = document): HTMLElement | null {
  switch (target.kind) {
    case 'role': {
      const mapping = readAccountMapping(root);
      return mapping.ok ? (mapping.rows.find((row) => row.roleId === target.key)?.row ?? null) : null;
    }
    case 'account':
      return findAccountRow(target.key, root);
    case 'field':
      return findField(target.key, root);
    default:
      return findRowWithCell(root, (value) => value.toLowerCase() === target.key.trim().toLowerCase());
  }
}

/** A table/grid row with a cell showing the code ("1400", "1400: Inventory", "1400 - Inventory"). */
export function findAccountRow(code: string, root: ParentNode = document): HTMLElement | null {
  const wanted = accountKey(code);
  return findRowWithCell(root, (value) => {
    const parsed = parseAccountText(value);
    return parsed !== null && accountKey(parsed) === wanted;
  });
}

function findRowWithCell(root: ParentNode, matches: (value: string) => boolean): HTMLElement | null {
  for (const row of root.querySelectorAll<HTMLElement>(ROW)) {
    if (row.closest('thead')) continue;
    if (cellsOf(row).some((cell) => matches(cellValue(cell)))) return row;
  }
  return null;
}

/** A form field by its label ("revenue account" finds "Revenue Account"): the label's row or container. */
function findField(name: string, root: ParentNode): HTMLElement | null {
  const wanted = normalise(name);
  for (const label of root.querySelectorAll<HTMLElement>(FIELD_LABEL)) {
    if (normalise(labelText(label)) !== wanted) continue;
    return (label.closest(ROW) as HTMLElement | null) ?? label.parentElement ?? label;
  }
  return null;
}

const normalise = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
