// Reads Cin7 Core's Account Mapping page: one row per Cin7 account role with the Xero account chosen for it.
// Read by structure and text — rows of a grid or table whose first cell names a role, or labelled form controls —
// so it works on an Ext JS grid, a plain table and a label-and-select form alike. Never throws on odd markup.
import { matchRoleLabel } from '../../audit/labels';
import type { RoleId } from '../../audit/roles';
import { ARIA_LABELLED_CONTROL, COLUMN_HEADER, FORM_LABEL, ROW, ROW_CONTAINER, VALUE_CONTROL } from './selectors';
import { cellValue, cellsOf, cleanText, controlValue, labelText } from './dom-text';

export interface MappingRowRead {
  /** The row's label as the page shows it. */
  label: string;
  /** The account as the page shows it ("1400: Inventory"), '' when nothing is chosen. */
  account: string;
  roleId: RoleId | null;
  /** The row element, where a status badge goes. */
  row: HTMLElement;
  /** The element holding the label (badges sit after it). */
  labelElement: HTMLElement;
}

export type MappingLayout = 'grid' | 'table' | 'form';

export type MappingReadResult =
  | { ok: true; layout: MappingLayout; rows: MappingRowRead[] }
  | { ok: false; reason: string };

/** Fewer role rows than this and the page is not (or not yet) the mapping page. */
const MIN_ROLE_ROWS = 2;

export function readAccountMapping(root: ParentNode = document): MappingReadResult {
  const candidates = [readRowLayout(root), readFormLayout(root)].filter(
    (candidate): candidate is { layout: MappingLayout; rows: MappingRowRead[] } => candidate !== null,
  );
  const best = candidates.sort((a, b) => roleCount(b.rows) - roleCount(a.rows))[0];
  if (!best || roleCount(best.rows) < MIN_ROLE_ROWS) {
    return {
      ok: false,
      reason: 'Could not find the account mapping on this page: no grid, table or form whose labels name Cin7 Core account roles.',
    };
  }
  return { ok: true, layout: best.layout, rows: best.rows };
}

function roleCount(rows: MappingRowRead[]): number {
  return new Set(rows.map((row) => row.roleId).filter(Boolean)).size;
}

// ---- Grids and tables -------------------------------------------------------------------------------------

interface RowCandidate {
  row: HTMLElement;
  cells: Element[];
  labelIndex: number;
  roleId: RoleId | null;
  label: string;
}

function readRowLayout(root: ParentNode): { layout: MappingLayout; rows: MappingRowRead[] } | null {
  const byContainer = new Map<Element, RowCandidate[]>();
  for (const row of root.querySelectorAll<HTMLElement>(ROW)) {
    if (isHeaderRow(row)) continue;
    const candidate = rowCandidate(row);
    if (!candidate) continue;
    const container = containerOf(row);
    byContainer.set(container, [...(byContainer.get(container) ?? []), candidate]);
  }
  let best: { container: Element; rows: RowCandidate[] } | null = null;
  for (const [container, rows] of byContainer) {
    const roles = rows.filter((row) => row.roleId).length;
    if (!best || roles > best.rows.filter((row) => row.roleId).length) best = { container, rows };
  }
  if (!best) return null;
  const accountColumn = accountColumnIndex(best.container);
  const rows = best.rows.map((candidate) => ({
    label: candidate.label,
    account: accountOf(candidate, accountColumn),
    roleId: candidate.roleId,
    row: candidate.row,
    labelElement: candidate.cells[candidate.labelIndex] as HTMLElement,
  }));
  const layout: MappingLayout = best.container.matches('table') ? 'table' : 'grid';
  return { layout, rows };
}

function isHeaderRow(row: Element): boolean {
  if (row.closest('thead')) return true;
  const cells = cellsOf(row);
  return cells.length > 0 && cells.every((cell) => cell.matches('th:not([scope="row"]), [role="columnheader"]'));
}

/** A row whose first non-empty cell (the label) is text, not a control. */
function rowCandidate(row: HTMLElement): RowCandidate | null {
  const cells = cellsOf(row);
  if (cells.length < 2) return null;
  const labelIndex = cells.findIndex((cell) => labelText(cell) !== '');
  const labelCell = cells[labelIndex];
  if (!labelCell || labelIndex === cells.length - 1) return null;
  const label = labelText(labelCell);
  return { row, cells, labelIndex, label, roleId: matchRoleLabel(label) };
}

function containerOf(row: Element): Element {
  return row.closest(ROW_CONTAINER) ?? row.parentElement ?? row;
}

const ACCOUNT_HEADER = /xero|account|mapped/i;
const LABEL_HEADER = /cin7|role|type|name|description/i;

/**
 * The column that holds the chosen account, from the headers: the first whose text mentions Xero, else one
 * mentioning an account that is not the label column. Null when there are no usable headers.
 */
function accountColumnIndex(container: Element): number | null {
  const headers = [...container.querySelectorAll(COLUMN_HEADER)].map((header) => labelText(header));
  if (headers.length === 0) return null;
  const xero = headers.findIndex((text) => /xero/i.test(text));
  if (xero >= 0) return xero;
  const account = headers.findIndex((text, index) => index > 0 && ACCOUNT_HEADER.test(text) && !LABEL_HEADER.test(text));
  return account >= 0 ? account : null;
}

function accountOf(candidate: RowCandidate, accountColumn: number | null): string {
  const { cells, labelIndex } = candidate;
  if (accountColumn !== null && accountColumn !== labelIndex && cells[accountColumn]) return cellValue(cells[accountColumn]);
  const rest = cells.slice(labelIndex + 1);
  const withControl = rest.find((cell) => cell.matches(VALUE_CONTROL) || cell.querySelector(VALUE_CONTROL));
  if (withControl) return cellValue(withControl);
  // No headers and no controls: the first cell that looks like an account ("1400", "1400: Inventory").
  const coded = rest.find((cell) => /^[A-Za-z0-9.-]{1,10}(?:\s*[:\-–]\s*.+)?$/.test(cellValue(cell)) && /\d/.test(cellValue(cell)));
  return coded ? cellValue(coded) : cellValue(rest[0] ?? cells[labelIndex]!);
}

// ---- Label-and-control forms --------------------------------------------------------------------------------

function readFormLayout(root: ParentNode): { layout: MappingLayout; rows: MappingRowRead[] } | null {
  const rows: MappingRowRead[] = [];
  const seen = new Set<Element>();
  const add = (labelElement: HTMLElement, label: string, control: Element | null) => {
    if (!control || seen.has(control)) return;
    seen.add(control);
    rows.push({
      label,
      account: controlValue(control),
      roleId: matchRoleLabel(label),
      row: commonContainer(labelElement, control),
      labelElement,
    });
  };
  // <label>s first: a fieldset's <legend> only labels its control when the fieldset holds just one.
  const labels = [...root.querySelectorAll<HTMLElement>(FORM_LABEL)].sort(
    (a, b) => Number(a.matches('legend')) - Number(b.matches('legend')),
  );
  for (const labelElement of labels) {
    const label = labelText(labelElement);
    if (!label) continue;
    add(labelElement, label, controlFor(labelElement));
  }
  for (const control of root.querySelectorAll<HTMLElement>(ARIA_LABELLED_CONTROL)) {
    if (seen.has(control)) continue;
    const labelledBy = control.getAttribute('aria-labelledby');
    const labelElement = labelledBy ? control.ownerDocument.getElementById(labelledBy.split(/\s+/)[0] ?? '') : null;
    const label = labelElement ? labelText(labelElement) : cleanText(control.getAttribute('aria-label'));
    if (label) add(labelElement ?? control, label, control);
  }
  const matched = rows.filter((row) => row.roleId);
  return matched.length > 0 ? { layout: 'form', rows: matched } : null;
}

function controlFor(labelElement: HTMLElement): Element | null {
  if (labelElement instanceof HTMLLabelElement) {
    const forId = labelElement.htmlFor;
    const byId = forId ? labelElement.ownerDocument.getElementById(forId) : null;
    if (byId) return byId.matches(VALUE_CONTROL) ? byId : byId.querySelector(VALUE_CONTROL);
    const nested = labelElement.querySelector(VALUE_CONTROL);
    if (nested) return nested;
  }
  // A legend, or a label without `for` beside its control: only when the container holds exactly one control.
  const controls = labelElement.parentElement?.querySelectorAll(VALUE_CONTROL);
  return controls?.length === 1 ? (controls[0] ?? null) : null;
}

function commonContainer(a: Element, b: Element): HTMLElement {
  let node: Element | null = a;
  while (node && !node.contains(b)) node = node.parentElement;
  return (node ?? a) as HTMLElement;
}
