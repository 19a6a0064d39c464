// Matches a row label of Cin7 Core's Account Mapping page to a role. Loose about case, spacing, punctuation,
// British/American spelling, plurals and a trailing "account"; precise about which role: whole phrases only, so
// "Stock in Transit (…)" can never be read as "In Transit".
import { ROLES, type RoleId } from './roles';

const BRITISH_TO_AMERICAN: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bunrealis/g, 'unrealiz'],
  [/\brealis/g, 'realiz'],
];

/** Lower case, "&" → "and", punctuation → space, plurals folded, trailing "account" dropped. */
export function normaliseLabel(text: string): string {
  let value = text.toLowerCase().replace(/&/g, ' and ');
  for (const [pattern, replacement] of BRITISH_TO_AMERICAN) value = value.replace(pattern, replacement);
  const words = value
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((word) => word.length > 0)
    // Fold simple plurals ("Gains"/"Gain", "Accounts"/"Account"); applied to both sides, so it only has to be consistent.
    .map((word) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word));
  while (words.length > 1 && words[words.length - 1] === 'account') words.pop();
  return words.join(' ');
}

const exactPhrases = new Map<string, RoleId>();
for (const definition of ROLES) {
  for (const phrase of [definition.label, ...definition.synonyms]) {
    const key = normaliseLabel(phrase);
    const existing = exactPhrases.get(key);
    if (existing && existing !== definition.id) throw new Error(`Role phrase "${phrase}" is ambiguous`);
    exactPhrases.set(key, definition.id);
  }
}

/**
 * Cin7's own multi-word labels, longest first, for rows that add words after the name ("Inventory Control - asset").
 * Synonyms are matched whole only, so an unknown row such as "Gift Card Expense" is not read as a known role.
 */
const prefixPhrases: ReadonlyArray<readonly [string, RoleId]> = ROLES.map((definition) => [normaliseLabel(definition.label), definition.id] as const)
  .filter(([phrase]) => phrase.includes(' '))
  .sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));

const PARENTHESISED = /\(([^)]*)\)?/g;

function matchPhrase(text: string): RoleId | null {
  const normalised = normaliseLabel(text);
  if (!normalised) return null;
  const exact = exactPhrases.get(normalised);
  if (exact) return exact;
  for (const [phrase, roleId] of prefixPhrases) {
    if (normalised.startsWith(phrase) && normalised.charAt(phrase.length) === ' ') return roleId;
  }
  return null;
}

/** The role a mapping-page label names, or null when it names none of them. */
export function matchRoleLabel(label: string | null | undefined): RoleId | null {
  if (!label) return null;
  const whole = exactPhrases.get(normaliseLabel(label));
  if (whole) return whole;
  // The name outside brackets decides: "Stock in Transit (Goods Invoiced, Not Received)" → "Stock in Transit".
  const outside = label.replace(PARENTHESISED, ' ');
  const byName = matchPhrase(outside);
  if (byName) return byName;
  // An unknown name with a known explanation in brackets ("Purchase Accrual (GRNI)").
  for (const match of label.matchAll(PARENTHESISED)) {
    const inner = matchPhrase(match[1] ?? '');
    if (inner) return inner;
  }
  return null;
}
