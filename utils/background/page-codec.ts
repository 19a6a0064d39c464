// A page of compact records as it is stored (issue #17): one column per field path, each cell an index into the
// page's table of distinct values, so repeated strings (a status, a tax rule, an account code, a name repeated as a
// description) are kept once and field names once per page. Nested plain objects are flattened to dotted paths;
// anything else (arrays) is kept as a value.

export interface EncodedPage {
  codec: 1;
  rows: number;
  fields: string[];
  /** Distinct values; index 0 is "absent" (the field was not in the record). */
  values: unknown[];
  /** rows × fields indices, row-major. */
  cells: Uint16Array | Uint32Array;
}

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

export function encodePage(records: readonly object[]): EncodedPage | object[] {
  const fieldIndex = new Map<string, number>();
  const valueIndex = new Map<unknown, number>();
  const values: unknown[] = [undefined];
  const flat: Map<string, unknown>[] = [];
  for (const record of records) {
    const out = new Map<string, unknown>();
    if (!isPlainObject(record) || !flatten(record, '', out)) return [...records];
    flat.push(out);
  }
  for (const row of flat) for (const key of row.keys()) if (!fieldIndex.has(key)) fieldIndex.set(key, fieldIndex.size);
  const fields = [...fieldIndex.keys()];
  const indices: number[] = new Array(records.length * fields.length).fill(0);
  flat.forEach((row, r) => {
    for (const [key, value] of row) {
      const identity = valueKey(value);
      let at = valueIndex.get(identity);
      if (at === undefined) {
        at = values.length;
        values.push(value);
        valueIndex.set(identity, at);
      }
      indices[r * fields.length + (fieldIndex.get(key) as number)] = at;
    }
  });
  const cells = values.length <= 0xffff ? Uint16Array.from(indices) : Uint32Array.from(indices);
  return { codec: 1, rows: records.length, fields, values, cells };
}

export function isEncodedPage(value: unknown): value is EncodedPage {
  return isPlainObject(value) && value.codec === 1 && Array.isArray(value.fields) && Array.isArray(value.values);
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

/** The columns of one nested object (`SalesDetails.AccountCode`, `SalesDetails.TaxType`), built once per distinct row. */
interface NestedGroup {
  key: string;
  first: number;
  columns: number[];
  /** Each column's path below `key`. */
  paths: string[][];
  built: Map<number, Record<string, unknown>>;
}

/** A read-only reader's nested groups by column; a group whose cells cannot make one exact number key is left out. */
function nestedGroups(columns: readonly number[], paths: readonly (string[] | null)[], radix: number): Map<number, NestedGroup> {
  const byKey = new Map<string, NestedGroup>();
  for (const f of columns) {
    const path = paths[f];
    if (!path) continue;
    const key = path[0] as string;
    let group = byKey.get(key);
    if (!group) byKey.set(key, (group = { key, first: f, columns: [], paths: [], built: new Map() }));
    group.columns.push(f);
    group.paths.push(path.slice(1));
  }
  const byColumn = new Map<number, NestedGroup>();
  for (const group of byKey.values()) {
    if (radix ** group.columns.length > Number.MAX_SAFE_INTEGER) continue;
    for (const f of group.columns) byColumn.set(f, group);
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

/** The group's object for the row at `base` (one per distinct set of cells in the page), or undefined when all absent. */
function sharedNested(group: NestedGroup, page: EncodedPage, base: number, nullAt: number): Record<string, unknown> | undefined {
  const radix = page.values.length;
  let key = 0;
  for (const f of group.columns) {
    const at = page.cells[base + f] as number;
    key = key * radix + (at === nullAt ? 0 : at);
  }
  if (key === 0) return undefined;
  let nested = group.built.get(key);
  if (!nested) {
    nested = {};
    for (let c = 0; c < group.columns.length; c++) {
      const at = page.cells[base + (group.columns[c] as number)] as number;
      if (at !== 0 && at !== nullAt) setPath(nested, group.paths[c] as string[], page.values[at]);
    }
    group.built.set(key, nested);
  }
  return nested;
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
  const { skip } = options;
  const names = page.fields;
  const paths = names.map((field) => (field.includes('.') ? field.split('.') : null));
  // The columns read, in order: a skipped field's cells are never looked at.
  const columns: number[] = [];
  for (let f = 0; f < names.length; f++) if (!skip?.has((paths[f]?.[0] ?? names[f]) as string) && !skip?.has(names[f] as string)) columns.push(f);
  const { cells, values } = page;
  const width = names.length;
  // Index 0 is "absent"; a dropped null reads as absent too (-1: nothing dropped).
  const nullAt = options.dropNull ? values.indexOf(null, 1) : -1;
  const groups = options.readOnly ? nestedGroups(columns, paths, values.length) : undefined;
  for (let r = 0, base = 0; r < page.rows; r++, base += width) {
    const record: Record<string, unknown> = {};
    for (let c = 0; c < columns.length; c++) {
      const f = columns[c] as number;
      const group = groups?.get(f);
      if (group) {
        const nested = group.first === f ? sharedNested(group, page, base, nullAt) : undefined;
        if (nested) record[group.key] = nested;
        continue;
      }
      const at = cells[base + f] as number;
      if (at === 0 || at === nullAt) continue;
      const path = paths[f];
      if (path) setPath(record, path, values[at]);
      else record[names[f] as string] = values[at];
    }
    into.push(record);
  }
  return into;
}
