// The Account Mapping page shows a row's account as "1400", "1400: Inventory" or "1400 - Inventory" (PRODUCT.md
// "The audit snapshot"). This pulls out the code; null when the row shows no account.

/** Texts a select shows when nothing is chosen. */
const PLACEHOLDERS = new Set(['', '-', '--', '—', 'none', 'select', 'select account', 'select an account', 'not mapped', 'n/a']);

/** "code: name" or "code - name" (also en/em dashes); the code itself may contain hyphens ("1-1400"). */
const CODE_THEN_NAME = /^(\S+?)\s*(?::|\s[-–—]\s)/;
const HAS_DIGIT = /\d/;

export function parseAccountText(text: string | null | undefined): string | null {
  if (text == null) return null;
  const trimmed = text.trim();
  if (PLACEHOLDERS.has(trimmed.replace(/[.…\s]+$/, '').toLowerCase())) return null;
  const separated = CODE_THEN_NAME.exec(trimmed);
  if (separated?.[1]) return separated[1];
  if (!/\s/.test(trimmed)) return trimmed;
  // "1400 Inventory": a first word with a digit is a code; a phrase without one ("Not chosen") is not.
  const first = trimmed.split(/\s+/, 1)[0] ?? '';
  return HAS_DIGIT.test(first) ? first : null;
}

/** The key accounts are looked up by: codes compared without surrounding space and case ("sales" = "SALES"). */
export function accountKey(code: string): string {
  return code.trim().toUpperCase();
}
