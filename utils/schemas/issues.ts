// Turns a zod 4 issue into one plain sentence naming the field: `xero.accounts: expected an array, received an object`.
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

const ARTICLE_TYPES: Record<string, string> = {
  array: 'an array',
  object: 'an object',
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'a boolean',
  bigint: 'a bigint',
  date: 'a date',
  null: 'null',
  undefined: 'nothing',
};

const expectedText = (expected: string) => ARTICLE_TYPES[expected] ?? expected;

/** What a JSON value is, as the sentence names it ("an object", "null", "nothing" for a missing field). */
export function describeReceived(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return expectedText(typeof value);
}

/** The value at `path` inside `input` (undefined when the path leaves the data). */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Dotted path such as `cin7.products.3.SKU`. */
export const pathText = (path: readonly PropertyKey[]) => path.map(String).join('.');

/** Types the branches of a failed union expected at the union's own position, e.g. ["a number", "a string"]. */
function unionExpectations(issue: Extract<Issue, { code: 'invalid_union' }>): string[] | null {
  const expected: string[] = [];
  for (const branch of issue.errors) {
    const [first] = branch;
    if (branch.length !== 1 || !first || first.code !== 'invalid_type' || first.path.length > 0) return null;
    expected.push(expectedText(first.expected));
  }
  return expected.length > 0 ? [...new Set(expected)] : null;
}

/** The sentence after the path: "expected a string, received a number", or zod's own wording for other checks. */
export function describeIssue(issue: Issue, input: unknown): string {
  const received = describeReceived(valueAt(input, issue.path));
  if (issue.code === 'invalid_type') return `expected ${expectedText(issue.expected)}, received ${received}`;
  if (issue.code === 'invalid_union') {
    const expected = unionExpectations(issue);
    if (expected) return `expected ${expected.join(' or ')}, received ${received}`;
  }
  const text = issue.message.replace(/^Invalid input:\s*/, '');
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * A union none of whose branches matched: when one branch got further into the value than the others (the value
 * had the right shape, a field inside was wrong), that branch's first issue is the useful one. Paths are absolute.
 */
function deepestIssue(issue: Issue): Issue {
  if (issue.code !== 'invalid_union' || unionExpectations(issue)) return issue;
  let best: Issue | undefined;
  for (const branch of issue.errors) {
    const [first] = branch;
    if (first && first.path.length > (best?.path.length ?? 0)) best = first;
  }
  return best ? deepestIssue({ ...best, path: [...issue.path, ...best.path] } as Issue) : issue;
}

/**
 * One sentence for a failed parse: the first issue's path (or `rootLabel` for the root) and what was wrong,
 * e.g. `xero.accounts: expected an array, received an object`. For boundaries other than the snapshot too.
 */
export function describeFirstIssue(error: z.ZodError, input: unknown, rootLabel: string): { path: string; message: string } {
  const first = error.issues[0];
  if (!first) return { path: '', message: `${rootLabel}: invalid input` };
  const issue = deepestIssue(first);
  const path = pathText(issue.path);
  return { path, message: `${path || rootLabel}: ${describeIssue(issue, input)}` };
}
