// A page column of the APIs' ids (page-codec.ts): when every row holds a lower-case UUID, 16 bytes a row instead of
// the 38 its string costs once stored; anything else (upper case, braces, another id) is left to the other forms.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Where each of a UUID's 32 hex digits is in its 36 characters. */
const UUID_DIGITS = [...'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx'].flatMap((char, at) => (char === 'x' ? [at] : []));
const HEX_CODES = [...'0123456789abcdef'].map((char) => char.charCodeAt(0));
const DASH = '-'.charCodeAt(0);

/** A lower-case hex digit's value ('0'–'9' are 48–57, 'a'–'f' 97–102). */
const nibble = (text: string, at: number) => {
  const code = text.charCodeAt(at);
  return code <= 57 ? code - 48 : code - 87;
};

/** The column as bytes, or undefined when a row holds anything but a lower-case UUID. */
export function encodeUuids(cells: readonly unknown[]): Uint8Array | undefined {
  if (cells.length === 0 || !cells.every((value) => typeof value === 'string' && UUID.test(value))) return undefined;
  const bytes = new Uint8Array(cells.length * 16);
  cells.forEach((value, row) => {
    const text = value as string;
    for (let b = 0; b < 16; b++) bytes[row * 16 + b] = (nibble(text, UUID_DIGITS[2 * b] as number) << 4) | nibble(text, UUID_DIGITS[2 * b + 1] as number);
  });
  return bytes;
}

/** The ids back as strings: one text for the page, each id a slice of it (no string built piece by piece). */
export function decodeUuids(bytes: Uint8Array): string[] {
  const rows = bytes.length / 16;
  const ascii = new Uint8Array(rows * 36).fill(DASH);
  for (let row = 0; row < rows; row++) {
    for (let b = 0; b < 16; b++) {
      const byte = bytes[row * 16 + b] as number;
      ascii[row * 36 + (UUID_DIGITS[2 * b] as number)] = HEX_CODES[byte >> 4] as number;
      ascii[row * 36 + (UUID_DIGITS[2 * b + 1] as number)] = HEX_CODES[byte & 15] as number;
    }
  }
  const text = new TextDecoder('latin1').decode(ascii);
  const ids: string[] = [];
  for (let row = 0; row < rows; row++) ids.push(text.slice(row * 36, row * 36 + 36));
  return ids;
}
