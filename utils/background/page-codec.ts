// A page of compact records as it is stored (issue #17): one column per field path, field names once per page, and
// repeated values (a status, a tax rule, an account code) once per column (codec 2; codec 1 pages are still read).
// Nested plain objects are flattened to dotted paths; anything else (arrays) is kept as a value.

import { decodeUuids, encodeUuids } from './uuid-column';

/** Codec 1 (pages written before codec 2: still read): one table of distinct values for the page, rows × fields cells. */
export interface EncodedPage {
  codec: 1;
  rows: number;
  fields: string[];
  /** Distinct values; index 0 is "absent" (the field was not in the record). */
  values: unknown[];
  /** rows × fields indices, row-major. */
  cells: Uint16Array | Uint32Array;
}

/**
 * Codec 2: column by column, each in the form that costs the fewest bytes to store and to hold while decoding. A column
 * of mostly distinct values (ids, names, SKUs) is its values in row order; any other column is its own table of
 * distinct values and one index per row, one byte wide where the table is small (a status, an account code, a tax rule).
 */
export interface EncodedColumns {
  codec: 2;
  rows: number;
  fields: string[];
  columns: EncodedColumn[];
  /** Some of the page's fields are in a record of their own (splitColumns). */
  apart?: true;
}

/**
 * `values`: one per row (undefined: absent). `table` + `cells`: each row's index into the table (0: absent). `uuids`:
 * a column where every row holds a lower-case UUID (the APIs' ids), 16 bytes a row instead of 38.
 */
export type EncodedColumn = { values: unknown[] } | { table: unknown[]; cells: Uint8Array | Uint16Array | Uint32Array } | { uuids: Uint8Array };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

/** False when a key holds a dot (it would be read back as nesting): such a page is stored as it is. */
function flatten(record: Record<string, unknown>, prefix: string, out: Map<string, unknown>): boolean {
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined) continue;
    if (key.includes('.') || key === '') return false;
    if (isPlainObject(value) && Object.keys(value).length > 0) {
      if (!flatten(value, `${prefix}${key}.`, out)) return false;
    } else out.set(`${prefix}${key}`, value);
  }
  return true;
}

const valueKey = (value: unknown): unknown => (typeof value === 'object' && value !== null ? value : `${typeof value}:${String(value)}`);

/** About what a value costs to store (V8's serialisation: a string's characters and a tag, a number's 8 bytes). */
function storedSize(value: unknown): number {
  if (typeof value === 'string') return value.length + 2;
  if (typeof value === 'number') return 9;
  if (value === undefined || value === null || typeof value === 'boolean') return 1;
  return 16;
}

/** The column in whichever form stores fewer bytes: its values in row order, or a table with an index per row. */
function encodeColumn(cells: readonly unknown[]): EncodedColumn {
  const uuids = encodeUuids(cells);
  if (uuids) return { uuids };
  const index = new Map<unknown, number>();
  const table: unknown[] = [undefined];
  const at = new Uint32Array(cells.length);
  let rowOrderBytes = 0;
  let tableBytes = 0;
  cells.forEach((value, row) => {
    rowOrderBytes += storedSize(value);
    if (value === undefined) return;
    const key = valueKey(value);
    let found = index.get(key);
    if (found === undefined) {
      found = table.length;
      table.push(value);
      index.set(key, found);
      tableBytes += storedSize(value);
    }
    at[row] = found;
  });
  const width = table.length <= 0xff ? 1 : table.length <= 0xffff ? 2 : 4;
  if (rowOrderBytes <= tableBytes + cells.length * width) {
    // Built by push: a spread copy measured up to four bytes a cell once stored for some columns (booleans of the
    // scenario's Xero items), a pushed one one byte.
    const values: unknown[] = [];
    for (const value of cells) values.push(value);
    return { values };
  }
  return { table, cells: width === 1 ? Uint8Array.from(at) : width === 2 ? Uint16Array.from(at) : at };
}

export function encodePage(records: readonly object[]): EncodedColumns | object[] {
  const flat: Map<string, unknown>[] = [];
  for (const record of records) {
    const out = new Map<string, unknown>();
    if (!isPlainObject(record) || !flatten(record, '', out)) return [...records];
    flat.push(out);
  }
  const fieldIndex = new Map<string, number>();
  for (const row of flat) for (const key of row.keys()) if (!fieldIndex.has(key)) fieldIndex.set(key, fieldIndex.size);
  const fields = [...fieldIndex.keys()];
  const columns = fields.map((field) => encodeColumn(flat.map((row) => row.get(field))));
  return { codec: 2, rows: records.length, fields, columns };
}

export function isEncodedPage(value: unknown): value is EncodedPage | EncodedColumns {
  return isPlainObject(value) && (value.codec === 1 || value.codec === 2) && Array.isArray(value.fields);
}

export interface DecodeOptions {
  /** Fields left out of each record: top-level names (a nested object goes with its parent) or dotted paths. */
  skip?: ReadonlySet<string>;
  /** Null fields left out (a reader whose code reads null and absent alike: the audit, unread-fields.ts). */
  dropNull?: boolean;
  /**
   * The reader never changes a record: records of a page with equal nested objects share one (a Xero item's
   * `SalesDetails` without its price is the same few account and tax pairs across 100,000 items).
   */
  readOnly?: boolean;
}

/** How a reader reads one stored column, whichever codec wrote it. */
interface ColumnReader {
  field: number;
  /** Dotted path split (null: a top-level field). */
  path: string[] | null;
  /** The column's values in row order (codec 2's distinct columns). */
  plain?: unknown[];
  table: unknown[];
  cells: ArrayLike<number>;
  /** Where row r's index is: cells[r * stride + offset] (codec 1 keeps one row-major grid for all columns). */
  stride: number;
  offset: number;
  /** The table's index of null when null fields are dropped (-1: none dropped). */
  nullAt: number;
}

/** The columns of one nested object (`SalesDetails.AccountCode`, `SalesDetails.TaxType`), built once per distinct row. */
interface NestedGroup {
  key: string;
  first: ColumnReader;
  columns: ColumnReader[];
  /** Each column's path below `key`. */
  paths: string[][];
  built: Map<number, Record<string, unknown>>;
}

/**
 * A read-only reader's nested groups by column; a group whose cells cannot make one exact number key, or holding a
 * column stored in row order (its values differ row by row: nothing to share), is left out.
 */
function nestedGroups(readers: readonly ColumnReader[]): Map<ColumnReader, NestedGroup> {
  const byKey = new Map<string, NestedGroup>();
  for (const reader of readers) {
    if (!reader.path) continue;
    const key = reader.path[0] as string;
    let group = byKey.get(key);
    if (!group) byKey.set(key, (group = { key, first: reader, columns: [], paths: [], built: new Map() }));
    group.columns.push(reader);
    group.paths.push(reader.path.slice(1));
  }
  const byColumn = new Map<ColumnReader, NestedGroup>();
  for (const group of byKey.values()) {
    if (group.columns.some((column) => column.plain)) continue;
    if (group.columns.reduce((size, column) => size * column.table.length, 1) > Number.MAX_SAFE_INTEGER) continue;
    for (const column of group.columns) byColumn.set(column, group);
  }
  return byColumn;
}

function setPath(record: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let target = record;
  for (let depth = 0; depth < path.length - 1; depth++) {
    const key = path[depth] as string;
    target = (target[key] ??= {}) as Record<string, unknown>;
  }
  target[path[path.length - 1] as string] = value;
}

/** The index of row r's value in its column's table (0: absent, or a dropped null). */
function indexAt(column: ColumnReader, row: number): number {
  const at = column.cells[row * column.stride + column.offset] as number;
  return at === column.nullAt ? 0 : at;
}

/** The group's object for the row (one per distinct set of cells in the page), or undefined when all absent. */
function sharedNested(group: NestedGroup, row: number): Record<string, unknown> | undefined {
  let key = 0;
  for (const column of group.columns) key = key * column.table.length + indexAt(column, row);
  if (key === 0) return undefined;
  let nested = group.built.get(key);
  if (!nested) {
    nested = {};
    for (let c = 0; c < group.columns.length; c++) {
      const column = group.columns[c] as ColumnReader;
      const at = indexAt(column, row);
      if (at !== 0) setPath(nested, group.paths[c] as string[], column.table[at]);
    }
    group.built.set(key, nested);
  }
  return nested;
}

/** Whether a field (a top-level name or a dotted path) is one of `names` or below one of them. */
const listedIn = (field: string, names: ReadonlySet<string>) => names.has(field) || names.has(field.split('.')[0] as string);

const NO_CELLS: ArrayLike<number> = [];

/** The readers of the columns a reader wants (a skipped field's column is never looked at). */
function columnReaders(page: EncodedPage | EncodedColumns, options: DecodeOptions): ColumnReader[] {
  const { skip } = options;
  const readers: ColumnReader[] = [];
  const v1NullAt = page.codec === 1 && options.dropNull ? page.values.indexOf(null, 1) : -1;
  page.fields.forEach((name, field) => {
    const path = name.includes('.') ? name.split('.') : null;
    if (skip && listedIn(name, skip)) return;
    if (page.codec === 1) {
      readers.push({ field, path, table: page.values, cells: page.cells, stride: page.fields.length, offset: field, nullAt: v1NullAt });
      return;
    }
    const column = page.columns[field] as EncodedColumn;
    if ('uuids' in column) readers.push({ field, path, plain: decodeUuids(column.uuids), table: [undefined], cells: NO_CELLS, stride: 0, offset: 0, nullAt: -1 });
    else if ('values' in column) readers.push({ field, path, plain: column.values, table: [undefined], cells: NO_CELLS, stride: 0, offset: 0, nullAt: -1 });
    else readers.push({ field, path, table: column.table, cells: column.cells, stride: 1, offset: 0, nullAt: options.dropNull ? column.table.indexOf(null, 1) : -1 });
  });
  return readers;
}

/**
 * The records of a page, appended to `into` (a stored page that is not encoded is a plain array). A reader that needs
 * only some fields never builds the others (`options`).
 */
export function decodePage(page: unknown, into: object[] = [], options: DecodeOptions = {}): object[] {
  if (Array.isArray(page)) {
    for (const record of page) into.push(record as object);
    return into;
  }
  if (!isEncodedPage(page)) return into;
  const names = page.fields;
  const readers = columnReaders(page, options);
  const byColumn = options.readOnly ? nestedGroups(readers) : undefined;
  const groups = readers.map((column) => byColumn?.get(column));
  const dropNull = options.dropNull === true;
  for (let row = 0; row < page.rows; row++) {
    const record: Record<string, unknown> = {};
    for (let c = 0; c < readers.length; c++) {
      const column = readers[c] as ColumnReader;
      const group = groups[c];
      if (group) {
        const nested = group.first === column ? sharedNested(group, row) : undefined;
        if (nested) record[group.key] = nested;
        continue;
      }
      let value: unknown;
      if (column.plain) {
        value = column.plain[row];
        if (value === undefined || (dropNull && value === null)) continue;
      } else {
        const at = indexAt(column, row);
        if (at === 0) continue;
        value = column.table[at];
      }
      if (column.path) setPath(record, column.path, value);
      else record[names[column.field] as string] = value;
    }
    into.push(record);
  }
  return into;
}

/**
 * A page's columns as two records of the same rows: the fields `apart` names (or below them) in `rest` (no columns when
 * the page has none of them), the others in `main`, marked `apart`. A reader that leaves those fields out reads only
 * `main` (snapshot-store.ts).
 */
export function splitColumns(page: EncodedColumns, apart: ReadonlySet<string>): { main: EncodedColumns; rest: EncodedColumns } {
  const main: EncodedColumns = { codec: 2, rows: page.rows, fields: [], columns: [], apart: true };
  const rest: EncodedColumns = { codec: 2, rows: page.rows, fields: [], columns: [] };
  page.fields.forEach((field, at) => {
    const into = listedIn(field, apart) ? rest : main;
    into.fields.push(field);
    into.columns.push(page.columns[at] as EncodedColumn);
  });
  return { main, rest };
}

/** `main` with the columns kept apart put back. */
export function joinColumns(main: EncodedColumns, rest: EncodedColumns): EncodedColumns {
  if (rest.rows !== main.rows) throw new Error('A page’s columns kept apart do not match its rows');
  return { codec: 2, rows: main.rows, fields: [...main.fields, ...rest.fields], columns: [...main.columns, ...rest.columns] };
}
